"""The manager's form for an award round: dates, numbers, required documents and quotas."""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.models import AwardRound, AwardType, DocumentType
from campaigns.services.rounds import ROUND_FIELDS


class DateInput(forms.DateInput):
    """dd/mm/yyyy typed as text: a native date picker shows the browser's locale, not ours."""

    def __init__(self, **kwargs):
        attrs = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", **kwargs.pop("attrs", {})}
        super().__init__(format="%d/%m/%Y", attrs=attrs, **kwargs)


class RoundForm(forms.ModelForm):
    """Only the fields a manager sets; status, decision date and the campaign are never posted."""

    required_document_types = forms.ModelMultipleChoiceField(
        label=_("Tài liệu bắt buộc trong hồ sơ"),
        queryset=DocumentType.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = AwardRound
        fields = ROUND_FIELDS
        widgets = {
            name: DateInput()
            for name in ("period_start", "period_end", "opens_on", "closes_on", "appraisal_deadline")
        }
        help_texts = {
            "code": _("Chữ thường không dấu, nối bằng gạch ngang, ví dụ nam-2027."),
            "year": _("Bắt buộc với đợt hằng năm; để trống với đợt tổng kết."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "0,5" the Vietnamese way: a text box (a number box refuses the decimal comma).
        ratio = self.fields["council_pass_ratio"]
        ratio.localize = True
        ratio.widget = forms.TextInput(attrs={"inputmode": "decimal"})
        ratio.widget.is_localized = True
        if self.instance.pk:
            self.fields["required_document_types"].initial = list(
                self.instance.required_document_types.values_list("pk", flat=True)
            )
        quotas = {}
        if self.instance.pk:
            quotas = {q.award_type_id: q.max_count for q in self.instance.quotas.all()}
        self.award_types = list(AwardType.objects.order_by("order", "name"))
        for award_type in self.award_types:
            self.fields[self.quota_field(award_type)] = forms.IntegerField(
                label=_("Chỉ tiêu: %(name)s") % {"name": award_type.name},
                min_value=0,
                required=False,
                initial=quotas.get(award_type.pk),
                help_text=_("Để trống nếu số lượng do thủ trưởng đơn vị quy định.")
                if award_type.level == AwardType.Level.UNIT
                else _("Tổng số tập thể và cá nhân tối đa trong đợt."),
            )

    @staticmethod
    def quota_field(award_type: AwardType) -> str:
        return f"quota_{award_type.code}"

    def _post_clean(self):
        # Validation of the round as a whole is the service's (one place for the rules).
        pass

    def round_values(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in ROUND_FIELDS}

    def quotas(self) -> dict:
        return {t: self.cleaned_data.get(self.quota_field(t)) for t in self.award_types}
