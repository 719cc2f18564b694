"""The proposal (tờ trình to the Chairman): appraised dossiers put on it within the round's quota."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from awards.models import CouncilSession, ProposalSlot
from awards.services.common import free_slots, lock_round, quota_of, require_perm
from nominations.models import Nomination, State
from nominations.services import workflow

# Dossiers that hold a place of the quota.
COUNTED_STATES = (State.PROPOSED, State.AWARDED, State.NOT_AWARDED)


def _refuse_if_frozen(round_) -> None:
    if round_.decided_on:
        raise ValidationError(
            _("Đợt “%(round)s” đã có quyết định khen thưởng; không thể thay đổi danh sách đề nghị.")
            % {"round": round_}
        )
    if CouncilSession.objects.filter(round=round_).exists():
        raise ValidationError(
            _(
                "Danh sách đề nghị của đợt “%(round)s” đã được đưa ra Hội đồng Thi đua – Khen thưởng; "
                "không thể thêm hoặc rút hồ sơ."
            )
            % {"round": round_}
        )


def take_slots(*, actor, round_, award_type, max_slots: int, nominations) -> dict[int, int]:
    """Write one numbered slot per dossier; the database refuses a slot over the quota or taken twice."""
    used = ProposalSlot.objects.filter(round=round_, award_type=award_type).values_list("slot", flat=True)
    numbers = free_slots(used, max_slots, len(nominations))
    try:
        with transaction.atomic():
            ProposalSlot.objects.bulk_create(
                ProposalSlot(
                    round=round_,
                    award_type=award_type,
                    slot=number,
                    max_slots=max_slots,
                    nomination=nomination,
                    proposed_by=actor,
                )
                for number, nomination in zip(numbers, nominations, strict=False)
            )
    except IntegrityError as exc:
        raise ValidationError(
            _("Chỉ tiêu vừa được sử dụng hết trong lúc bạn thao tác. Hãy tải lại trang và chọn lại.")
        ) from exc
    return {n.pk: number for number, n in zip(numbers, nominations, strict=False)}


@transaction.atomic
def propose(*, actor, round, nominations, comment: str = "") -> int:
    """Put appraised dossiers of the round on its proposal, refusing anything beyond the quota."""
    round_ = round
    require_perm(actor, "awards.propose", round_)
    ids = sorted({n.pk for n in nominations})
    if not ids:
        raise ValidationError(_("Hãy chọn ít nhất một hồ sơ để đưa vào tờ trình."))
    round_ = lock_round(round_)
    _refuse_if_frozen(round_)
    rows = list(Nomination.objects.select_related("award_type").filter(pk__in=ids).order_by("pk"))
    if len(rows) != len(ids):
        raise ValidationError(_("Có hồ sơ không còn tồn tại. Hãy tải lại trang và chọn lại."))
    by_type = defaultdict(list)
    for nomination in rows:
        if nomination.round_id != round_.pk:
            raise ValidationError(
                _("Hồ sơ %(code)s không thuộc đợt “%(round)s”. Hãy chọn hồ sơ của đúng đợt.")
                % {"code": nomination.code, "round": round_}
            )
        if nomination.state != State.APPRAISED:
            raise ValidationError(
                _(
                    "Hồ sơ %(code)s (%(name)s) đang ở trạng thái “%(state)s”; "
                    "chỉ hồ sơ “Đủ điều kiện” mới được đưa vào tờ trình."
                )
                % {
                    "code": nomination.code,
                    "name": nomination.nominee_name,
                    "state": nomination.get_state_display(),
                }
            )
        by_type[nomination.award_type].append(nomination)
    for award_type, group in by_type.items():
        max_slots = quota_of(round_, award_type)
        taken = Nomination.objects.filter(
            round=round_, award_type=award_type, state__in=COUNTED_STATES
        ).count()
        if taken + len(group) > max_slots:
            raise ValidationError(
                _(
                    "Vượt chỉ tiêu: đợt “%(round)s” chỉ được đề nghị tối đa %(max)s %(award)s "
                    "(tập thể và cá nhân cộng chung); đã đề nghị %(taken)s, lần này chọn thêm %(new)s. "
                    "Hãy bỏ bớt %(excess)s hồ sơ rồi đề nghị lại."
                )
                % {
                    "round": round_,
                    "max": max_slots,
                    "award": award_type.short_name,
                    "taken": taken,
                    "new": len(group),
                    "excess": taken + len(group) - max_slots,
                }
            )
        slots = take_slots(
            actor=actor, round_=round_, award_type=award_type, max_slots=max_slots, nominations=group
        )
        for nomination in group:
            note = _("Đưa vào tờ trình đề nghị khen thưởng (vị trí %(slot)s/%(max)s).") % {
                "slot": slots.get(nomination.pk, "—"),
                "max": max_slots,
            }
            workflow.mark_proposed(actor=actor, nomination=nomination, comment=f"{note} {comment}".strip())
    return len(rows)


@transaction.atomic
def withdraw_proposal(*, actor, round, nomination, comment: str = "") -> None:
    """Take a dossier off the proposal before the council meets; its place of the quota is freed."""
    round_ = round
    require_perm(actor, "awards.propose", round_)
    round_ = lock_round(round_)
    _refuse_if_frozen(round_)
    nomination = Nomination.objects.get(pk=nomination.pk)
    if nomination.round_id != round_.pk or nomination.state != State.PROPOSED:
        raise ValidationError(
            _("Hồ sơ %(code)s không có trong tờ trình của đợt này nên không thể rút.")
            % {"code": nomination.code}
        )
    ProposalSlot.objects.filter(nomination=nomination).delete()
    workflow.unmark_proposed(
        actor=actor,
        nomination=nomination,
        comment=(comment or _("Rút khỏi tờ trình đề nghị khen thưởng.")),
    )
