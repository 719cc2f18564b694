from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra lại (mật khẩu phân biệt chữ hoa, "
            "chữ thường); sau 5 lần sai, tài khoản bị tạm khóa 30 phút."
        ),
        "inactive": _("Tài khoản này đã bị vô hiệu hóa. Hãy liên hệ Sở Nội vụ để được mở lại."),
    }

    username = forms.CharField(
        label=_("Tên đăng nhập"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
