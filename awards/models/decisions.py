"""Award decisions (quyết định khen thưởng) and the awards they grant, with each one's bonus."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from campaigns.model_fields import optional_key
from campaigns.models import AwardRound, AwardType, Campaign, Person, Unit
from campaigns.text import fold
from criteria.models import Subject, recipient_matches_subject
from nominations.models import Nomination


class Decision(models.Model):
    """A numbered, signed decision: the Chairman's (province level) or a unit head's (Giấy khen)."""

    round = models.ForeignKey(
        AwardRound, verbose_name=_("đợt khen thưởng"), on_delete=models.PROTECT, related_name="decisions"
    )
    award_type = models.ForeignKey(
        AwardType, verbose_name=_("hình thức khen thưởng"), on_delete=models.PROTECT, related_name="+"
    )
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255)
    # The unit whose head issued it (Giấy khen); empty for the province's decisions.
    issuing_unit = optional_key(
        Unit, _("đơn vị ban hành"), on_delete=models.PROTECT, related_name="award_decisions"
    )
    number = models.CharField(_("số quyết định"), max_length=64)
    issued_on = models.DateField(_("ngày quyết định"))
    signer_name = models.CharField(_("người ký"), max_length=255)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=255)
    base_salary = models.PositiveBigIntegerField(_("mức lương cơ sở áp dụng (đồng)"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "number"],
                condition=Q(issuing_unit__isnull=True),
                name="decision_number_unique_per_issuer",
            ),
            models.UniqueConstraint(
                fields=["issuing_unit", "number"],
                condition=Q(issuing_unit__isnull=False),
                name="decision_number_unique_per_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.issued_on:%d/%m/%Y})"

    @property
    def counts_for_merit(self) -> bool:
        return self.round.campaign.kind != Campaign.Kind.THEMATIC


class Award(models.Model):
    """One awardee of a decision, with the bonus computed on the decision date."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="awards")
    nomination = models.OneToOneField(
        Nomination, null=True, blank=True, on_delete=models.PROTECT, related_name="award"
    )
    round = models.ForeignKey(AwardRound, on_delete=models.PROTECT, related_name="+")
    award_type = models.ForeignKey(AwardType, on_delete=models.PROTECT, related_name="+")
    subject = models.CharField(_("đối tượng"), max_length=16, choices=Subject.choices)
    person = optional_key(Person, on_delete=models.PROTECT, related_name="awards")
    unit = optional_key(Unit, on_delete=models.PROTECT, related_name="awards")
    # Names as they were on the decision: history is never rewritten by later renames or mergers.
    recipient_name = models.CharField(_("tên người/tập thể được khen thưởng"), max_length=255)
    recipient_position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    unit_name = models.CharField(_("đơn vị"), max_length=255)
    # The individual's standing on the decision date, as Biểu 0603.N counts it (rows 06–10).
    leadership_level = models.CharField(
        _("cấp lãnh đạo"), max_length=16, choices=Person.LeadershipLevel.choices, blank=True, default=""
    )
    direct_worker = models.BooleanField(_("trực tiếp lao động, công tác"), default=False)
    search_name = models.CharField(max_length=600, editable=False, db_index=True)
    bonus_multiple = models.DecimalField(_("hệ số tiền thưởng"), max_digits=5, decimal_places=2)
    bonus_amount = models.PositiveBigIntegerField(_("tiền thưởng (đồng)"))
    # Province-level awards take a numbered place of the round's quota (see ProposalSlot).
    slot = models.PositiveIntegerField(null=True, blank=True)
    max_slots = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")
        ordering = ["decision", "pk"]
        indexes = [models.Index(fields=["round", "award_type"])]
        constraints = [
            recipient_matches_subject(
                unit="unit", person="person", name="award_one_recipient_matching_subject"
            ),
            models.UniqueConstraint(
                fields=["round", "award_type", "slot"],
                condition=Q(slot__isnull=False),
                name="award_slot_unique",
            ),
            models.CheckConstraint(
                condition=Q(slot__isnull=True, max_slots__isnull=True)
                | Q(slot__gte=1, slot__lte=F("max_slots")),
                name="award_slot_within_quota",
            ),
            models.UniqueConstraint(
                fields=["decision", "person"], condition=Q(person__isnull=False), name="award_person_once"
            ),
            models.UniqueConstraint(
                fields=["decision", "unit"], condition=Q(unit__isnull=False), name="award_unit_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_name} – {self.decision}"

    def save(self, *args, **kwargs):
        self.search_name = fold(f"{self.recipient_name} {self.unit_name} {self.decision.number}")
        super().save(*args, **kwargs)
