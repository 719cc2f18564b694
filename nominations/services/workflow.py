"""The dossier's life: the ONLY writer of Nomination.state.

Every transition is one function here, and each takes one step of the table STEPS (who may, from which
states, to which) through portal.transitions.move: the actor's role and scope first (PermissionDenied),
then the dossier's state and the round's window (ValidationError with a Vietnamese sentence), in a
transaction holding the dossier's row lock; the dossier appends its NominationEvent
(Nomination.record_event).
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import rules
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns import roles
from campaigns.models import AwardRound, AwardType, Person, Unit
from criteria.models import Subject
from nominations import deadlines
from nominations import rules as perms
from nominations.completeness import criteria_for, missing_items, missing_message
from nominations.models import CriterionAssessment, Nomination, Notification, State
from nominations.services import notifications
from portal.transitions import lock, move

# What the checks and the messages read of a locked dossier (lock() locks the dossier's row only:
# PostgreSQL refuses FOR UPDATE on the nullable side of the outer joins).
LOCK_RELATED = ("round", "award_type", "proposing_unit", "nominee_unit", "nominee_person__unit")


def _today():
    return timezone.localdate()


def lock_as(actor, nomination: Nomination, may, denied: str = "") -> Nomination:
    """The dossier's row, locked for the transaction, if `may` (a role and scope rule) lets the actor
    act on it; PermissionDenied otherwise. Every write of a dossier starts here."""
    locked = lock(nomination, *LOCK_RELATED)
    if not may.test(actor, locked):
        raise PermissionDenied(
            denied
            or _("Bạn không có quyền thực hiện thao tác này với hồ sơ %(code)s.") % {"code": locked.code}
        )
    return locked


def _refuse_state(locked: Nomination, doing: str) -> ValidationError:
    return ValidationError(
        _(
            "Hồ sơ %(code)s đang ở trạng thái “%(state)s” nên không thể %(doing)s. "
            "Hãy tải lại trang để xem trạng thái mới."
        )
        % {"code": locked.code, "state": locked.get_state_display(), "doing": doing}
    )


def _ensure_not_decided(locked: Nomination) -> None:
    if locked.round.decided_on:
        raise ValidationError(
            _("Đợt “%(round)s” đã có quyết định khen thưởng; hồ sơ không thể thay đổi nữa.")
            % {"round": locked.round.name}
        )


def ensure_submission_window(round_: AwardRound) -> None:
    """Drafts are created and submitted only while the round accepts dossiers."""
    today = _today()
    if round_.decided_on or today > round_.closes_on:
        raise ValidationError(
            _("Đợt “%(round)s” đã hết hạn nhận hồ sơ (ngày %(date)s). Hồ sơ không thể lập hoặc nộp thêm.")
            % {"round": round_.name, "date": date_format(round_.closes_on, "d/m/Y")}
        )
    if today < round_.opens_on:
        raise ValidationError(
            _("Đợt “%(round)s” chưa mở nhận hồ sơ (mở từ ngày %(date)s). Hãy quay lại khi đợt mở.")
            % {"round": round_.name, "date": date_format(round_.opens_on, "d/m/Y")}
        )


def ensure_supplement_window(round_: AwardRound) -> None:
    """A returned dossier may be supplemented until the round's appraisal deadline."""
    if round_.decided_on or _today() > round_.appraisal_deadline:
        raise ValidationError(
            _("Đã quá hạn bổ sung hồ sơ của đợt “%(round)s” (ngày %(date)s). Hãy liên hệ Sở Nội vụ.")
            % {"round": round_.name, "date": date_format(round_.appraisal_deadline, "d/m/Y")}
        )


