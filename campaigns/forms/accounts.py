"""Forms of the account pages; the services decide, the forms only collect and show errors."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from campaigns import roles
from campaigns.forms.units import UnitSearchField
from campaigns.models import Unit

ROLE_CHOICES = [(name, label) for name, label in roles.ROLE_LABELS.items()]


class AccountForm(forms.Form):
    last_name = forms.CharField(label=_("Họ và tên đệm"), max_length=150)
    first_name = forms.CharField(label=_("Tên"), max_length=150)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    role = forms.ChoiceField(label=_("Vai trò"), choices=ROLE_CHOICES)
    unit = UnitSearchField(
        label=_("Đơn vị"),
        required=False,
        help_text=_(
            "Gõ tên (không cần dấu) hoặc mã đơn vị. Bắt buộc với thủ trưởng và cán bộ phụ trách thi đua; "
            "chỉ chọn được đơn vị đang hoạt động."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.active()


class NewAccountForm(AccountForm):
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150)
    password = forms.CharField(
        label=_("Mật khẩu ban đầu"),
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Ít nhất 10 ký tự; người dùng nên đổi mật khẩu sau lần đăng nhập đầu."),
    )
    field_order = ["username", "last_name", "first_name", "email", "role", "unit", "password"]

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Tên đăng nhập này đã có người dùng. Hãy chọn tên khác."))
        return username
