"""The council's pages: rounds with a proposal, the session, members' votes and the results."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards import services
from awards.models import CouncilResult, CouncilSession, CouncilVote, VoteChoice
from campaigns.models import AwardRound
from nominations.models import Nomination, State
from portal.web import act, paginate, permission_required

# The council table's radio buttons: one group per dossier, named phieu-<dossier id>.
VOTE_PREFIX = "phieu-"


@permission_required("awards.view_council")
def council_home(request):
    rounds = (
        AwardRound.objects.select_related("campaign", "council_session")
        .annotate(n_proposed=Count("nominations", filter=Q(nominations__state=State.PROPOSED)))
        .filter(Q(n_proposed__gt=0) | Q(council_session__isnull=False))
        .order_by("-period_end")
    )
    return render(
        request,
        "awards/council_home.html",
        {
            "rounds": paginate(request, rounds, 25),
            "breadcrumbs": [(_("Hội đồng Thi đua – Khen thưởng"), None)],
        },
    )


def _dossiers(round_, session):
    """The dossiers before the council: those proposed, or once closed, those it voted on."""
    if session is not None and not session.is_open:
        ids = CouncilResult.objects.filter(session=session).values("nomination_id")
        queryset = Nomination.objects.filter(pk__in=ids)
    else:
        queryset = Nomination.objects.filter(round=round_, state=State.PROPOSED)
    return list(
        queryset.select_related(
            "award_type", "nominee_person__unit", "nominee_unit", "proposing_unit"
        ).order_by("award_type__order", "-score", "pk")
    )


def _tally(result) -> str:
    """The vote count of a closed session's dossier, as one sentence (translated here, once per row)."""
    if result is None:
        return ""
    return _("%(a)s đồng ý, %(d)s không đồng ý, %(b)s không có ý kiến / %(m)s") % {
        "a": result.agree,
        "d": result.disagree,
        "b": result.abstain,
        "m": result.members,
    }


@permission_required("awards.view_council")
def council_round(request, round_id: int):
    round_ = get_object_or_404(AwardRound.objects.select_related("campaign"), pk=round_id)
    session = CouncilSession.objects.filter(round=round_).select_related("opened_by", "closed_by").first()
    if request.method == "POST":
        return _vote(request, round_)
    dossiers = _dossiers(round_, session)
    seats, votes, mine, results = [], defaultdict(dict), {}, {}
    if session is not None:
        seats = list(
            get_user_model()
            .objects.filter(pk__in=session.seats.values("member_id"))
            .order_by("last_name", "pk")
        )
        for vote in CouncilVote.objects.filter(session=session):
            votes[vote.nomination_id][vote.member_id] = vote.get_choice_display()
            if vote.member_id == request.user.pk:
                mine[vote.nomination_id] = vote.get_choice_display()
        results = {r.nomination_id: r for r in CouncilResult.objects.filter(session=session)}
    # While the session is open members see only their own votes; everybody sees all once it closes.
    show_all = session is not None and (not session.is_open or request.user.has_perm("awards.manage_council"))
    rows = [
        {
            "nomination": n,
            "mine": mine.get(n.pk),
            "voted": len(votes.get(n.pk, {})),
            "by_member": [votes.get(n.pk, {}).get(m.pk, "—") for m in seats] if show_all else [],
            "result": results.get(n.pk),
            "tally": _tally(results.get(n.pk)),
        }
        for n in dossiers
    ]
    is_seated = any(m.pk == request.user.pk for m in seats)
    return render(
        request,
        "awards/council_round.html",
        {
            "round": round_,
            "session": session,
            "rows": rows,
            "seats": seats,
            "show_all": show_all,
            "may_vote": bool(
                session and session.is_open and is_seated and request.user.has_perm("awards.vote")
            ),
            "choices": VoteChoice.choices,
            "breadcrumbs": [
                (_("Hội đồng Thi đua – Khen thưởng"), reverse("awards:council_home")),
                (round_.name, None),
            ],
        },
    )


def _vote(request, round_):
    """The member's ticked votes; the service checks the member, the session and every dossier."""
    ids = {
        int(key.removeprefix(VOTE_PREFIX)): value
        for key, value in request.POST.items()
        if key.startswith(VOTE_PREFIX) and key.removeprefix(VOTE_PREFIX).isdigit() and value
    }
    nominations = Nomination.objects.in_bulk(list(ids))
    choices = {nominations[pk]: choice for pk, choice in ids.items() if pk in nominations}
    if len(choices) != len(ids):
        messages.error(request, _("Có hồ sơ không còn tồn tại. Hãy tải lại trang và biểu quyết lại."))
        return redirect("awards:council_round", round_.pk)
    return act(
        request,
        services.cast_votes,
        back=reverse("awards:council_round", args=[round_.pk]),
        success=lambda n: _("Đã ghi nhận biểu quyết của bạn cho %(n)s hồ sơ.") % {"n": n},
        round=round_,
        choices=choices,
    )


def _session_step(request, round_id: int, service, success: str):
    """The chair opens or closes the round's session, then back to the council's page of the round."""
    round_ = get_object_or_404(AwardRound, pk=round_id)
    return act(
        request,
        service,
        back=reverse("awards:council_round", args=[round_.pk]),
        success=success,
        round=round_,
    )


@require_POST
@permission_required("awards.manage_council")
def council_open(request, round_id: int):
    return _session_step(
        request, round_id, services.open_session, _("Đã mở phiên họp Hội đồng; thành viên có thể biểu quyết.")
    )


@require_POST
@permission_required("awards.manage_council")
def council_close(request, round_id: int):
    return _session_step(
        request,
        round_id,
        services.close_session,
        _("Đã kết thúc phiên họp; kết quả biểu quyết đã được ghi lại."),
    )
