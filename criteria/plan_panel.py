"""The criteria part of the plan page (campaigns cannot import criteria: it is registered)."""

from django.db.models import Prefetch
from django.template.loader import render_to_string

from criteria.models import Criterion, CriterionSet, EmulationContent, Registration, Subject
from criteria.plan_loader import CONTENT_CODES
from criteria.services import criteria_frozen_reason

SUBJECT_ORDER = {Subject.COLLECTIVE: 0, Subject.INDIVIDUAL: 1}


def criterion_sets_of(campaign) -> list[CriterionSet]:
    """The campaign's sets, collectives first, each with its criteria in Vietnamese letter order."""
    sets = CriterionSet.objects.filter(campaign=campaign).prefetch_related(
        Prefetch("criteria", queryset=Criterion.objects.order_by("sort_key", "code"))
    )
    return sorted(sets, key=lambda s: SUBJECT_ORDER.get(s.subject, 9))


def contents_of(campaign) -> list[dict]:
    """The plan's contents as the summary reports count them: each with its criteria ("tập thể: a, b")
    and the labels of its practices' kinds and fields and of its difficulties' topics (two queries)."""
    criteria = Criterion.objects.select_related("criterion_set").order_by(
        "criterion_set__subject", "sort_key"
    )
    contents = EmulationContent.objects.filter(campaign=campaign).prefetch_related(
        Prefetch("criteria", queryset=criteria)
    )

    def labels(key: str, codes: list[str]) -> list[str]:
        return [str(CONTENT_CODES.get(key, {}).get(code, code)) for code in codes]

    rows = []
    for content in contents:
        by_subject: dict[str, list[str]] = {}
        for c in content.criteria.all():
            by_subject.setdefault(c.criterion_set.get_subject_display(), []).append(f"{c.code})")
        rows.append(
            {
                "number": content.number,
                "title": content.title,
                "criteria": [f"{subject}: {', '.join(codes)}" for subject, codes in by_subject.items()],
                "practices": labels("practice_kinds", content.practice_kinds)
                + labels("practice_fields", content.practice_fields),
                "topics": labels("difficulty_topics", content.difficulty_topics),
            }
        )
    return rows


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
            "contents": contents_of(campaign),
            "registered": Registration.objects.filter(campaign=campaign).count(),
            "frozen_reason": _frozen_reason(campaign, rounds),
            "can_manage": request.user.has_perm("criteria.manage_criteria"),
            "campaign": campaign,
        },
    )