def ensure_unit_may_edit(locked: Nomination) -> None:
    """The unit changes content only in DRAFT (inside the window) or RETURNED (until the deadline)."""
    if locked.state == State.DRAFT:
        ensure_submission_window(locked.round)
    elif locked.state == State.RETURNED:
        ensure_supplement_window(locked.round)
    else:
        raise ValidationError(
            _(
                "Hồ sơ %(code)s đang ở trạng thái “%(state)s”: tài liệu và tự đánh giá đã khóa. "
                "Chỉ sửa được khi hồ sơ còn là dự thảo hoặc bị trả lại để bổ sung."
            )
            % {"code": locked.code, "state": locked.get_state_display()}
        )


def _becomes_complete(locked: Nomination) -> dict:
    """Fields set when a complete dossier reaches Sở Nội vụ: the appraisal clock starts now."""
    now = timezone.now()
    due = deadlines.add_working_days(
        timezone.localdate(now), locked.round.appraisal_working_days, deadlines.holidays()
    )
    AwardRound.objects.filter(pk=locked.round_id, submissions_started_at__isnull=True).update(
        submissions_started_at=now
    )
    return {"complete_at": now, "appraisal_due_on": due}


def _require_complete(locked: Nomination) -> None:
    missing = missing_items(locked)
    if missing:
        raise ValidationError(missing_message(missing))


# --- The steps -----------------------------------------------------------------------------


def _check_submission(locked: Nomination) -> None:
    ensure_submission_window(locked.round)
    _require_complete(locked)


def _check_supplement(locked: Nomination) -> None:
    ensure_supplement_window(locked.round)
    _require_complete(locked)


@dataclass(frozen=True)
class Step:
    """One step of the dossier's life: who may take it (a role and scope rule), from which states to which,
    the verb of the refusal, and the step's own rule on the locked dossier (unless it says otherwise: the
    round has no award decision yet)."""

    may: rules.Predicate
    allowed: tuple[str, ...]
    to: str
    doing: str
    check: Callable[[Nomination], None] | None = _ensure_not_decided


# Every step of the dossier, by the action its history records.
STEPS = {
    # The unit's side
    "submit": Step(
        may=perms.may_decide_for_unit,
        allowed=(State.DRAFT,),
        to=State.SUBMITTED,
        doing=gettext_lazy("nộp"),
        check=_check_submission,
    ),
    "resubmit": Step(
        may=perms.may_decide_for_unit,
        allowed=(State.RETURNED,),
        to=State.SUBMITTED,
        doing=gettext_lazy("nộp lại"),
        check=_check_supplement,
    ),
    "withdraw": Step(
        may=perms.may_decide_for_unit,
        allowed=(State.DRAFT, State.SUBMITTED, State.RETURNED),
        to=State.WITHDRAWN,
        doing=gettext_lazy("rút"),
    ),
    # Sở Nội vụ's side
    "take": Step(
        may=perms.may_take,
        allowed=(State.SUBMITTED,),
        to=State.IN_REVIEW,
        doing=gettext_lazy("nhận thẩm định"),
    ),
    "assign": Step(
        may=perms.may_assign,
        allowed=(State.SUBMITTED, State.IN_REVIEW),
        to=State.IN_REVIEW,
        doing=gettext_lazy("phân công"),
    ),
    "return": Step(
        may=perms.may_appraise,
        allowed=(State.IN_REVIEW,),
        to=State.RETURNED,
        doing=gettext_lazy("trả lại"),
    ),
    "conclude_eligible": Step(
        may=perms.may_appraise,
        allowed=(State.IN_REVIEW,),
        to=State.APPRAISED,
        doing=gettext_lazy("kết luận"),
    ),
    "conclude_ineligible": Step(
        may=perms.may_appraise,
        allowed=(State.IN_REVIEW,),
        to=State.INELIGIBLE,
        doing=gettext_lazy("kết luận"),
    ),
    # What the awards app records: the proposal (its quota checked by awards), then the decision
    "propose": Step(
        may=perms.may_record_award_outcome,
        allowed=(State.APPRAISED,),
        to=State.PROPOSED,
        doing=gettext_lazy("đưa vào danh sách đề nghị"),
    ),
    "unpropose": Step(
        may=perms.may_record_award_outcome,
        allowed=(State.PROPOSED,),
        to=State.APPRAISED,
        doing=gettext_lazy("rút khỏi danh sách đề nghị"),
    ),
    "award": Step(
        may=perms.may_record_award_outcome,
        allowed=(State.PROPOSED,),
        to=State.AWARDED,
        doing=gettext_lazy("ghi nhận khen thưởng"),
        check=None,
    ),
    "not_award": Step(
        may=perms.may_record_award_outcome,
        allowed=(State.PROPOSED,),
        to=State.NOT_AWARDED,
        doing=gettext_lazy("ghi nhận không khen thưởng"),
        check=None,
    ),
}


