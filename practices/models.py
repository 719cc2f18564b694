"""Good practices ("Dân vận khéo" models, initiatives) and units' difficulties, with append-only histories.

Only practices.services changes the state of a Practice or a Difficulty, through portal.transitions.move;
their events are written by `record_event`, which move() calls.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.audit import AppendOnlyModel
from campaigns.model_fields import optional_key
from campaigns.models import Person, Unit
from portal.transitions import RecordsMoves

# --- Good practices ------------------------------------------------------------------------


class Field(models.TextChoices):
    """Lĩnh vực of a model, as Hưng Yên's "Dân vận khéo" programme groups them."""

    ECONOMY = "economy", _("Kinh tế")
    CULTURE_SOCIETY = "culture_society", _("Văn hóa – xã hội")
    DEFENCE_SECURITY = "defence_security", _("Quốc phòng – an ninh")
    POLITICAL_SYSTEM = "political_system", _("Xây dựng hệ thống chính trị")


class PracticeState(models.TextChoices):
    REGISTERED = "registered", _("Đã đăng ký")
    RECOGNISED = "recognised", _("Đã được công nhận")
    FEATURED = "featured", _("Điển hình nhân rộng")


# Recognised and featured practices are published in the library and frozen for the unit.
PUBLISHED_STATES = (PracticeState.RECOGNISED, PracticeState.FEATURED)


