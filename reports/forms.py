"""The form that asks for a report: kind and its parameters. Only these fields come from the POST."""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.filters import PlainSelect
from campaigns.models import AwardRound, Campaign
from campaigns.selectors import visible_units
from campaigns.text import vietnamese_sort_key
from reports.models import ReportJob


class UnitSelect(PlainSelect):
    """The visible units, grouped under the units just below the user's top unit, written as one string.

    A province has ~300 units: rendering each <option> through Django's widget templates cost most
    of the page's time. Only (id, name, path) are read, when the select is rendered; the field's
    queryset still validates the posted id (and the service checks the permission).
    """

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = units

    def option_groups(self):
        """[("", "---------"), the top units…, (group label, [(id, name), …]), …] in Vietnamese order."""
        rows = list(self.units.order_by().values_list("id", "name", "path")) if self.units is not None else []
        if not rows:
            return [("", "---------")]
        top = min(path.count("/") for _pk, _name, path in rows)
        alone, groups = [], {}
        for pk, name, path in rows:
            depth = path.count("/")
            if depth == top:
                alone.append((pk, name))
            else:
                head = "/".join(path.split("/")[: top + 1]) + "/"
                groups.setdefault(head, []).append((depth, vietnamese_sort_key(name), pk, name))
        alone.sort(key=lambda unit: vietnamese_sort_key(unit[1]))
        grouped = []
        for members in groups.values():
            members.sort()
            grouped.append((members[0][3], [(pk, name) for _depth, _key, pk, name in members]))
        grouped.sort(key=lambda group: vietnamese_sort_key(group[0]))
        return [("", "---------"), *alone, *grouped]


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại báo cáo"))
    campaign = forms.ModelChoiceField(
        label=_("Kế hoạch thi đua"), queryset=Campaign.objects.order_by("-issued_on"), empty_label=None
    )
    year = forms.TypedChoiceField(label=_("Năm"), coerce=int, required=False, empty_value=None)
    round = forms.ModelChoiceField(
        label=_("Đợt khen thưởng"),
        queryset=AwardRound.objects.select_related("campaign").order_by("-period_end"),
        required=False,
    )
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None, required=False)
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
        campaigns = list(Campaign.objects.order_by("-issued_on"))
        years = sorted(
            {y for c in campaigns for y in range(c.starts_on.year, c.ends_on.year + 1)}, reverse=True
        )
        # Plain lists: the fields' querysets still validate the posted ids, but rendering asks no query.
        self.fields["campaign"].choices = [(c.pk, str(c)) for c in campaigns]
        rounds = self.fields["round"].queryset
        self.fields["round"].choices = [("", self.fields["round"].empty_label)] + [
            (r.pk, f"{r.name} ({r.campaign.number})") for r in rounds
        ]
        self.fields["year"].choices = [("", _("— cả thời gian của kế hoạch —"))] + [
            (y, str(y)) for y in years
        ]
        self.fields["year"].help_text = _(
            "Bắt buộc với báo cáo năm; để trống với báo cáo của đơn vị cho cả kế hoạch."
        )
        self.fields["round"].help_text = _("Chỉ dùng cho tờ trình đề nghị khen thưởng.")
        units = visible_units(user)
        self.fields["unit"].queryset = units
        self.fields["unit"].widget = UnitSelect(units=units)
        self.fields["unit"].help_text = _("Chỉ dùng cho báo cáo của đơn vị.")
        # Every choice is a plain select written as one string (the template renders plain markup).
        for field in self.fields.values():
            if not isinstance(field.widget, PlainSelect):
                widget = PlainSelect()
                widget.choices, widget.is_required = field.widget.choices, field.widget.is_required
                field.widget = widget
            field.widget.attrs["class"] = "form-select"
