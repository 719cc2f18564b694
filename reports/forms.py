"""The form that asks for a report: kind and its parameters. Only these fields come from the POST."""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from campaigns.models import AwardRound, Campaign, Unit
from campaigns.selectors import visible_units
from campaigns.text import fold, normalize
from reports.models import ReportJob

# Matches read to decide which unit was meant; the few named when the text is ambiguous.
MATCH_LIMIT = 50
SHOWN_MATCHES = 5


class UnitSearchField(forms.Field):
    """A unit typed by its code or (part of) its name, diacritics optional; cleans to a Unit or None.

    A province has ~300 units: a <select> of all of them cost most of the page's time and is hard to
    use. The text is matched against the unit's folded `search_name` (campaigns.text.fold) among
    `queryset` only, so another unit's name is as unknown as a misspelt one.
    """

    widget = forms.TextInput
    default_error_messages = {
        "not_found": _(
            "Không tìm thấy đơn vị “%(text)s” trong các đơn vị bạn được lập báo cáo. "
            "Hãy gõ tên đơn vị (có thể không dấu) hoặc mã đơn vị."
        ),
        "ambiguous": _(
            "Có nhiều đơn vị khớp với “%(text)s”: %(units)s. Hãy gõ đầy đủ tên hoặc mã của đơn vị cần chọn."
        ),
    }

    def __init__(self, *, queryset: QuerySet[Unit] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.queryset = Unit.objects.none() if queryset is None else queryset

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "maxlength": "300", "autocomplete": "off"}

    def prepare_value(self, value):
        return value.name if isinstance(value, Unit) else value

    def to_python(self, value) -> Unit | None:
        text = normalize(value)
        if not text:
            return None
        folded = fold(text)
        units = self.queryset.order_by("path").only("pk", "code", "name", "path", "search_name")
        matches = list(units.filter(search_name__contains=folded)[:MATCH_LIMIT])
        # The whole name or the whole code wins over units whose names merely contain the text.
        exact = [u for u in matches if folded in (fold(u.name), fold(u.code))]
        if len(exact) == 1 or len(matches) == 1:
            return (exact or matches)[0]
        if not matches:
            raise forms.ValidationError(
                self.error_messages["not_found"], code="not_found", params={"text": text}
            )
        shown = "; ".join(f"{u.name} ({u.code})" for u in matches[:SHOWN_MATCHES])
        raise forms.ValidationError(
            self.error_messages["ambiguous"],
            code="ambiguous",
            params={"text": text, "units": shown + ("; …" if len(matches) > SHOWN_MATCHES else "")},
        )


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