def _step(actor, nomination: Nomination, action: str, **move_args) -> Nomination:
    """The step `action` of STEPS: locked and checked for this actor by its `may`, then portal's move()."""
    step = STEPS[action]
    return move(
        nomination,
        locked=lock_as(actor, nomination, step.may),
        actor=actor,
        refuse=_refuse_state,
        to=step.to,
        allowed=step.allowed,
        action=action,
        doing=step.doing,
        check=step.check,
        **move_args,
    )


# --- The unit's side ------------------------------------------------------------------------


@transaction.atomic
def create_draft(
    *,
    actor,
    round: AwardRound,  # noqa: A002 - the domain's word
    award_type: AwardType,
    subject: str,
    proposing_unit: Unit,
    nominee_unit: Unit | None = None,
    nominee_person: Person | None = None,
    summary: str = "",
) -> Nomination:
    """Open a new dossier as a draft for a unit or person of the actor's subtree."""
    if not perms.is_unit_member(actor):
        raise PermissionDenied(_("Chỉ thủ trưởng hoặc cán bộ thi đua của đơn vị mới lập được hồ sơ."))
    own = roles.unit_of(actor)
    if subject == Subject.COLLECTIVE:
        nominee_person = None
        home = nominee_unit
    elif subject == Subject.INDIVIDUAL:
        nominee_unit = None
        home = nominee_person.unit if nominee_person else None
    else:
        raise ValidationError(_("Hãy chọn đối tượng đề nghị: tập thể hoặc cá nhân."))
    if home is None:
        raise ValidationError(_("Hãy chọn tập thể hoặc cá nhân được đề nghị."))
    if not own.contains(home) or not own.contains(proposing_unit):
        raise PermissionDenied(_("Chỉ đề nghị được cho đơn vị mình và các đơn vị trực thuộc."))
    if not proposing_unit.contains(home):
        raise ValidationError(
            _("Đơn vị trình phải là đơn vị của người được đề nghị hoặc đơn vị cấp trên của đơn vị đó.")
        )
    if award_type.level != AwardType.Level.PROVINCE:
        raise ValidationError(
            _("“%(award)s” do thủ trưởng đơn vị quyết định, không gửi hồ sơ lên Sở Nội vụ.")
            % {"award": award_type.name}
        )
    ensure_submission_window(round)
    nomination = Nomination(
        round=round,
        award_type=award_type,
        subject=subject,
        nominee_unit=nominee_unit,
        nominee_person=nominee_person,
        proposing_unit=proposing_unit,
        summary=summary,
        created_by=actor,
    )
    try:
        with transaction.atomic():
            nomination.save()
    except IntegrityError as exc:
        if "nomination_one_live_dossier" not in str(exc):
            raise
        raise ValidationError(
            _(
                "%(nominee)s đã có một hồ sơ đề nghị “%(award)s” đang xử lý trong đợt “%(round)s”. "
                "Hãy mở hồ sơ đó thay vì lập hồ sơ mới."
            )
            % {
                "nominee": home if nominee_unit else nominee_person,
                "award": award_type.short_name,
                "round": round.name,
            }
        ) from exc
    nomination.record_event(actor=actor, action="create", from_state="")
    return nomination


