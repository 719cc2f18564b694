"""Forms of the dossier pages. Choices are limited to what the user may pick; fields are explicit."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.filters import any_of, any_row_of
from campaigns.models import AwardRound, AwardType, Cluster, DocumentType, Unit
from campaigns.selectors import visible_people, visible_units
from criteria.models import Criterion, Subject
from nominations.models import State


class NominationCreateForm(forms.Form):
    round = forms.ModelChoiceField(label=_("Đợt khen thưởng"), queryset=AwardRound.objects.none())
    award_type = forms.ModelChoiceField(label=_("Hình thức đề nghị"), queryset=AwardType.objects.none())
    subject = forms.ChoiceField(label=_("Đối tượng"), choices=Subject.choices, widget=forms.RadioSelect)
    nominee_unit = forms.ModelChoiceField(
        label=_("Tập thể được đề nghị"), queryset=Unit.objects.none(), required=False
    )
    nominee_person = forms.ModelChoiceField(
        label=_("Cá nhân được đề nghị"), queryset=Unit.objects.none(), required=False
    )
    proposing_unit = forms.ModelChoiceField(
        label=_("Đơn vị trình"),
        queryset=Unit.objects.none(),
        help_text=_("Đơn vị của người được đề nghị hoặc đơn vị cấp trên của đơn vị đó."),
    )
    summary = forms.CharField(
        label=_("Tóm tắt thành tích"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["round"].queryset = AwardRound.objects.filter(
            opens_on__lte=today, closes_on__gte=today, decided_on__isnull=True
        ).select_related("campaign")
        self.fields["award_type"].queryset = AwardType.objects.filter(level=AwardType.Level.PROVINCE)
        units = visible_units(user).order_by("path")
        self.fields["nominee_unit"].queryset = units
        self.fields["proposing_unit"].queryset = units
        self.fields["nominee_person"].queryset = visible_people(user).select_related("unit")
        self.fields["nominee_person"].label_from_instance = lambda p: f"{p.full_name} – {p.unit.name}"

    def clean(self):
        data = super().clean()
        if data.get("subject") == Subject.COLLECTIVE and not data.get("nominee_unit"):
            self.add_error("nominee_unit", _("Hãy chọn tập thể được đề nghị."))
        if data.get("subject") == Subject.INDIVIDUAL and not data.get("nominee_person"):
            self.add_error("nominee_person", _("Hãy chọn cá nhân được đề nghị."))
        return data


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label=_("Tóm tắt thành tích"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )


class DocumentUploadForm(forms.Form):
    document_type = forms.ModelChoiceField(label=_("Loại tài liệu"), queryset=DocumentType.objects.all())
    file = forms.FileField(
        label=_("Tệp"),
        help_text=_("PDF, DOCX, XLSX, JPEG hoặc PNG; tối đa 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.jpg,.jpeg,.png"}),
    )
    title = forms.CharField(label=_("Mô tả (không bắt buộc)"), max_length=255, required=False)


def _points_field(label, criterion, initial) -> forms.DecimalField:
    """Points given for a criterion (by the unit or the appraiser): 0 to its maximum, one decimal."""
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=0,
        max_value=criterion.max_points,
        decimal_places=1,
        initial=initial,
    )


def _note_field(label, initial) -> forms.CharField:
    """A short text about a criterion (the unit's evidence, the appraiser's comment)."""
    return forms.CharField(
        label=label, required=False, widget=forms.Textarea(attrs={"rows": 2}), initial=initial
    )


MET_CHOICES = [("", _("— Chưa đánh giá —")), ("yes", _("Đạt")), ("no", _("Không đạt"))]


class SelfAssessmentForm(forms.Form):
    """One group of fields per criterion the unit assesses (computed criteria are shown, not asked)."""

    def __init__(self, *args, criteria, assessments, documents, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for criterion in criteria:
            if criterion.evaluation == Criterion.Evaluation.COMPUTED:
                continue
            a = assessments.get(criterion.pk)
            p = f"c{criterion.pk}_"
            self.fields[p + "met"] = forms.ChoiceField(
                label=_("Kết quả"),
                choices=MET_CHOICES,
                required=False,
                initial="" if a is None or a.self_met is None else ("yes" if a.self_met else "no"),
            )
            self.fields[p + "points"] = _points_field(
                _("Điểm tự chấm"), criterion, a.self_points if a else None
            )
            self.fields[p + "evidence"] = _note_field(_("Minh chứng"), a.evidence if a else "")
            self.fields[p + "documents"] = forms.ModelMultipleChoiceField(
                label=_("Tài liệu liên kết"),
                required=False,
                queryset=documents,
                widget=forms.CheckboxSelectMultiple,
                initial=[d.pk for d in a.documents.all()] if a else [],
            )
            self.rows.append((criterion, [self[p + s] for s in ("met", "points", "evidence", "documents")]))

    def cleaned_rows(self):
        for criterion, _fields in self.rows:
            p = f"c{criterion.pk}_"
            met = {"yes": True, "no": False}.get(self.cleaned_data[p + "met"])
            yield (
                criterion,
                met,
                self.cleaned_data[p + "points"],
                self.cleaned_data[p + "evidence"],
                list(self.cleaned_data[p + "documents"]),
            )


class ScoreForm(forms.Form):
    """The appraiser's points and comment for every criterion of the dossier."""

    def __init__(self, *args, criteria, assessments, suggestions, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for criterion in criteria:
            a = assessments.get(criterion.pk)
            p = f"c{criterion.pk}_"
            initial = (
                a.appraiser_points if a and a.appraiser_points is not None else suggestions.get(criterion.pk)
            )
            self.fields[p + "points"] = _points_field(_("Điểm"), criterion, initial)
            self.fields[p + "comment"] = _note_field(_("Nhận xét"), a.appraiser_comment if a else "")
            self.rows.append(criterion)

    def scores(self) -> dict:
        return {
            c.pk: (self.cleaned_data[f"c{c.pk}_points"], self.cleaned_data[f"c{c.pk}_comment"])
            for c in self.rows
        }


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class ConcludeForm(forms.Form):
    verdict = forms.ChoiceField(
        label=_("Kết luận"),
        choices=[("eligible", _("Đủ điều kiện")), ("ineligible", _("Không đủ điều kiện"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Nhận xét, lý do"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Bắt buộc khi kết luận không đủ điều kiện."),
    )


class AssignForm(forms.Form):
    appraiser = forms.ModelChoiceField(label=_("Chuyên viên thẩm định"), queryset=None)

    def __init__(self, *args, appraisers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["appraiser"].queryset = appraisers
        self.fields["appraiser"].label_from_instance = lambda u: (
            f"{u.last_name} {u.first_name}".strip() or u.get_username()
        )


STATE_FILTER_CHOICES = [
    ("pending", _("Chờ thẩm định (đã nộp, đang thẩm định)")),
    ("all", _("Tất cả (trừ dự thảo)")),
] + [(s.value, s.label) for s in State if s != State.DRAFT]


class QueueFilterForm(forms.Form):
    """The queue's filters, named as the query parameters: ?q=&round=&state=&unit_kind=&cluster=&….

    The lists of rounds, clusters and award types are read once each as (id, name) pairs, which the
    queue's rows also name their round and award type from; the querysets validate a submitted id.
    """

    q = forms.CharField(label=_("Tìm theo tên"), required=False)
    round = any_row_of(_("Đợt"), AwardRound.objects.all())
    state = forms.ChoiceField(label=_("Trạng thái"), choices=STATE_FILTER_CHOICES, required=False)
    unit_kind = any_of(_("Loại đơn vị"), Unit.Kind.choices)
    cluster = any_row_of(_("Cụm, khối"), Cluster.objects.all())
    award_type = any_row_of(_("Hình thức"), AwardType.objects.filter(level=AwardType.Level.PROVINCE))
    appraiser = forms.ChoiceField(label=_("Chuyên viên"), required=False)
    overdue = forms.BooleanField(label=_("Chỉ hồ sơ quá hạn"), required=False)

    def __init__(self, *args, appraisers, **kwargs):
        super().__init__(*args, **kwargs)
        rounds = list(AwardRound.objects.values_list("pk", "name"))
        award_types = list(AwardType.objects.values_list("pk", "name", "short_name", "level"))
        clusters = list(Cluster.objects.values_list("pk", "name"))
        province_awards = [
            (pk, name) for pk, name, _short, level in award_types if level == AwardType.Level.PROVINCE
        ]
        for name, choices in (("round", rounds), ("cluster", clusters), ("award_type", province_awards)):
            self.fields[name].choices = [("", self.fields[name].empty_label), *choices]
        # The queue rows name their round and award type from these (no join per page).
        self.round_names = dict(rounds)
        self.award_type_short_names = {pk: short for pk, _name, short, _level in award_types}
        self.fields["appraiser"].choices = [
            ("", _("Tất cả")),
            ("me", _("Của tôi")),
            ("none", _("Chưa phân công")),
        ] + [(str(u.pk), f"{u.last_name} {u.first_name}".strip() or u.get_username()) for u in appraisers]
