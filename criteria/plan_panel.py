"""The criteria part of the plan page (campaigns cannot import criteria: it is registered)."""

from django.db.models import Prefetch
from django.template.loader import render_to_string

from criteria.models import Criterion, CriterionSet, Registration, Subject
from criteria.services import criteria_frozen_reason

SUBJECT_ORDER = {Subject.COLLECTIVE: 0, Subject.INDIVIDUAL: 1}


def criterion_sets_of(campaign) -> list[CriterionSet]:
    """The campaign's sets, collectives first, each with its criteria in Vietnamese letter order."""
    sets = CriterionSet.objects.filter(campaign=campaign).prefetch_related(
        Prefetch("criteria", queryset=Criterion.objects.order_by("sort_key", "code"))
    )
    return sorted(sets, key=lambda s: SUBJECT_ORDER.get(s.subject, 9))


def _frozen_reason(campaign, rounds) -> str:
    """criteria_frozen_reason, skipped when the rounds the plan page already read show no submission yet."""
    if rounds is not None and not any(round_.submissions_started_at for round_ in rounds):
        return ""
    return criteria_frozen_reason(campaign)


def criteria_panel(request, campaign, *, rounds=None) -> str:
    """The criterion sets of the plan page; `rounds`: the campaign's rounds if the page has them."""
    sets = criterion_sets_of(campaign)
    if not sets:
        return ""
    # No request: the panel needs no context processor (they would run their queries a second time).
    return render_to_string(
        "criteria/plan_panel.html",
        {
            "criterion_sets": sets,
            "registered": Registration.objects.filter(campaign=campaign).count(),
            "frozen_reason": _frozen_reason(campaign, rounds),
            "can_manage": request.user.has_perm("criteria.manage_criteria"),
            "campaign": campaign,
        },
    )
