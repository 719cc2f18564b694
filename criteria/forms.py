"""Forms of the criteria app. Each lists its fields explicitly: a POST cannot set anything else."""

from django import forms
from django.utils.translation import gettext_lazy as _

from criteria.models import Criterion, DutyDeadline


class DateInput(forms.DateInput):
    """dd/mm/yyyy typed as text: a native date picker shows the browser's locale, not ours."""

    def __init__(self, **kwargs):
        attrs = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", **kwargs.pop("attrs", {})}
        super().__init__(format="%d/%m/%Y", attrs=attrs, **kwargs)


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ("code", "text", "short_text", "max_points", "evidence_required", "evaluation", "source")
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"code": _("Một chữ cái tiếng Việt: a, b, c, d, đ, e, g, …")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        points = self.fields["max_points"]
        points.localize = True
        points.widget = forms.TextInput(attrs={"inputmode": "decimal"})
        points.widget.is_localized = True

    def _post_clean(self):
        # The rules of a criterion are the service's (criteria.services.criterion_problems).
        pass


class RegistrationForm(forms.Form):
    commitments = forms.CharField(
        label=_("Nội dung đăng ký, cam kết thi đua"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Các chỉ tiêu, việc làm cụ thể đơn vị cam kết thực hiện trong phong trào."),
    )


class PlanUploadForm(forms.Form):
    number = forms.CharField(label=_("Số, ký hiệu kế hoạch"), max_length=64, help_text=_("Ví dụ 25/KH-UBND"))
    issued_on = forms.DateField(label=_("Ngày ban hành"), widget=DateInput())
    file = forms.FileField(label=_("Tệp kế hoạch (PDF hoặc DOCX)"))


class ReportUploadForm(forms.Form):
    number = forms.CharField(label=_("Số, ký hiệu báo cáo"), max_length=64, required=False)
    file = forms.FileField(label=_("Tệp báo cáo (PDF hoặc DOCX)"))


class DeadlineForm(forms.ModelForm):
    class Meta:
        model = DutyDeadline
        fields = ("kind", "code", "title", "period_start", "period_end", "due_on")
        widgets = {name: DateInput() for name in ("period_start", "period_end", "due_on")}

    def _post_clean(self):
        pass


class RankingUploadForm(forms.Form):
    year = forms.IntegerField(label=_("Năm đánh giá"), min_value=2000, max_value=2100)
    file = forms.FileField(label=_("Tệp kết quả (XLSX hoặc CSV UTF-8)"))
