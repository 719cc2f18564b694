from django import forms
from django.utils.translation import gettext_lazy as _


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp dữ liệu"),
        help_text=_("Tệp Excel (.xlsx) hoặc CSV (UTF-8, dấu phẩy hoặc chấm phẩy), dòng 1 là tiêu đề cột."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
