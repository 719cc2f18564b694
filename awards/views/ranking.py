"""The manager's ranking board per round, and the proposal (tờ trình) made from it."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards import selectors, services
from awards.board_rows import board_rows_html
from awards.models import CouncilSession
from awards.views.common import page_of, report, requires
from campaigns.models import AwardRound
from nominations.models import Nomination

BOARD_PAGE_MIN = 50
BOARD_ROWS_PAST_QUOTA = 25


@requires("awards.view_ranking")
def ranking_home(request):
    rounds = page_of(request, selectors.rounds_for_ranking(), 25)
    return render(
        request,
        "awards/ranking_home.html",
        {"rounds": rounds, "breadcrumbs": [(_("Xếp hạng, đề nghị"), None)]},
    )


def board_page_size(quota: int | None) -> int:
    """Rows per page: the first page always reaches well past the quota line (25 rows below it)."""
    return max(BOARD_PAGE_MIN, (quota or 0) + BOARD_ROWS_PAST_QUOTA)


def _board_context(request, round_):
    types = selectors.province_award_types_with_quota(round_)
    chosen = request.GET.get("loai") or request.POST.get("loai")
    award_type, quota = next(
        ((t, q) for t, q in types if t.code == chosen), types[0] if types else (None, None)
    )
    if award_type:
        board = selectors.RankingBoard(round_, award_type, quota)
        proposal = selectors.proposal_list(round_, award_type)
    else:
        board, proposal = [], []
    frozen = bool(round_.decided_on) or CouncilSession.objects.filter(round=round_).exists()
    page = page_of(request, board, board_page_size(quota))
    return {
        "round": round_,
        "types": types,
        "award_type": award_type,
        "quota": quota,
        "board": page,
        "board_rows": board_rows_html(page.object_list, quota=quota, frozen=frozen),
        "query": urlencode({"loai": award_type.code}) if award_type else "",
        "n_more": page.paginator.count - page.end_index() if page.has_next() else 0,
        "proposal": proposal,
        "n_proposed": len(proposal),
        "frozen": frozen,
        "breadcrumbs": [(_("Xếp hạng, đề nghị"), reverse("awards:ranking_home")), (round_.name, None)],
    }


@requires("awards.view_ranking")
def ranking_board(request, round_id: int):
    round_ = get_object_or_404(AwardRound.objects.select_related("campaign"), pk=round_id)
    if request.method == "POST":
        if not request.user.has_perm("awards.propose", round_):
            raise PermissionDenied
        ids = [int(v) for v in request.POST.getlist("nomination") if v.isdigit()]
        chosen = list(Nomination.objects.filter(pk__in=ids))
        try:
            count = services.propose(actor=request.user, round=round_, nominations=chosen)
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("Đã đưa %(n)s hồ sơ vào tờ trình.") % {"n": count})
        return redirect(_board_url(round_, request.POST.get("loai")))
    return render(request, "awards/ranking_board.html", _board_context(request, round_))


def _board_url(round_, code) -> str:
    url = reverse("awards:ranking_board", args=[round_.pk])
    return f"{url}?loai={code}" if code else url


@require_POST
@requires("awards.propose")
def proposal_withdraw(request, round_id: int, nomination_id: int):
    round_ = get_object_or_404(AwardRound, pk=round_id)
    nomination = get_object_or_404(Nomination, pk=nomination_id, round=round_)
    try:
        services.withdraw_proposal(actor=request.user, round=round_, nomination=nomination)
    except ValidationError as error:
        report(request, error)
    else:
        messages.success(
            request, _("Đã rút hồ sơ %(name)s khỏi tờ trình.") % {"name": nomination.nominee_name}
        )
    return redirect(_board_url(round_, nomination.award_type.code))
