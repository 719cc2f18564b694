"""The nomination dossier (hồ sơ đề nghị khen thưởng) and its append-only audit history.

Only nominations.services.workflow changes Nomination.state: every transition is one function there, and
moves the dossier through portal.transitions.move, which has the dossier write its event (record_event).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaigns.audit import AppendOnlyModel
from campaigns.model_fields import optional_key
from campaigns.models import AwardRound, AwardType, DocumentType, Person, Unit
from criteria.models import Criterion, Subject, recipient_matches_subject
from portal.transitions import RecordsMoves


class State(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SUBMITTED = "submitted", _("Đã nộp")
    IN_REVIEW = "in_review", _("Đang thẩm định")
    RETURNED = "returned", _("Trả lại để bổ sung")
    APPRAISED = "appraised", _("Đủ điều kiện")
    INELIGIBLE = "ineligible", _("Không đủ điều kiện")
    PROPOSED = "proposed", _("Đã đề nghị khen thưởng")
    AWARDED = "awarded", _("Được khen thưởng")
    NOT_AWARDED = "not_awarded", _("Không được khen thưởng")
    WITHDRAWN = "withdrawn", _("Đã rút")


# A nominee holds at most one dossier in these states per round and award type.
LIVE_STATES = (
    State.DRAFT,
    State.SUBMITTED,
    State.IN_REVIEW,
    State.RETURNED,
    State.APPRAISED,
    State.PROPOSED,
    State.AWARDED,
)
# States in which the unit may still change the dossier's content.
EDITABLE_STATES = (State.DRAFT, State.RETURNED)
# States waiting for Sở Nội vụ: their appraisal deadline runs.
PENDING_APPRAISAL_STATES = (State.SUBMITTED, State.IN_REVIEW)
# States after the appraisal's conclusion.
CONCLUDED_STATES = (State.APPRAISED, State.INELIGIBLE, State.PROPOSED, State.AWARDED, State.NOT_AWARDED)


# Action codes stored on events, with the labels the history shows.
ACTION_LABELS = {
    "create": _("Lập hồ sơ"),
    "submit": _("Nộp hồ sơ"),
    "take": _("Nhận thẩm định"),
    "assign": _("Phân công thẩm định"),
    "return": _("Trả lại để bổ sung"),
    "resubmit": _("Nộp lại sau bổ sung"),
    "conclude_eligible": _("Kết luận: đủ điều kiện"),
    "conclude_ineligible": _("Kết luận: không đủ điều kiện"),
    "withdraw": _("Rút hồ sơ"),
    "propose": _("Đưa vào danh sách đề nghị"),
    "unpropose": _("Rút khỏi danh sách đề nghị"),
    "award": _("Được khen thưởng"),
    "not_award": _("Không được khen thưởng"),
}


def dossier_code(pk: int) -> str:
    """The code a dossier is known by on every page and paper: HS-00042. The one place it is formatted."""
    return f"HS-{pk:05d}"


class Nomination(RecordsMoves, models.Model):
    """A dossier proposing one collective (a unit) or one individual (a person) for an award."""

    history_model = "nominations.NominationEvent"  # RecordsMoves: move() writes its steps there
    history_field = "nomination"

    round = models.ForeignKey(
        AwardRound, verbose_name=_("đợt khen thưởng"), on_delete=models.PROTECT, related_name="nominations"
    )
    award_type = models.ForeignKey(
        AwardType, verbose_name=_("hình thức đề nghị"), on_delete=models.PROTECT, related_name="nominations"
    )
    subject = models.CharField(_("đối tượng"), max_length=16, choices=Subject.choices)
    nominee_unit = optional_key(
        Unit, _("tập thể được đề nghị"), on_delete=models.PROTECT, related_name="nominations_as_nominee"
    )
    nominee_person = optional_key(
        Person, _("cá nhân được đề nghị"), on_delete=models.PROTECT, related_name="nominations"
    )
    proposing_unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị trình"), on_delete=models.PROTECT, related_name="nominations_proposed"
    )
    summary = models.TextField(_("tóm tắt thành tích"), blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=State.choices, default=State.DRAFT, editable=False
    )
    appraiser = optional_key(
        settings.AUTH_USER_MODEL,
        _("chuyên viên thẩm định"),
        on_delete=models.SET_NULL,
        related_name="assigned_nominations",
        editable=False,
    )
    score = models.DecimalField(
        _("điểm thẩm định"), max_digits=6, decimal_places=2, null=True, blank=True, editable=False
    )
    conclusion = models.TextField(_("kết luận thẩm định"), blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True, editable=False)
    complete_at = models.DateTimeField(
        _("hồ sơ đầy đủ lúc"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Thời hạn thẩm định tính từ lúc hồ sơ đầy đủ (nộp lần cuối)."),
    )
    concluded_at = models.DateTimeField(_("kết luận lúc"), null=True, blank=True, editable=False)
    # Stored when the dossier becomes complete (submit/resubmit) so that queues filter on it in SQL.
    appraisal_due_on = models.DateField(_("hạn thẩm định"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("hồ sơ đề nghị khen thưởng")
        verbose_name_plural = _("hồ sơ đề nghị khen thưởng")
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["round", "state"]),
            models.Index(fields=["proposing_unit", "state"]),
            models.Index(fields=["appraiser", "state"]),
            models.Index(fields=["state", "appraisal_due_on"]),
        ]
        constraints = [
            recipient_matches_subject(
                unit="nominee_unit", person="nominee_person", name="nomination_one_nominee_matching_subject"
            ),
            models.UniqueConstraint(
                fields=["round", "award_type", "nominee_unit"],
                condition=Q(state__in=[s.value for s in LIVE_STATES], nominee_unit__isnull=False),
                name="nomination_one_live_dossier_per_unit",
            ),
            models.UniqueConstraint(
                fields=["round", "award_type", "nominee_person"],
                condition=Q(state__in=[s.value for s in LIVE_STATES], nominee_person__isnull=False),
                name="nomination_one_live_dossier_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.nominee_name}"

    @property
    def nominee_name(self) -> str:
        nominee = self.nominee_unit if self.subject == Subject.COLLECTIVE else self.nominee_person
        return str(nominee) if nominee else ""

    @property
    def nominee_home_unit(self) -> Unit | None:
        """The unit the nominee belongs to (itself for a collective)."""
        if self.subject == Subject.COLLECTIVE:
            return self.nominee_unit
        return self.nominee_person.unit if self.nominee_person_id else None

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES

    @property
    def code(self) -> str:
        return dossier_code(self.pk) if self.pk else ""


class NominationEvent(AppendOnlyModel):
    """One step of a dossier's life: who, when, from, to, comment. Append-only (Nomination.record_event)."""

    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(_("thao tác"), max_length=32)
    from_state = models.CharField(_("từ trạng thái"), max_length=16, choices=State.choices, blank=True)
    to_state = models.CharField(_("sang trạng thái"), max_length=16, choices=State.choices)
    comment = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("lịch sử hồ sơ")
        verbose_name_plural = _("lịch sử hồ sơ")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.nomination_id}: {self.from_state} → {self.to_state}"

    def get_action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))

    @property
    def actor_name(self) -> str:
        return f"{self.actor.last_name} {self.actor.first_name}".strip() or self.actor.get_username()


