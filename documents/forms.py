"""The forms of the signers' page. Only these fields come from the POST; the services check the rest."""

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
