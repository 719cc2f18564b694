"""The criteria part of the plan page (campaigns cannot import criteria: it is registered)."""

from django.db.models import Prefetch
from django.template.loader import render_to_string

from .models import Criterion, CriterionSet, Registration, Subject
from .services import criteria_frozen_reason

SUBJECT_ORDER = {Subject.COLLECTIVE: 0, Subject.INDIVIDUAL: 1}


def criterion_sets_of(campaign) -> list[CriterionSet]:
    """The campaign's sets, collectives first, each with its criteria in Vietnamese letter order."""
    sets = CriterionSet.objects.filter(campaign=campaign).prefetch_related(
        Prefetch("criteria", queryset=Criterion.objects.order_by("sort_key", "code"))
    )
    return sorted(sets, key=lambda s: SUBJECT_ORDER.get(s.subject, 9))


def criteria_panel(request, campaign) -> str:
    sets = criterion_sets_of(campaign)
    if not sets:
        return ""
    return render_to_string(
        "criteria/plan_panel.html",
        {
            "criterion_sets": sets,
            "registered": Registration.objects.filter(campaign=campaign).count(),
            "frozen_reason": criteria_frozen_reason(campaign),
            "can_manage": request.user.has_perm("criteria.manage_criteria"),
            "campaign": campaign,
        },
        request=request,
    )
