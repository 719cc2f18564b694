"""The forms of the signers' page, and the "Người ký" field of the forms that ask for a paper. Only these
fields come from the POST; the services check the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.forms.units import UnitSearchField
from campaigns.models import Campaign, Unit
from documents.models import Official


class OfficialForm(forms.Form):
    unit = UnitSearchField(label=_("Ký cho đơn vị"))
    full_name = forms.CharField(label=_("Họ và tên"), max_length=255)
    title = forms.CharField(label=_("Chức vụ"), max_length=255, help_text=_("Ví dụ: Giám đốc, Phó Chủ tịch."))
    authority = forms.ChoiceField(
        label=_("Thẩm quyền ký"), choices=Official.Authority.choices, required=False
    )
    on_behalf_of = forms.CharField(
        label=_("Ký thay, thay mặt cho"),
        max_length=255,
        required=False,
        help_text=_("Với TM., KT., Q., TL., TUQ.: ví dụ “Giám đốc”, “Ủy ban nhân dân”."),
    )
    valid_from = forms.DateField(label=_("Ký từ ngày"), widget=forms.DateInput(attrs={"type": "date"}))
    valid_to = forms.DateField(
        label=_("Đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    is_default = forms.BooleanField(label=_("Người ký mặc định của đơn vị"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class EndOfficialForm(forms.Form):
    valid_to = forms.DateField(label=_("Ngày cuối cùng ký"), widget=forms.DateInput(attrs={"type": "date"}))


class IssuingUnitsForm(forms.Form):
    campaign = forms.ModelChoiceField(label=_("Kế hoạch"), queryset=Campaign.objects.order_by("-issued_on"))
    deciding = UnitSearchField(label=_("Cơ quan quyết định khen thưởng (Ủy ban nhân dân tỉnh)"))
    appraising = UnitSearchField(label=_("Cơ quan thẩm định, báo cáo (Sở Nội vụ)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deciding"].queryset = Unit.objects.filter(kind=Unit.Kind.PROVINCE)
        self.fields["appraising"].queryset = Unit.objects.filter(kind=Unit.Kind.PROVINCIAL_AGENCY)


class SignerField(forms.TypedChoiceField):
    """ "Người ký": the officials who may sign a paper, each as its block prints, the default first and
    chosen. Cleans to the official's id, or None when the page offered nobody (the register's default
    then). Whether that official may sign is the service's check (documents.issuers.signer_on), so an id
    the page did not offer gets the same sentence as a choice gone stale."""

    # Radio buttons: a block on one line is longer than a select is wide; a label wraps.
    widget = forms.RadioSelect

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Người ký"))
        kwargs.setdefault("template_name", "documents/signer_field.html")
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": _("Người ký không hợp lệ: hãy chọn lại trong danh sách “Người ký”.")},
        )
        super().__init__(coerce=int, required=False, empty_value=None, **kwargs)
        # Shown instead of an empty list: why nobody is offered; for an empty register, the unit whose
        # page of signers the user may open to add one (None: they ask those who keep it).
        self.note = ""
        self.empty_register = False
        self.add_signers_of = None

    def offer(self, officials, block, *, unit, day, may_add: bool) -> None:
        """Offer `officials` of `unit` on `day` (the default first), each labelled by its block
        (`block(official)`); nobody: the sentence saying so, and the register's page of the unit when the
        user keeps it (`may_add`)."""
        default = _("(mặc định)")
        self.choices = [
            (o.pk, f"{block(o).one_line} {default}" if o.is_default else block(o).one_line) for o in officials
        ]
        self.initial = next((o.pk for o in officials if o.is_default), None)
        where = {"unit": unit.name, "day": f"{day:%d/%m/%Y}"}
        self.help_text = (
            _("Người có thẩm quyền ký cho %(unit)s vào ngày %(day)s, theo sổ người ký văn bản.") % where
        )
        if not officials:
            self.note = _("Sổ người ký văn bản chưa có ai ký cho %(unit)s vào ngày %(day)s.") % where
            self.empty_register = True
            self.add_signers_of = unit if may_add else None

    def valid_value(self, value) -> bool:
        return str(value).isdigit()