def _notify_arrived(locked: Nomination, message: str) -> None:
    """Tell Sở Nội vụ that a dossier reached it; `message` reads the dossier's code, nominee and unit."""
    notifications.notify(
        users=notifications.appraisal_recipients(locked),
        nomination=locked,
        kind=Notification.Kind.ARRIVED,
        message=message
        % {"code": locked.code, "nominee": locked.nominee_name, "unit": locked.proposing_unit.name},
    )


@transaction.atomic
def submit(*, actor, nomination: Nomination, comment: str = "") -> Nomination:
    """DRAFT → SUBMITTED by the unit's head; the dossier must be complete; content locks."""
    locked = _step(
        actor,
        nomination,
        "submit",
        comment=comment,
        compute=lambda locked: {"submitted_at": timezone.now(), **_becomes_complete(locked)},
    )
    _notify_arrived(locked, _("Hồ sơ %(code)s (%(nominee)s) của %(unit)s vừa được nộp, chờ thẩm định."))
    return locked


@transaction.atomic
def resubmit(*, actor, nomination: Nomination, comment: str = "") -> Nomination:
    """RETURNED → SUBMITTED after the unit supplemented it; history is kept, the clock restarts."""
    locked = _step(actor, nomination, "resubmit", comment=comment, compute=_becomes_complete)
    _notify_arrived(locked, _("Hồ sơ %(code)s (%(nominee)s) đã được %(unit)s bổ sung và nộp lại."))
    return locked


@transaction.atomic
def withdraw(*, actor, nomination: Nomination, reason: str = "") -> Nomination:
    """DRAFT / SUBMITTED / RETURNED → WITHDRAWN by the unit's head."""
    return _step(actor, nomination, "withdraw", comment=reason.strip())


# --- Sở Nội vụ's side -----------------------------------------------------------------------


@transaction.atomic
def take(*, actor, nomination: Nomination) -> Nomination:
    """SUBMITTED → IN_REVIEW: the specialist takes the dossier (unassigned, or already theirs)."""
    return _step(actor, nomination, "take", appraiser=actor)


@transaction.atomic
def take_next(*, actor) -> Nomination | None:
    """Take the oldest complete dossier nobody is assigned to; None when the queue is empty."""
    if not perms.is_noivu_staff(actor):
        raise PermissionDenied(_("Chỉ chuyên viên Sở Nội vụ mới nhận hồ sơ thẩm định."))
    candidate = (
        Nomination.objects.select_for_update(skip_locked=True)
        .filter(state=State.SUBMITTED, appraiser__isnull=True, round__decided_on__isnull=True)
        .order_by("complete_at", "pk")
        .first()
    )
    if candidate is None:
        return None
    return take(actor=actor, nomination=candidate)


@transaction.atomic
def assign(*, actor, nomination: Nomination, appraiser) -> Nomination:
    """The manager assigns (or reassigns) a dossier to a specialist; it is then in review."""
    if not perms.is_noivu_staff(appraiser):
        raise ValidationError(_("Chỉ phân công được cho chuyên viên Sở Nội vụ."))
    name = get_user_model().objects.filter(pk=appraiser.pk).values_list("last_name", "first_name").first()
    label = " ".join(p for p in (name or ()) if p) or appraiser.get_username()
    locked = _step(
        actor,
        nomination,
        "assign",
        comment=_("Phân công cho %(name)s") % {"name": label},
        appraiser=appraiser,
    )
    notifications.notify(
        users=[appraiser],
        nomination=locked,
        kind=Notification.Kind.ASSIGNED,
        message=_("Bạn được phân công thẩm định hồ sơ %(code)s (%(nominee)s), hạn %(due)s.")
        % {
            "code": locked.code,
            "nominee": locked.nominee_name,
            "due": date_format(locked.appraisal_due_on, "d/m/Y") if locked.appraisal_due_on else "—",
        },
    )
    return locked


