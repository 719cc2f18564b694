"""Forms of the awards pages: only the fields a user may set; services do the checking."""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.models import AwardRound, Person, Unit
from nominations.models import Nomination

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
STALE_DOSSIER = _("Có hồ sơ không còn tồn tại. Hãy tải lại trang và chọn lại.")


class RoundChoiceField(forms.ModelChoiceField):
    """A round shown with its campaign's number: “Khen thưởng năm 2025 – 12/KH-UBND”."""

    def label_from_instance(self, obj: AwardRound) -> str:
        return f"{obj.name} – {obj.campaign.number}"


class DossierChoiceField(forms.ModelMultipleChoiceField):
    """Dossiers shown by code and nominee: “HS-00028 · Nguyễn Văn An”."""

    def label_from_instance(self, obj: Nomination) -> str:
        return f"{obj.code} · {obj.nominee_name}"


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name} – {obj.unit.name}"


def rounds_newest_first():
    return AwardRound.objects.select_related("campaign").order_by("-period_end")


# The id of the list of the register's officials a decision form offers for its signer
# (templates/documents/signer_options.html).
REGISTER_SIGNERS = "nguoi-ky-trong-so"


class DecisionHeaderForm(forms.Form):
    number = forms.CharField(label=_("Số quyết định"), max_length=64, help_text=_("Ví dụ: 1234/QĐ-UBND"))
    issued_on = forms.DateField(label=_("Ngày quyết định"), widget=DATE_INPUT)
    signer_name = forms.CharField(
        label=_("Họ tên người ký"),
        max_length=255,
        widget=forms.TextInput(attrs={"list": REGISTER_SIGNERS, "autocomplete": "off"}),
        help_text=_("Chọn trong sổ người ký văn bản, hoặc gõ họ tên người đã ký quyết định."),
    )
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=255)


class ProvinceDecisionForm(DecisionHeaderForm):
    issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=255)
    awardees = DossierChoiceField(
        label=_("Được khen thưởng"),
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Mặc định là các hồ sơ được Hội đồng thông qua; hồ sơ không chọn sẽ ghi “Không được khen thưởng”."
        ),
    )

    def __init__(self, *args, nominations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["awardees"].queryset = (
            nominations if nominations is not None else Nomination.objects.none()
        )


class UnitDecisionForm(DecisionHeaderForm):
    round = RoundChoiceField(label=_("Đợt khen thưởng"), queryset=AwardRound.objects.none())
    people = PersonChoiceField(
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
        self.fields["round"].queryset = rounds_newest_first()
        # The choices are the unit's scope; the service checks it again.
        self.fields["people"].queryset = Person.objects.filter(
            unit__path__startswith=unit.path
        ).select_related("unit")
        self.fields["units"].queryset = Unit.objects.subtree_of(unit).exclude(pk=unit.pk)


class UnitPlanForm(forms.Form):
    round = RoundChoiceField(label=_("Đợt khen thưởng"), queryset=AwardRound.objects.none())
    planned_count = forms.IntegerField(label=_("Số lượng Giấy khen dự kiến"), min_value=0, max_value=100000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds_newest_first()


class ProposeForm(forms.Form):
    """The dossiers ticked on the ranking board (its rows' checkboxes, drawn by the board's own loop)."""

    nomination = forms.ModelMultipleChoiceField(
        queryset=Nomination.objects.all(),
        required=False,  # none chosen: the service says what to do
        error_messages={"invalid_choice": STALE_DOSSIER, "invalid_pk_value": STALE_DOSSIER},
    )


class PublicSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Tìm theo tên, đơn vị hoặc số quyết định"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    round = RoundChoiceField(
        label=_("Đợt khen thưởng"),
        queryset=AwardRound.objects.none(),
        required=False,
        empty_label=_("Tất cả các đợt"),
    )

    def __init__(self, *args, rounds=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds if rounds is not None else AwardRound.objects.none()
