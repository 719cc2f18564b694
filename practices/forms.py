"""Forms of the practices app: explicit fields only, so that a POST never sets state or unit."""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.files import DOCUMENT_KINDS, IMAGE_KINDS, check_upload
from campaigns.models import Cluster, Unit
from practices.models import Difficulty, Field, Practice, PracticeFile

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by content (campaigns.files.check_upload)."""

    def __init__(self, *args, allowed=DOCUMENT_KINDS, **kwargs):
        self.allowed = allowed
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        uploads = data if isinstance(data, list | tuple) else ([data] if data else [])
        checked = []
        for upload in uploads:
            upload = single(upload, initial)
            if upload:
                checked.append(check_upload(upload, allowed=self.allowed))
        return checked


class PracticeForm(forms.ModelForm):
    photos = MultipleFileField(
        label=_("Ảnh (JPEG, PNG)"),
        allowed=IMAGE_KINDS,
        help_text=_("Ảnh của mô hình được công khai khi mô hình được chọn làm điển hình nhân rộng."),
    )
    documents = MultipleFileField(
        label=_("Tài liệu (PDF, DOCX, XLSX, JPEG, PNG)"),
        allowed=DOCUMENT_KINDS,
        help_text=_("Báo cáo, quy chế, kế hoạch thực hiện mô hình…"),
    )

    class Meta:
        model = Practice
        fields = [
            "kind",
            "name",
            "field",
            "person",
            "place",
            "description",
            "results",
            "started_on",
            "ended_on",
        ]
        widgets = {
            "started_on": DATE_WIDGET,
            "ended_on": DATE_WIDGET,
            "description": forms.Textarea(attrs={"rows": 5}),
            "results": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, people=None, with_files: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = (
            people if people is not None else self.fields["person"].queryset.none()
        )
        self.fields["person"].label_from_instance = lambda p: f"{p.full_name} – {p.unit.name}"
        self.fields["person"].empty_label = _("— Mô hình của tập thể đơn vị —")
        if not with_files:
            del self.fields["photos"]
            del self.fields["documents"]


class PracticeFileForm(forms.Form):
    # `role` comes first: the upload is checked against the kinds of the chosen role.
    role = forms.ChoiceField(label=_("Loại tệp"), choices=PracticeFile.Role.choices)
    upload = forms.FileField(label=_("Tệp"))
    caption = forms.CharField(label=_("Chú thích"), max_length=255, required=False)

    def clean_upload(self):
        """The upload checked by content (a CheckedFile): a photo must be an image."""
        role = self.cleaned_data.get("role")
        allowed = IMAGE_KINDS if role == PracticeFile.Role.PHOTO else DOCUMENT_KINDS
        return check_upload(self.cleaned_data["upload"], allowed=allowed)


class RecogniseForm(forms.Form):
    decision_number = forms.CharField(label=_("Số quyết định công nhận"), max_length=64)
    decision_date = forms.DateField(label=_("Ngày quyết định"), widget=DATE_WIDGET)
    issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=255, initial=_("UBND tỉnh Hưng Yên"))
    comment = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class FeatureForm(forms.Form):
    comment = forms.CharField(
        label=_("Lý do chọn nhân rộng"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=200)
    field = forms.ChoiceField(
        label=_("Lĩnh vực"), required=False, choices=[("", _("Tất cả lĩnh vực")), *Field.choices]
    )
    unit_kind = forms.ChoiceField(
        label=_("Loại đơn vị"), required=False, choices=[("", _("Tất cả loại đơn vị")), *Unit.Kind.choices]
    )
    cluster = forms.ModelChoiceField(
        label=_("Cụm, khối thi đua"),
        required=False,
        queryset=Cluster.objects.all(),
        empty_label=_("Tất cả cụm, khối"),
    )
    year = forms.TypedChoiceField(label=_("Năm triển khai"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("Tất cả các năm")), *[(y, y) for y in years]]


class DifficultyForm(forms.ModelForm):
    attachments = MultipleFileField(
        label=_("Tệp đính kèm (PDF, DOCX, XLSX, JPEG, PNG)"), allowed=DOCUMENT_KINDS
    )

    class Meta:
        model = Difficulty
        fields = ["topic", "title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, with_files: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_files:
            del self.fields["attachments"]


class DifficultyFileForm(forms.Form):
    upload = forms.FileField(label=_("Tệp đính kèm"))

    def clean_upload(self):
        return check_upload(self.cleaned_data["upload"], allowed=DOCUMENT_KINDS)


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 4}))


class ForwardForm(forms.Form):
    agency = forms.CharField(label=_("Chuyển đến cơ quan"), max_length=255)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CloseForm(forms.Form):
    note = forms.CharField(label=_("Lý do đóng"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
