"""The proposal (tờ trình to the Chairman): numbered slots that hold the quota in the database."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from campaigns.models import AwardRound, AwardType
from nominations.models import Nomination


class ProposalSlot(models.Model):
    """One place of a round's quota taken by one proposed dossier.

    The quota lives in the database as well as in the service: slot numbers are unique per round
    and award type and must lie between 1 and max_slots (the round's quota copied on the row), so
    even two writers that both skipped the lock cannot put more than max_slots dossiers in.
    """

    round = models.ForeignKey(AwardRound, on_delete=models.CASCADE, related_name="proposal_slots")
    award_type = models.ForeignKey(AwardType, on_delete=models.PROTECT, related_name="+")
    slot = models.PositiveIntegerField(_("số thứ tự trong chỉ tiêu"))
    max_slots = models.PositiveIntegerField(_("chỉ tiêu"))
    nomination = models.OneToOneField(Nomination, on_delete=models.PROTECT, related_name="proposal_slot")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vị trí trong tờ trình")
        verbose_name_plural = _("danh sách đề nghị (tờ trình)")
        ordering = ["round", "award_type", "slot"]
        constraints = [
            models.UniqueConstraint(fields=["round", "award_type", "slot"], name="proposal_slot_unique"),
            models.CheckConstraint(
                condition=Q(slot__gte=1) & Q(slot__lte=F("max_slots")), name="proposal_slot_within_quota"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round_id}/{self.award_type_id}#{self.slot}"
