"""The nomination dossier (hồ sơ đề nghị khen thưởng) and its append-only audit history.

Only nominations.workflow changes Nomination.state: every transition goes through one function there.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaigns.models import AwardRound, AwardType, Person, Unit
from criteria.models import Subject


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


class Nomination(models.Model):
    """A dossier proposing one collective (a unit) or one individual (a person) for an award."""

    round = models.ForeignKey(
        AwardRound, verbose_name=_("đợt khen thưởng"), on_delete=models.PROTECT, related_name="nominations"
    )
    award_type = models.ForeignKey(
        AwardType, verbose_name=_("hình thức đề nghị"), on_delete=models.PROTECT, related_name="nominations"
    )
    subject = models.CharField(_("đối tượng"), max_length=16, choices=Subject.choices)
    nominee_unit = models.ForeignKey(
        Unit,
        verbose_name=_("tập thể được đề nghị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations_as_nominee",
    )
    nominee_person = models.ForeignKey(
        Person,
        verbose_name=_("cá nhân được đề nghị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    proposing_unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị trình"), on_delete=models.PROTECT, related_name="nominations_proposed"
    )
    summary = models.TextField(_("tóm tắt thành tích"), blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=State.choices, default=State.DRAFT, editable=False
    )
    appraiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chuyên viên thẩm định"),
        null=True,
        blank=True,
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

    class Meta:
        verbose_name = _("hồ sơ đề nghị khen thưởng")
        verbose_name_plural = _("hồ sơ đề nghị khen thưởng")
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["round", "state"]),
            models.Index(fields=["proposing_unit", "state"]),
            models.Index(fields=["appraiser", "state"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(subject="collective", nominee_unit__isnull=False, nominee_person__isnull=True)
                    | Q(subject="individual", nominee_unit__isnull=True, nominee_person__isnull=False)
                ),
                name="nomination_one_nominee_matching_subject",
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
        return f"HS-{self.pk}: {self.nominee_name}"

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


class NominationEvent(models.Model):
    """One step of a dossier's life: who, when, from, to, comment. Append-only (see workflow)."""

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

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Lịch sử hồ sơ chỉ được ghi thêm, không được sửa.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Lịch sử hồ sơ không được xóa.")
