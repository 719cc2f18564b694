"""A unit head's own number of Giấy khen for a round (plan V.3.b: "number set by that head")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from campaigns.models import AwardRound, Unit


class UnitAwardPlan(models.Model):
    """How many Giấy khen the head plans for the round; recording past it warns, it does not refuse."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="award_plans")
    round = models.ForeignKey(AwardRound, on_delete=models.CASCADE, related_name="+")
    planned_count = models.PositiveIntegerField(_("số lượng Giấy khen dự kiến"))
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("số lượng Giấy khen của đơn vị")
        verbose_name_plural = _("số lượng Giấy khen của đơn vị")
        constraints = [models.UniqueConstraint(fields=["unit", "round"], name="unit_award_plan_unique")]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.round_id}: {self.planned_count}"