@transaction.atomic
def return_for_supplement(*, actor, nomination: Nomination, reason: str) -> Nomination:
    """IN_REVIEW → RETURNED with the reason the unit will read; the dossier unlocks for it."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Hãy ghi rõ lý do trả lại để đơn vị biết cần bổ sung gì."))
    locked = _step(actor, nomination, "return", comment=reason, appraisal_due_on=None)
    notifications.notify(
        users=notifications.unit_recipients(locked),
        nomination=locked,
        kind=Notification.Kind.RETURNED,
        message=_("Hồ sơ %(code)s (%(nominee)s) bị trả lại để bổ sung. Lý do: %(reason)s")
        % {"code": locked.code, "nominee": locked.nominee_name, "reason": reason},
    )
    return locked


def _scored_total(locked: Nomination, *, require_all: bool) -> Decimal | None:
    criteria = criteria_for(locked)
    points = dict(
        CriterionAssessment.objects.filter(nomination=locked).values_list("criterion_id", "appraiser_points")
    )
    unscored = [c.code for c in criteria if points.get(c.pk) is None]
    if require_all and unscored:
        raise ValidationError(
            _("Chưa chấm điểm tiêu chí: %(codes)s. Hãy chấm đủ các tiêu chí rồi kết luận.")
            % {"codes": ", ".join(unscored)}
        )
    scored = [points[c.pk] for c in criteria if points.get(c.pk) is not None]
    return sum(scored, Decimal(0)) if scored else None


def _conclude(actor, nomination, action: str, conclusion: str, *, require_all: bool, verdict: str):
    """The appraiser's conclusion: the dossier's score (`require_all`: every criterion scored), the text the
    unit will read, and its notification."""
    locked = _step(
        actor,
        nomination,
        action,
        comment=conclusion,
        compute=lambda locked: {
            "score": _scored_total(locked, require_all=require_all),
            "conclusion": conclusion,
            "concluded_at": timezone.now(),
        },
    )
    notifications.notify(
        users=notifications.unit_recipients(locked),
        nomination=locked,
        kind=Notification.Kind.CONCLUDED,
        message=_("Hồ sơ %(code)s (%(nominee)s) đã được thẩm định: %(verdict)s. %(reason)s")
        % {"code": locked.code, "nominee": locked.nominee_name, "verdict": verdict, "reason": conclusion},
    )
    return locked


@transaction.atomic
def conclude_eligible(*, actor, nomination: Nomination, comment: str = "") -> Nomination:
    """IN_REVIEW → APPRAISED: every criterion scored; the total becomes the dossier's score."""
    comment = (comment or "").strip()
    return _conclude(
        actor, nomination, "conclude_eligible", comment, require_all=True, verdict=_("đủ điều kiện")
    )


@transaction.atomic
def conclude_ineligible(*, actor, nomination: Nomination, reason: str) -> Nomination:
    """IN_REVIEW → INELIGIBLE with the reasons the unit will read."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Hãy ghi rõ lý do hồ sơ không đủ điều kiện."))
    return _conclude(
        actor, nomination, "conclude_ineligible", reason, require_all=False, verdict=_("không đủ điều kiện")
    )


# --- For the awards app: each step with the comment as the awards service gives it --------------


@transaction.atomic
def mark_proposed(*, actor, nomination: Nomination, comment: str = "") -> Nomination:
    """APPRAISED → PROPOSED: put on the list proposed to the council (quota checked by awards)."""
    return _step(actor, nomination, "propose", comment=comment)


@transaction.atomic
def unmark_proposed(*, actor, nomination: Nomination, comment: str = "") -> Nomination:
    """PROPOSED → APPRAISED: take off the proposed list."""
    return _step(actor, nomination, "unpropose", comment=comment)


@transaction.atomic
def mark_awarded(*, actor, nomination: Nomination, comment: str = "") -> Nomination:
    """PROPOSED → AWARDED, recorded with the award decision."""
    return _step(actor, nomination, "award", comment=comment)


@transaction.atomic
def mark_not_awarded(*, actor, nomination: Nomination, comment: str = "") -> Nomination:
    """PROPOSED → NOT_AWARDED, recorded when the decision leaves the dossier out."""
    return _step(actor, nomination, "not_award", comment=comment)