class Practice(RecordsMoves, models.Model):
    """Mô hình "Dân vận khéo", sáng kiến, cách làm hay of a unit or of one of its people."""

    history_model = "practices.PracticeEvent"  # RecordsMoves: move() writes its steps there
    history_field = "practice"

    class Kind(models.TextChoices):
        MODEL = "model", _("Mô hình “Dân vận khéo”")
        INITIATIVE = "initiative", _("Sáng kiến, cách làm hay")

    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices, default=Kind.MODEL)
    name = models.CharField(_("tên mô hình, sáng kiến"), max_length=300)
    # Folded name for the one-name-per-unit rule; folded name, place, unit and author for search.
    name_key = models.CharField(max_length=300, editable=False)
    search_text = models.TextField(editable=False, default="")
    field = models.CharField(_("lĩnh vực"), max_length=24, choices=Field.choices)
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="practices", editable=False
    )
    person = optional_key(
        Person,
        _("cá nhân thực hiện"),
        on_delete=models.PROTECT,
        related_name="practices",
        help_text=_("Để trống nếu là mô hình của tập thể đơn vị."),
    )
    place = models.CharField(_("địa bàn thực hiện"), max_length=255)
    description = models.TextField(_("cách làm, nội dung thực hiện"))
    results = models.TextField(
        _("kết quả (số liệu cụ thể)"),
        help_text=_("Ví dụ: 100% hồ sơ trả đúng hạn; vận động 120 hộ bàn giao 35 ha mặt bằng."),
    )
    started_on = models.DateField(_("thực hiện từ ngày"))
    ended_on = models.DateField(
        _("đến ngày"), null=True, blank=True, help_text=_("Để trống nếu còn đang thực hiện.")
    )
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=PracticeState.choices,
        default=PracticeState.REGISTERED,
        editable=False,
    )
    recognition_number = models.CharField(
        _("số quyết định công nhận"), max_length=64, blank=True, editable=False
    )
    recognition_date = models.DateField(_("ngày quyết định công nhận"), null=True, blank=True, editable=False)
    recognition_issuer = models.CharField(_("cơ quan công nhận"), max_length=255, blank=True, editable=False)
    recognised_at = models.DateTimeField(_("ghi nhận công nhận lúc"), null=True, blank=True, editable=False)
    recognised_by = optional_key(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    featured_at = models.DateTimeField(_("chọn nhân rộng lúc"), null=True, blank=True, editable=False)
    featured_by = optional_key(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    registered_at = models.DateTimeField(_("đăng ký lúc"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mô hình, cách làm hay")
        verbose_name_plural = _("mô hình, cách làm hay")
        ordering = ["-registered_at", "-pk"]
        indexes = [
            models.Index(fields=["state", "field"]),
            models.Index(fields=["unit", "state"]),
            models.Index(fields=["started_on"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "name_key"],
                name="practice_name_unique_per_unit",
                violation_error_message=_("Đơn vị đã đăng ký một mô hình cùng tên. Hãy đặt tên khác."),
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="practice_period_ordered",
                violation_error_message=_("Ngày kết thúc phải sau ngày bắt đầu thực hiện. Hãy sửa lại."),
            ),
            models.CheckConstraint(
                condition=Q(state="registered", recognition_date__isnull=True, recognised_at__isnull=True)
                | Q(
                    state__in=["recognised", "featured"],
                    recognition_date__isnull=False,
                    recognised_at__isnull=False,
                )
                & ~Q(recognition_number="")
                & ~Q(recognition_issuer=""),
                name="practice_recognised_has_decision",
                violation_error_message=_(
                    "Mô hình được công nhận phải có số, ngày và cơ quan ban hành quyết định."
                ),
            ),
            models.CheckConstraint(
                condition=Q(state="featured", featured_at__isnull=False)
                | (~Q(state="featured") & Q(featured_at__isnull=True)),
                name="practice_featured_has_time",
                violation_error_message=_("Mô hình điển hình phải có thời điểm được chọn nhân rộng."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_editable(self) -> bool:
        """The unit may still change it: recognition freezes the entry."""
        return self.state == PracticeState.REGISTERED

    @property
    def is_published(self) -> bool:
        return self.state in PUBLISHED_STATES

    @property
    def is_featured(self) -> bool:
        return self.state == PracticeState.FEATURED

    @property
    def year(self) -> int:
        """The year the practice started (năm triển khai): the year filters and reports use."""
        return self.started_on.year

    @property
    def author_name(self) -> str:
        return self.person.full_name if self.person_id else self.unit.name


class AttachedFile(models.Model):
    """A file uploaded to a practice or a difficulty: stored under MEDIA_ROOT, served by a checked view."""

    file = models.CharField(max_length=255, editable=False)
    kind = models.CharField(max_length=8, editable=False)
    content_type = models.CharField(max_length=100, editable=False)
    original_name = models.CharField(_("tên tệp"), max_length=255, editable=False)
    size = models.PositiveIntegerField(editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name


class PracticeFile(AttachedFile):
    """A document or a photo of a practice."""

    class Role(models.TextChoices):
        DOCUMENT = "document", _("Tài liệu")
        PHOTO = "photo", _("Ảnh")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="files")
    role = models.CharField(_("loại tệp"), max_length=16, choices=Role.choices)
    caption = models.CharField(_("chú thích"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("tệp của mô hình")
        verbose_name_plural = _("tệp của mô hình")
        ordering = ["role", "uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(role="document") | Q(role="photo", kind__in=["jpeg", "png"]),
                name="practice_photo_is_image",
                violation_error_message=_("Ảnh phải là tệp JPEG hoặc PNG."),
            ),
        ]


class HistoryEntry(AppendOnlyModel):
    """One entry of a practice's or a difficulty's audited history: who, when, and their comment.

    Each history adds the key to its row (named by `row_field`, the row's `history_field`) and its
    action, from_state and to_state, with the choices of its own actions and states.
    """

    row_field: str

    actor = optional_key(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    comment = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} – {getattr(self, f'{self.row_field}_id')}"


class PracticeEvent(HistoryEntry):
    """One entry of a practice's history: who did what, when, from which state to which."""

    class Action(models.TextChoices):
        REGISTERED = "registered", _("Đăng ký")
        EDITED = "edited", _("Sửa thông tin")
        FILE_ADDED = "file_added", _("Thêm tệp")
        FILE_REMOVED = "file_removed", _("Xóa tệp")
        RECOGNISED = "recognised", _("Công nhận")
        FEATURED = "featured", _("Chọn làm điển hình nhân rộng")

    row_field = "practice"
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="events")
    action = models.CharField(max_length=16, choices=Action.choices)
    from_state = models.CharField(max_length=16, choices=PracticeState.choices, blank=True)
    to_state = models.CharField(max_length=16, choices=PracticeState.choices)

    class Meta(HistoryEntry.Meta):
        verbose_name = _("lịch sử mô hình")
        verbose_name_plural = _("lịch sử mô hình")


# --- Difficulties --------------------------------------------------------------------------


class Topic(models.TextChoices):
    """Nhóm vấn đề of a difficulty: what the summary reports count by."""

    PROCEDURES = "procedures", _("Thủ tục hành chính, một cửa")
    DIGITAL = "digital", _("Chuyển đổi số, dịch vụ công trực tuyến")
    RESOURCES = "resources", _("Kinh phí, nguồn lực")
    EMULATION = "emulation", _("Tiêu chí, hồ sơ thi đua – khen thưởng")
    ORGANISATION = "organisation", _("Tổ chức bộ máy, sắp xếp đơn vị")
    OTHER = "other", _("Vấn đề khác")


class DifficultyState(models.TextChoices):
    RAISED = "raised", _("Chờ xử lý")
    FORWARDED = "forwarded", _("Đã chuyển cơ quan khác")
    ANSWERED = "answered", _("Đã trả lời")
    CLOSED = "closed", _("Đã đóng")


# Waiting for an answer: what Sở Nội vụ's queue shows, oldest first.
OPEN_STATES = (DifficultyState.RAISED, DifficultyState.FORWARDED)


class Difficulty(RecordsMoves, models.Model):
    """Khó khăn, vướng mắc a unit meets in carrying out the plan, sent through Sở Nội vụ."""

    history_model = "practices.DifficultyEvent"  # RecordsMoves: move() writes its steps there
    history_field = "difficulty"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="difficulties", editable=False
    )
    topic = models.CharField(_("nhóm vấn đề"), max_length=16, choices=Topic.choices)
    title = models.CharField(_("tiêu đề"), max_length=255)
    description = models.TextField(_("nội dung khó khăn, vướng mắc"))
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=DifficultyState.choices,
        default=DifficultyState.RAISED,
        editable=False,
    )
    answer = models.TextField(_("trả lời của Sở Nội vụ"), blank=True, editable=False)
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True, editable=False)
    answered_by = optional_key(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    forwarded_to = models.CharField(_("chuyển đến cơ quan"), max_length=255, blank=True, editable=False)
    forward_note = models.TextField(_("ghi chú khi chuyển"), blank=True, editable=False)
    forwarded_at = models.DateTimeField(_("chuyển lúc"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("đóng lúc"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    raised_at = models.DateTimeField(_("gửi lúc"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("khó khăn, vướng mắc")
        verbose_name_plural = _("khó khăn, vướng mắc")
        ordering = ["-raised_at", "-pk"]
        indexes = [
            models.Index(fields=["state", "raised_at"]),
            models.Index(fields=["unit", "state"]),
            models.Index(fields=["topic", "state"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="answered") | (Q(answered_at__isnull=False) & ~Q(answer="")),
                name="difficulty_answered_has_answer",
                violation_error_message=_("Đã trả lời thì phải có nội dung trả lời."),
            ),
            models.CheckConstraint(
                condition=~Q(state="forwarded") | (Q(forwarded_at__isnull=False) & ~Q(forwarded_to="")),
                name="difficulty_forwarded_has_agency",
                violation_error_message=_("Đã chuyển thì phải ghi cơ quan được chuyển đến."),
            ),
            models.CheckConstraint(
                condition=Q(state="closed", closed_at__isnull=False)
                | (~Q(state="closed") & Q(closed_at__isnull=True)),
                name="difficulty_closed_has_time",
                violation_error_message=_("Đã đóng thì phải có thời điểm đóng."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def is_closed(self) -> bool:
        return self.state == DifficultyState.CLOSED

    def age_days(self, today=None) -> int:
        """Whole days since it was raised (its age in Sở Nội vụ's queue)."""
        today = today or timezone.localdate()
        return (today - timezone.localtime(self.raised_at).date()).days


class DifficultyFile(AttachedFile):
    """An attachment of a difficulty (PDF, DOCX, XLSX, JPEG, PNG)."""

    difficulty = models.ForeignKey(Difficulty, on_delete=models.CASCADE, related_name="files")

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["uploaded_at", "pk"]


class DifficultyEvent(HistoryEntry):
    """One entry of a difficulty's audited history."""

    class Action(models.TextChoices):
        RAISED = "raised", _("Gửi khó khăn, vướng mắc")
        EDITED = "edited", _("Đơn vị bổ sung, sửa nội dung")
        FILE_ADDED = "file_added", _("Đơn vị thêm tệp đính kèm")
        ANSWERED = "answered", _("Sở Nội vụ trả lời")
        FORWARDED = "forwarded", _("Sở Nội vụ chuyển cơ quan khác")
        CLOSED = "closed", _("Sở Nội vụ đóng")

    row_field = "difficulty"
    difficulty = models.ForeignKey(Difficulty, on_delete=models.PROTECT, related_name="events")
    action = models.CharField(max_length=16, choices=Action.choices)
    from_state = models.CharField(max_length=16, choices=DifficultyState.choices, blank=True)
    to_state = models.CharField(max_length=16, choices=DifficultyState.choices)

    class Meta(HistoryEntry.Meta):
        verbose_name = _("lịch sử khó khăn, vướng mắc")
        verbose_name_plural = _("lịch sử khó khăn, vướng mắc")
