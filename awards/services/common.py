"""Helpers shared by the awards services: permission checks, the round lock, the quota."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from campaigns.models import AwardRound, RoundQuota


def require_perm(actor, perm: str, obj=None) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def lock_round(round_: AwardRound) -> AwardRound:
    """Lock the round row until the transaction ends: quota checks in it see no concurrent writer."""
    return AwardRound.objects.select_for_update().get(pk=round_.pk)


def quota_of(round_: AwardRound, award_type) -> int:
    quota = RoundQuota.objects.filter(round=round_, award_type=award_type).first()
    if quota is None:
        raise ValidationError(
            _(
                "Đợt “%(round)s” chưa có chỉ tiêu cho hình thức “%(award)s”. "
                "Hãy đặt chỉ tiêu của đợt trước khi đề nghị hoặc khen thưởng."
            )
            % {"round": round_, "award": award_type.name}
        )
    return quota.max_count


def free_slots(used, max_slots: int, count: int) -> list[int]:
    """The count lowest slot numbers in 1..max_slots not in used."""
    used = set(used)
    return [n for n in range(1, max_slots + 1) if n not in used][:count]
