"""Forms of the awards pages: only the fields a user may set; services do the checking."""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.models import AwardRound, Person, Unit
from nominations.models import Nomination

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DecisionHeaderForm(forms.Form):
    number = forms.CharField(label=_("Số quyết định"), max_length=64, help_text=_("Ví dụ: 1234/QĐ-UBND"))
    issued_on = forms.DateField(label=_("Ngày quyết định"), widget=DATE_INPUT)
    signer_name = forms.CharField(label=_("Họ tên người ký"), max_length=255)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=255)


class ProvinceDecisionForm(DecisionHeaderForm):
    issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=255)
    awardees = forms.ModelMultipleChoiceField(
        label=_("Được khen thưởng"),
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Mặc định là các hồ sơ được Hội đồng thông qua; hồ sơ không chọn sẽ ghi «Không được khen thưởng»."
        ),
    )

    def __init__(self, *args, nominations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["awardees"].queryset = (
            nominations if nominations is not None else Nomination.objects.none()
        )
        self.fields["awardees"].label_from_instance = lambda n: f"HS-{n.pk:05d} · {n.nominee_name}"


class UnitDecisionForm(DecisionHeaderForm):
    round = forms.ModelChoiceField(label=_("Đợt khen thưởng"), queryset=AwardRound.objects.none())
    people = forms.ModelMultipleChoiceField(
        label=_("Cá nhân được tặng Giấy khen"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Tập thể được tặng Giấy khen (đơn vị cấp dưới)"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args, unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = AwardRound.objects.select_related("campaign").order_by("-period_end")
        self.fields["round"].label_from_instance = lambda r: f"{r.name} – {r.campaign.number}"
        # The choices are the unit's scope; the service checks it again.
        self.fields["people"].queryset = Person.objects.filter(
            unit__path__startswith=unit.path
        ).select_related("unit")
        self.fields["people"].label_from_instance = lambda p: f"{p.full_name} – {p.unit.name}"
        self.fields["units"].queryset = Unit.objects.subtree_of(unit).exclude(pk=unit.pk)


class UnitPlanForm(forms.Form):
    round = forms.ModelChoiceField(label=_("Đợt khen thưởng"), queryset=AwardRound.objects.none())
    planned_count = forms.IntegerField(label=_("Số lượng Giấy khen dự kiến"), min_value=0, max_value=100000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = AwardRound.objects.select_related("campaign").order_by("-period_end")
        self.fields["round"].label_from_instance = lambda r: f"{r.name} – {r.campaign.number}"


class PublicSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Tìm theo tên, đơn vị hoặc số quyết định"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"class": "form-control", "type": "search"}),
    )
    dot = forms.ModelChoiceField(
        label=_("Đợt khen thưởng"),
        queryset=AwardRound.objects.none(),
        required=False,
        empty_label=_("Tất cả các đợt"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, rounds=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dot"].queryset = rounds if rounds is not None else AwardRound.objects.none()
        self.fields["dot"].label_from_instance = lambda r: f"{r.name} – {r.campaign.number}"
