"""Reads shared by the pages: the unit's dossiers, the appraisal queue, appraisers' progress, history."""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns import roles
from campaigns.models import Person, Unit
from campaigns.text import fold
from criteria.models import Subject
from nominations import deadlines
from nominations.models import CONCLUDED_STATES, PENDING_APPRAISAL_STATES, Nomination, NominationEvent, State

LIST_RELATED = (
    "round",
    "award_type",
    "proposing_unit",
    "nominee_unit",
    "nominee_person__unit",
    "appraiser",
)


def unit_dossiers(user) -> QuerySet[Nomination]:
    """Dossiers proposed by the user's unit or the units below it."""
    own = roles.unit_of(user)
    if own is None:
        return Nomination.objects.none()
    return (
        Nomination.objects.filter(proposing_unit__path__startswith=own.path)
        .select_related(*LIST_RELATED)
        .order_by("-updated_at", "-pk")
    )


def concluded_dossiers() -> QuerySet[Nomination]:
    """What leaders see: dossiers with an appraisal conclusion, read-only."""
    return (
        Nomination.objects.filter(state__in=CONCLUDED_STATES)
        .select_related(*LIST_RELATED)
        .order_by("-concluded_at", "-pk")
    )


@dataclass
class QueueFilters:
    round: int | None = None
    state: str = ""
    unit_kind: str = ""
    cluster: int | None = None
    award_type: int | None = None
    appraiser: str = ""  # "" all, "none" unassigned, "me", or a user id
    overdue: bool = False
    q: str = ""


def queue(user, f: QueueFilters, today: datetime.date | None = None) -> QuerySet[Nomination]:
    """Dossiers that reached Sở Nội vụ (never drafts), filtered; the oldest deadline first."""
    today = today or timezone.localdate()
    qs = Nomination.objects.exclude(state=State.DRAFT).select_related(*LIST_RELATED)
    if f.state == "pending" or not f.state:
        qs = qs.filter(state__in=PENDING_APPRAISAL_STATES)
    elif f.state != "all":
        qs = qs.filter(state=f.state)
    if f.round:
        qs = qs.filter(round_id=f.round)
    if f.award_type:
        qs = qs.filter(award_type_id=f.award_type)
    if f.unit_kind:
        qs = qs.filter(Q(nominee_unit__kind=f.unit_kind) | Q(nominee_person__unit__kind=f.unit_kind))
    if f.cluster:
        qs = qs.filter(Q(nominee_unit__cluster_id=f.cluster) | Q(nominee_person__unit__cluster_id=f.cluster))
    if f.appraiser == "none":
        qs = qs.filter(appraiser__isnull=True)
    elif f.appraiser == "me":
        qs = qs.filter(appraiser=user)
    elif f.appraiser.isdigit():
        qs = qs.filter(appraiser_id=int(f.appraiser))
    if f.overdue:
        qs = qs.filter(state__in=PENDING_APPRAISAL_STATES, appraisal_due_on__lt=today)
    if f.q.strip():
        # Names are stored folded beside the original: search ignores case and diacritics everywhere.
        # As a lookup of each candidate dossier's nominee by primary key (EXISTS), after the other
        # filters: "every person whose name matches" is a scan of 30,000 rows that PostgreSQL ran
        # twice per page (the count and the rows), and a join made it hash every person.
        needle = fold(f.q)
        qs = qs.filter(
            Exists(Unit.objects.filter(pk=OuterRef("nominee_unit_id"), search_name__contains=needle))
            | Exists(Person.objects.filter(pk=OuterRef("nominee_person_id"), search_name__contains=needle))
        )
    return qs.order_by("appraisal_due_on", "complete_at", "pk")


def annotate_deadlines(nominations, today: datetime.date | None = None) -> None:
    """Set .days_left, .is_overdue and .deadline_note ("Còn 3 ngày làm việc") on each dossier of a page
    (one holiday query for the page; the sentences translated once for the page, not per row)."""
    today = today or timezone.localdate()
    off = deadlines.holidays()
    overdue, remaining = _("Quá hạn %(d)s ngày làm việc"), _("Còn %(d)s ngày làm việc")
    for n in nominations:
        if n.appraisal_due_on and n.state in PENDING_APPRAISAL_STATES:
            n.days_left = deadlines.working_days_left(today, n.appraisal_due_on, off)
            n.is_overdue = today > n.appraisal_due_on
            n.deadline_note = (overdue if n.is_overdue else remaining) % {"d": abs(n.days_left)}
        else:
            n.days_left = None
            n.is_overdue = False
            n.deadline_note = ""


def annotate_labels(nominations) -> None:
    """Set .state_label and .subject_label on each dossier of a page: the labels are translated once
    for the page, not looked up through get_FOO_display for every row."""
    states = {value: str(label) for value, label in State.choices}
    subjects = {value: str(label) for value, label in Subject.choices}
    for n in nominations:
        n.state_label = states.get(n.state, n.state)
        n.subject_label = subjects.get(n.subject, n.subject)


def appraisers() -> QuerySet:
    User = get_user_model()
    return (
        User.objects.filter(is_active=True, groups__name__in=[roles.NOIVU_STAFF, roles.NOIVU_MANAGER])
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def appraiser_progress(round_id: int | None = None) -> list[dict]:
    """Per appraiser: dossiers assigned and dossiers concluded ("12/40 đã thẩm định"), one query."""
    qs = Nomination.objects.filter(appraiser__isnull=False).exclude(state=State.WITHDRAWN)
    if round_id:
        qs = qs.filter(round_id=round_id)
    rows = (
        qs.values("appraiser_id", "appraiser__username", "appraiser__last_name", "appraiser__first_name")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(state__in=CONCLUDED_STATES)))
        .order_by("appraiser__last_name", "appraiser__first_name", "appraiser__username")
    )
    result = []
    for r in rows:
        name = f"{r['appraiser__last_name']} {r['appraiser__first_name']}".strip() or r["appraiser__username"]
        percent = round(100 * r["done"] / r["total"]) if r["total"] else 0
        result.append(
            {
                "id": r["appraiser_id"],
                "name": name,
                "done": r["done"],
                "total": r["total"],
                "percent": percent,
            }
        )
    return result


def history(nomination: Nomination) -> QuerySet[NominationEvent]:
    return NominationEvent.objects.filter(nomination=nomination).select_related("actor").order_by("at", "pk")


def last_return_reason(nomination: Nomination) -> str:
    event = (
        NominationEvent.objects.filter(nomination=nomination, action="return").order_by("-at", "-pk").first()
    )
    return event.comment if event else ""
