"""The provincial emulation and commendation council: a session per round, seats, votes, results."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from campaigns.model_fields import optional_key
from campaigns.models import AwardRound
from nominations.models import Nomination


class VoteChoice(models.TextChoices):
    AGREE = "agree", _("Đồng ý")
    DISAGREE = "disagree", _("Không đồng ý")
    ABSTAIN = "abstain", _("Không có ý kiến")


class CouncilSession(models.Model):
    """Phiên họp Hội đồng of a round: opened by the manager, closed once; votes close with it."""

    round = models.OneToOneField(AwardRound, on_delete=models.CASCADE, related_name="council_session")
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_by = optional_key(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    # The round's rule copied when the session opens, so that a later edit cannot change a result.
    pass_ratio = models.DecimalField(_("tỷ lệ đồng ý để thông qua"), max_digits=4, decimal_places=3)

    class Meta:
        verbose_name = _("phiên họp Hội đồng Thi đua – Khen thưởng")
        verbose_name_plural = _("phiên họp Hội đồng Thi đua – Khen thưởng")
        ordering = ["-opened_at"]

    def __str__(self) -> str:
        return _("Hội đồng – %(round)s") % {"round": self.round}

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class CouncilSeat(models.Model):
    """A member of the council in this session (the members when it opened): the vote's denominator."""

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="seats")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("thành viên dự họp")
        verbose_name_plural = _("thành viên dự họp")
        constraints = [models.UniqueConstraint(fields=["session", "member"], name="council_seat_unique")]

    def __str__(self) -> str:
        return f"{self.session_id}: {self.member_id}"


class CouncilVote(models.Model):
    """One member's vote on one proposed dossier: cast once, never changed."""

    session = models.ForeignKey(CouncilSession, on_delete=models.PROTECT, related_name="votes")
    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="council_votes")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(_("biểu quyết"), max_length=8, choices=VoteChoice.choices)
    cast_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiếu biểu quyết")
        verbose_name_plural = _("phiếu biểu quyết")
        ordering = ["nomination", "member"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "nomination", "member"], name="council_one_vote_per_member"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nomination_id}/{self.member_id}: {self.choice}"


class CouncilResult(models.Model):
    """The tally of one dossier, written when the session closes."""

    session = models.ForeignKey(CouncilSession, on_delete=models.PROTECT, related_name="results")
    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="council_results")
    members = models.PositiveIntegerField(_("tổng số thành viên"))
    agree = models.PositiveIntegerField(_("đồng ý"))
    disagree = models.PositiveIntegerField(_("không đồng ý"))
    abstain = models.PositiveIntegerField(_("không có ý kiến"))
    passed = models.BooleanField(_("được thông qua"))

    class Meta:
        verbose_name = _("kết quả biểu quyết")
        verbose_name_plural = _("kết quả biểu quyết")
        constraints = [
            models.UniqueConstraint(fields=["session", "nomination"], name="council_result_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.nomination_id}: {self.agree}/{self.members}"
