"""The manager's ranking board per round, and the proposal (tờ trình) made from it."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards import selectors, services
from awards.forms import ProposeForm
from awards.models import CouncilSession
from campaigns.models import AwardRound
from nominations.models import Nomination
from portal.web import PAGE_PARAM, act, markup_key, paginate, permission_required, show_errors

BOARD_PAGE_MIN = 50
BOARD_ROWS_PAST_QUOTA = 25


@permission_required("awards.view_ranking")
def ranking_home(request):
    rounds = paginate(request, selectors.rounds_for_ranking(), 25)
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
    chosen = request.GET.get("award_type")
    award_type, quota = next(
        ((t, q) for t, q in types if t.code == chosen), types[0] if types else (None, None)
    )
    if award_type:
        board = selectors.RankingBoard(round_, award_type, quota)
        proposal = selectors.proposal_list(round_, award_type)
    else:
        board, proposal = [], []
    page = paginate(request, board, board_page_size(quota))
    frozen = bool(round_.decided_on) or CouncilSession.objects.filter(round=round_).exists()
    rows = selectors.board_rows(page.object_list, quota=quota, frozen=frozen)
    return {
        "round": round_,
        "types": types,
        "award_type": award_type,
        "quota": quota,
        "board": page,
        "rows": rows,
        # The rows' markup is kept under what it prints (ranking_board.html): a moved rank, a new score or
        # a dossier put in the proposal is another key.
        "rows_key": markup_key(quota, rows),
        "n_more": page.paginator.count - page.end_index() if page.has_next() else 0,
        "more_url": _more_url(award_type, page),
        "proposal": proposal,
        "n_proposed": len(proposal),
        "frozen": frozen,
        "breadcrumbs": [(_("Xếp hạng, đề nghị"), reverse("awards:ranking_home")), (round_.name, None)],
    }


def _more_url(award_type, page) -> str:
    """The next page of the board, for the chosen form of award."""
    if not (award_type and page.has_next()):
        return ""
    return "?" + urlencode({"award_type": award_type.code, PAGE_PARAM: page.next_page_number()})


@permission_required("awards.view_ranking")
def ranking_board(request, round_id: int):
    round_ = get_object_or_404(AwardRound.objects.select_related("campaign"), pk=round_id)
    if request.method == "POST":
        form = ProposeForm(request.POST)
        back = _board_url(round_, request.POST.get("award_type"))
        if not form.is_valid():
            show_errors(request, ValidationError(form.errors["nomination"]))
            return redirect(back)
        return act(
            request,
            services.propose,
            back=back,
            success=lambda count: _("Đã đưa %(n)s hồ sơ vào tờ trình.") % {"n": count},
            round=round_,
            nominations=list(form.cleaned_data["nomination"]),
        )
    return render(request, "awards/ranking_board.html", _board_context(request, round_))


def _board_url(round_, code) -> str:
    url = reverse("awards:ranking_board", args=[round_.pk])
    return f"{url}?{urlencode({'award_type': code})}" if code else url


@require_POST
@permission_required("awards.propose")
def proposal_withdraw(request, round_id: int, nomination_id: int):
    round_ = get_object_or_404(AwardRound, pk=round_id)
    nomination = get_object_or_404(Nomination, pk=nomination_id, round=round_)
    return act(
        request,
        services.withdraw_proposal,
        back=_board_url(round_, nomination.award_type.code),
        success=_("Đã rút hồ sơ “%(name)s” khỏi tờ trình.") % {"name": nomination.nominee_name},
        round=round_,
        nomination=nomination,
    )
