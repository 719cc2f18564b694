"""The form that asks for a report (kind and its parameters) and the form of a written part of a summary
report. Only these fields come from the POST."""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.forms.units import UnitSearchField
from campaigns.models import AwardRound, Campaign
from campaigns.selectors import visible_units
from reports import narrative
from reports.models import ReportJob


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại báo cáo"))
    campaign = forms.ModelChoiceField(
        label=_("Kế hoạch thi đua"), queryset=Campaign.objects.order_by("-issued_on"), empty_label=None
    )
    year = forms.TypedChoiceField(
        label=_("Năm"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Bắt buộc với báo cáo năm; để trống với báo cáo của đơn vị cho cả kế hoạch."),
    )
    round = forms.ModelChoiceField(
        label=_("Đợt khen thưởng"),
        queryset=AwardRound.objects.select_related("campaign").order_by("-period_end"),
        required=False,
        help_text=_("Chỉ dùng cho tờ trình đề nghị khen thưởng."),
    )
    # Typed, not chosen from a select of ~300 units; matched among the units the user may see.
    unit = UnitSearchField(
        label=_("Đơn vị"),
        required=False,
        help_text=_("Chỉ dùng cho báo cáo của đơn vị. Gõ tên đơn vị (không cần dấu) hoặc mã đơn vị."),
    )
    format = forms.ChoiceField(label=_("Định dạng"), choices=ReportJob.Format.choices, initial="pdf")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = []
        if user.has_perm("reports.request_summary"):
            kinds += [
                (ReportJob.Kind.ANNUAL, _("Báo cáo kết quả năm")),
                (ReportJob.Kind.FINAL, _("Báo cáo tổng kết phong trào")),
                (ReportJob.Kind.PROPOSAL, _("Tờ trình đề nghị khen thưởng và dự thảo quyết định")),
                (ReportJob.Kind.MOVEMENTS_FORM, _("Biểu 0601.N – Số phong trào thi đua (Thông tư 02/2023)")),
                (
                    ReportJob.Kind.AWARDS_FORM,
                    _("Biểu 0603.N – Số lượng khen thưởng cấp tỉnh (Thông tư 02/2023)"),
                ),
            ]
        if user.has_perm("reports.request_unit_report"):
            kinds.append((ReportJob.Kind.UNIT, _("Báo cáo của đơn vị")))
        self.fields["kind"].choices = kinds
        years = {
            y
            for starts, ends in Campaign.objects.values_list("starts_on", "ends_on")
            for y in range(starts.year, ends.year + 1)
        }
        self.fields["year"].choices = [("", _("— cả thời gian của kế hoạch —"))] + [
            (y, str(y)) for y in sorted(years, reverse=True)
        ]
        self.fields["round"].label_from_instance = lambda round_: f"{round_.name} ({round_.campaign.number})"
        self.fields["unit"].queryset = visible_units(user)


class NarrativePartForm(forms.Form):
    """One written part of a summary report on the "Dự thảo báo cáo" page, prefixed by the part's key.

    `based_on` is the version the text was loaded from; the page writes it from the part's current
    version, so a save refused because someone saved meanwhile is based on the newer one the next time.
    """

    text = forms.CharField(
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": narrative.MAX_CHARS, "spellcheck": "true"}),
    )
    based_on = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, part: narrative.Part, **kwargs):
        super().__init__(*args, prefix=part.key, **kwargs)
        self.part = part
        self.fields["text"].label = part.label
        self.fields["text"].help_text = part.hint
        # The page prints the hint above the box under this id (reports/draft.html).
        self.fields["text"].widget.attrs["aria-describedby"] = f"goi-y-{part.key}"


class RestorePartForm(forms.Form):
    """The history page's "Khôi phục bản này": the part's current version when the page was drawn."""

    based_on = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