class DossierDocument(models.Model):
    """A file of a dossier, typed (tờ trình, báo cáo thành tích, …), stored under a generated name."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="documents")
    document_type = models.ForeignKey(
        DocumentType, verbose_name=_("loại tài liệu"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("mô tả"), max_length=255, blank=True)
    storage_name = models.CharField(max_length=255, editable=False)
    original_name = models.CharField(_("tên tệp"), max_length=255, editable=False)
    kind = models.CharField(_("định dạng"), max_length=8, editable=False)
    content_type = models.CharField(max_length=128, editable=False)
    size = models.PositiveBigIntegerField(_("dung lượng"), editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu hồ sơ")
        verbose_name_plural = _("tài liệu hồ sơ")
        ordering = ["document_type__order", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title or self.original_name

    @property
    def is_pdf(self) -> bool:
        return self.kind == "pdf"


class CriterionAssessment(models.Model):
    """The unit's self-assessment of one criterion, and the appraiser's score and comment on it."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="assessments")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    self_met = models.BooleanField(_("tự đánh giá: đạt"), null=True, blank=True)
    self_points = models.DecimalField(
        _("điểm tự chấm"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    evidence = models.TextField(_("minh chứng"), blank=True)
    documents = models.ManyToManyField(
        DossierDocument, verbose_name=_("tài liệu minh chứng"), blank=True, related_name="assessments"
    )
    appraiser_points = models.DecimalField(
        _("điểm thẩm định"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    appraiser_comment = models.TextField(_("nhận xét của chuyên viên"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("đánh giá tiêu chí")
        verbose_name_plural = _("đánh giá tiêu chí")
        ordering = ["criterion__sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["nomination", "criterion"], name="assessment_one_per_criterion"),
            models.CheckConstraint(
                condition=Q(self_points__isnull=True) | Q(self_points__gte=0),
                name="assessment_self_points_gte_0",
            ),
            models.CheckConstraint(
                condition=Q(appraiser_points__isnull=True) | Q(appraiser_points__gte=0),
                name="assessment_appraiser_points_gte_0",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nomination_id}/{self.criterion_id}"


class Notification(models.Model):
    """A message to one user about one dossier: shown in the portal, also sent by e-mail."""

    class Kind(models.TextChoices):
        ARRIVED = "arrived", _("Hồ sơ mới nộp")
        RETURNED = "returned", _("Hồ sơ bị trả lại")
        CONCLUDED = "concluded", _("Đã có kết luận thẩm định")
        ASSIGNED = "assigned", _("Được phân công thẩm định")
        REMINDER = "reminder", _("Nhắc hạn thẩm định")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    nomination = optional_key(Nomination, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices)
    message = models.TextField(_("nội dung"))
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.message[:60]


class Holiday(models.Model):
    """A public holiday (ngày nghỉ lễ, Tết) skipped when counting working days."""

    day = models.DateField(_("ngày"), unique=True)
    name = models.CharField(_("tên ngày nghỉ"), max_length=255)

    class Meta:
        verbose_name = _("ngày nghỉ lễ")
        verbose_name_plural = _("ngày nghỉ lễ")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} {self.name}"


class PracticeLink(models.Model):
    """A recognised good practice or initiative cited as evidence by a dossier (individual criterion b)."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="practice_links")
    practice = models.ForeignKey(
        "practices.Practice", verbose_name=_("mô hình, sáng kiến"), on_delete=models.PROTECT, related_name="+"
    )
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mô hình, sáng kiến làm minh chứng")
        verbose_name_plural = _("mô hình, sáng kiến làm minh chứng")
        ordering = ["linked_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["nomination", "practice"], name="practice_link_once_per_dossier"),
        ]

    def __str__(self) -> str:
        return f"{self.nomination_id} ↔ {self.practice_id}"
