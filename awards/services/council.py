"""The council session of a round: opened and closed by the manager, one vote per member and dossier."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import CouncilResult, CouncilSeat, CouncilSession, CouncilVote, VoteChoice
from awards.services.common import lock_round, require_perm
from campaigns import roles
from nominations.models import Nomination, State


def passes(*, agree: int, members: int, ratio: Decimal) -> bool:
    """The round's rule: strictly more than ratio × all members agree (default: more than half)."""
    return members > 0 and Decimal(agree) > Decimal(ratio) * members


@transaction.atomic
def open_session(*, actor, round) -> CouncilSession:
    """Open the council's session on the round's proposal; the members now are its seats."""
    require_perm(actor, "awards.manage_council", round)
    round_ = lock_round(round)
    if CouncilSession.objects.filter(round=round_).exists():
        raise ValidationError(_("Hội đồng đã có phiên họp cho đợt “%(round)s”.") % {"round": round_})
    if not Nomination.objects.filter(round=round_, state=State.PROPOSED).exists():
        raise ValidationError(
            _("Đợt “%(round)s” chưa có hồ sơ nào trong tờ trình. Hãy đề nghị hồ sơ trước khi mở phiên họp.")
            % {"round": round_}
        )
    members = list(
        get_user_model().objects.filter(groups__name=roles.COUNCIL_MEMBER, is_active=True).distinct()
    )
    if not members:
        raise ValidationError(
            _(
                "Chưa có tài khoản nào thuộc Hội đồng Thi đua – Khen thưởng. "
                "Hãy phân vai trò trước khi mở phiên."
            )
        )
    session = CouncilSession.objects.create(
        round=round_, opened_by=actor, pass_ratio=round_.council_pass_ratio
    )
    CouncilSeat.objects.bulk_create(CouncilSeat(session=session, member=m) for m in members)
    return session


def _locked_open_session(round_) -> CouncilSession:
    session = CouncilSession.objects.select_for_update().filter(round=round_).first()
    if session is None:
        raise ValidationError(_("Hội đồng chưa mở phiên biểu quyết cho đợt “%(round)s”.") % {"round": round_})
    if not session.is_open:
        raise ValidationError(
            _("Phiên họp Hội đồng của đợt “%(round)s” đã kết thúc lúc %(at)s; không thể biểu quyết thêm.")
            % {"round": round_, "at": timezone.localtime(session.closed_at).strftime("%H:%M %d/%m/%Y")}
        )
    return session


@transaction.atomic
def cast_votes(*, actor, round, choices: dict) -> int:
    """Record the member's votes {nomination: choice} on proposed dossiers, all or none."""
    require_perm(actor, "awards.vote", round)
    if not choices:
        raise ValidationError(_("Hãy chọn biểu quyết cho ít nhất một hồ sơ."))
    session = _locked_open_session(round)
    if not CouncilSeat.objects.filter(session=session, member=actor).exists():
        raise ValidationError(_("Bạn không có tên trong danh sách thành viên của phiên họp này."))
    ids = [n.pk for n in choices]
    current = {n.pk: n for n in Nomination.objects.filter(pk__in=ids)}
    earlier = dict(
        CouncilVote.objects.filter(session=session, member=actor, nomination_id__in=ids).values_list(
            "nomination_id", "choice"
        )
    )
    votes = []
    for nomination, choice in choices.items():
        row = current.get(nomination.pk)
        if row is None or row.round_id != session.round_id or row.state != State.PROPOSED:
            raise ValidationError(
                _("Hồ sơ %(code)s không có trong danh sách đề nghị của phiên họp này.")
                % {"code": nomination.code}
            )
        if choice not in VoteChoice.values:
            raise ValidationError(_("Hãy chọn Đồng ý, Không đồng ý hoặc Không có ý kiến."))
        if nomination.pk in earlier:
            raise ValidationError(
                _(
                    "Bạn đã biểu quyết hồ sơ %(code)s (%(name)s) là “%(choice)s”; "
                    "mỗi thành viên chỉ biểu quyết một lần cho mỗi hồ sơ."
                )
                % {
                    "code": row.code,
                    "name": row.nominee_name,
                    "choice": VoteChoice(earlier[row.pk]).label,
                }
            )
        votes.append(CouncilVote(session=session, nomination=row, member=actor, choice=choice))
    try:
        with transaction.atomic():
            CouncilVote.objects.bulk_create(votes)
    except IntegrityError as exc:
        raise ValidationError(
            _("Bạn đã biểu quyết hồ sơ này rồi; mỗi thành viên chỉ biểu quyết một lần.")
        ) from exc
    return len(votes)


def cast_vote(*, actor, nomination, choice: str) -> None:
    """Record one member's vote on one proposed dossier."""
    cast_votes(actor=actor, round=nomination.round, choices={nomination: choice})


@transaction.atomic
def close_session(*, actor, round) -> CouncilSession:
    """Close the session: no more votes; each dossier's tally and result are written."""
    require_perm(actor, "awards.manage_council", round)
    session = _locked_open_session(round)
    members = session.seats.count()
    proposed = Nomination.objects.filter(round=session.round, state=State.PROPOSED).annotate(
        n_agree=Count(
            "council_votes", filter=Q(council_votes__session=session, council_votes__choice="agree")
        ),
        n_disagree=Count(
            "council_votes", filter=Q(council_votes__session=session, council_votes__choice="disagree")
        ),
        n_abstain=Count(
            "council_votes", filter=Q(council_votes__session=session, council_votes__choice="abstain")
        ),
    )
    CouncilResult.objects.bulk_create(
        CouncilResult(
            session=session,
            nomination=n,
            members=members,
            agree=n.n_agree,
            disagree=n.n_disagree,
            abstain=n.n_abstain,
            passed=passes(agree=n.n_agree, members=members, ratio=session.pass_ratio),
        )
        for n in proposed
    )
    session.closed_at = timezone.now()
    session.closed_by = actor
    session.save(update_fields=["closed_at", "closed_by"])
    return session
