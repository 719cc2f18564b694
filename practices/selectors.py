"""Reads shared by pages, the nominations side and the summary reports.

Every function returns either a queryset with its related rows joined (no query per row) or plain
dicts/lists computed with one aggregate query. "year" of a practice is the year it started
(năm triển khai, `started_on`); "year" of a difficulty is the year it was raised.
"""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from campaigns import roles
from campaigns.models import Person, Unit
from campaigns.selectors import PROVINCE_STAFF, in_user_tree
from campaigns.text import fold
from practices.models import (
    OPEN_STATES,
    PUBLISHED_STATES,
    Difficulty,
    DifficultyState,
    Field,
    Practice,
    PracticeFile,
    PracticeState,
    Topic,
)

# --- Scope -------------------------------------------------------------------------------------


def _with_related(qs: QuerySet[Practice]) -> QuerySet[Practice]:
    photos = PracticeFile.objects.filter(role=PracticeFile.Role.PHOTO).order_by("uploaded_at", "pk")
    return qs.select_related("unit", "unit__cluster", "person").prefetch_related(
        Prefetch("files", queryset=photos, to_attr="photos")
    )


def practices_in_scope(user) -> QuerySet[Practice]:
    """Practices of every state the user may open: the whole province for Sở Nội vụ and leaders,
    the user's unit and the units below it for a unit's people, plus every published practice."""
    published = Q(state__in=PUBLISHED_STATES)
    if roles.has_role(user, *PROVINCE_STAFF):
        return Practice.objects.all()
    own = roles.unit_of(user)
    if own is not None and roles.has_role(user, roles.UNIT_HEAD, roles.UNIT_OFFICER):
        return Practice.objects.filter(published | Q(unit__path__startswith=own.path))
    if getattr(user, "is_authenticated", False):
        return Practice.objects.filter(published)
    return Practice.objects.none()


def register_for(user) -> QuerySet[Practice]:
    """The register (every state) the user manages: their subtree, or the whole province."""
    qs = in_user_tree(user, Practice.objects.all())
    return _with_related(qs).order_by("state", "-registered_at", "-pk")


def difficulties_in_scope(user) -> QuerySet[Difficulty]:
    """Difficulties the user may open: all for Sở Nội vụ and leaders, else their unit's subtree."""
    return in_user_tree(user, Difficulty.objects.all())


# --- Library ---------------------------------------------------------------------------------


def library(
    *,
    q: str = "",
    field: str = "",
    unit_kind: str = "",
    cluster_id: int | None = None,
    year: int | None = None,
) -> QuerySet[Practice]:
    """Recognised and featured practices, featured first then the most recently recognised,
    filtered by field, unit kind, cluster, year started and a diacritics-insensitive search."""
    qs = _practices(year=year, field=field, unit_kind=unit_kind, cluster_id=cluster_id)
    qs = qs.filter(state__in=PUBLISHED_STATES)
    if q and fold(q):
        for word in fold(q).split():
            qs = qs.filter(search_text__contains=" " + word)
    # "featured" sorts before "recognised" alphabetically: featured models come first.
    return _with_related(qs).order_by("state", "-recognition_date", "-pk")


def featured_practices(*, year: int | None = None) -> QuerySet[Practice]:
    """Featured models to replicate (điển hình nhân rộng), latest featured first; optional year started."""
    qs = Practice.objects.filter(state=PracticeState.FEATURED)
    if year:
        qs = qs.filter(started_on__year=year)
    return _with_related(qs).order_by("-featured_at", "-pk")


def library_years() -> list[int]:
    """Years in which published practices started, newest first (the library's year filter)."""
    dates = Practice.objects.filter(state__in=PUBLISHED_STATES).dates("started_on", "year", order="DESC")
    return [d.year for d in dates]


# --- Evidence for nominations ----------------------------------------------------------------


def recognised_practices_for(unit_or_person: Unit | Person) -> QuerySet[Practice]:
    """Recognised (or featured) practices that can be linked as evidence to a nomination.

    For a person (individual criterion b: giải pháp, sáng kiến, cách làm mới): the practices that
    person carried out. For a unit (a collective): the practices registered for that unit itself,
    collective ones and its people's. Latest recognition first.
    """
    qs = Practice.objects.filter(state__in=PUBLISHED_STATES)
    if isinstance(unit_or_person, Person):
        qs = qs.filter(person=unit_or_person)
    elif isinstance(unit_or_person, Unit):
        qs = qs.filter(unit=unit_or_person)
    else:
        raise TypeError("recognised_practices_for expects a Unit or a Person")
    return qs.select_related("unit", "person").order_by("-recognition_date", "-pk")


# --- For the summary reports -----------------------------------------------------------------


def _practices(
    *,
    year: int | None = None,
    units: QuerySet[Unit] | None = None,
    field: str | None = None,
    unit_kind: str | None = None,
    cluster_id: int | None = None,
) -> QuerySet[Practice]:
    """Practices started in `year`, of `units`, in `field`, of units of `unit_kind`, of a cluster: each
    filter only when it is given."""
    qs = Practice.objects.all()
    if year:
        qs = qs.filter(started_on__year=year)
    if units is not None:
        qs = qs.filter(unit__in=units)
    if field:
        qs = qs.filter(field=field)
    if unit_kind:
        qs = qs.filter(unit__kind=unit_kind)
    if cluster_id:
        qs = qs.filter(unit__cluster_id=cluster_id)
    return qs


def _counts(qs: QuerySet, key: str, choices) -> list[dict]:
    found = {row[key]: row["n"] for row in qs.values(key).annotate(n=Count("pk")).order_by()}
    return [{"code": value, "label": str(label), "count": found.get(value, 0)} for value, label in choices]


def practice_counts_by_state(*, year: int | None = None, units: QuerySet[Unit] | None = None) -> list[dict]:
    """[{code, label, count}] for every state (registered, recognised, featured), zeros included.

    year: only practices started that year; units: only practices of those units."""
    return _counts(_practices(year=year, units=units), "state", PracticeState.choices)


def practice_counts_by_field(
    *, year: int | None = None, states=PUBLISHED_STATES, units: QuerySet[Unit] | None = None
) -> list[dict]:
    """[{code, label, count}] for the four fields, counting practices in `states` (default published)."""
    qs = _practices(year=year, units=units).filter(state__in=states)
    return _counts(qs, "field", Field.choices)


def practice_counts_by_unit_kind(
    *, year: int | None = None, states=PUBLISHED_STATES, units: QuerySet[Unit] | None = None
) -> list[dict]:
    """[{code, label, count}] per kind of unit (sở, UBND cấp huyện, cấp xã, …) in `states`."""
    qs = _practices(year=year, units=units).filter(state__in=states)
    return _counts(qs, "unit__kind", Unit.Kind.choices)


def practice_counts_by_year(*, units: QuerySet[Unit] | None = None) -> list[dict]:
    """[{year, registered, recognised, featured}] by year started, oldest first.

    registered counts every practice of that year whatever its state; recognised counts those
    recognised or featured; featured those featured."""
    qs = (
        _practices(units=units)
        .values("started_on__year")
        .annotate(
            registered=Count("pk"),
            recognised=Count("pk", filter=Q(state__in=PUBLISHED_STATES)),
            featured=Count("pk", filter=Q(state=PracticeState.FEATURED)),
        )
    )
    rows = [
        {
            "year": r["started_on__year"],
            "registered": r["registered"],
            "recognised": r["recognised"],
            "featured": r["featured"],
        }
        for r in qs.order_by("started_on__year")
    ]
    return rows


def practice_counts_by_kind_and_field(
    *, year: int | None = None, units: QuerySet[Unit] | None = None
) -> list[dict]:
    """[{kind, field, registered, recognised, featured}] for each kind and field that has practices
    (started in `year`, of `units`), with the meanings of practice_counts_by_year."""
    rows = (
        _practices(year=year, units=units)
        .values("kind", "field")
        .annotate(
            registered=Count("pk"),
            recognised=Count("pk", filter=Q(state__in=PUBLISHED_STATES)),
            featured=Count("pk", filter=Q(state=PracticeState.FEATURED)),
        )
        .order_by()
    )
    return list(rows)


def practices_list(
    *,
    state: str | None = None,
    states=None,
    field: str | None = None,
    unit_kind: str | None = None,
    year: int | None = None,
    units: QuerySet[Unit] | None = None,
) -> QuerySet[Practice]:
    """Practices for a report table, with unit, cluster, person and photos joined, ordered by
    field then name. Filter by one state or several, field, unit kind, year started, units."""
    qs = _practices(year=year, units=units, field=field, unit_kind=unit_kind)
    if state:
        qs = qs.filter(state=state)
    if states is not None:
        qs = qs.filter(state__in=states)
    return _with_related(qs).order_by("field", "name_key", "pk")


def _difficulties(*, year: int | None = None, units: QuerySet[Unit] | None = None) -> QuerySet[Difficulty]:
    qs = Difficulty.objects.all()
    if year:
        qs = qs.filter(raised_at__year=year)
    if units is not None:
        qs = qs.filter(unit__in=units)
    return qs


# What a difficulty count says. raised: all; answered: those that received an answer (even if closed since);
# forwarded: now waiting on another agency; open: waiting for an answer (raised or forwarded); closed:
# closed. settled + forwarded + waiting = raised: where each one stands now (a report adds them up).
DIFFICULTY_COUNTS = {
    "raised": Count("pk"),
    "answered": Count("pk", filter=Q(answered_at__isnull=False)),
    "forwarded": Count("pk", filter=Q(state=DifficultyState.FORWARDED)),
    "open": Count("pk", filter=Q(state__in=OPEN_STATES)),
    "closed": Count("pk", filter=Q(state=DifficultyState.CLOSED)),
    "settled": Count("pk", filter=Q(state__in=[DifficultyState.ANSWERED, DifficultyState.CLOSED])),
    "waiting": Count("pk", filter=Q(state=DifficultyState.RAISED)),
}


def difficulty_totals(*, year: int | None = None, units: QuerySet[Unit] | None = None) -> dict:
    """The DIFFICULTY_COUNTS over difficulties raised (in `year`, of `units`)."""
    return _difficulties(year=year, units=units).aggregate(**DIFFICULTY_COUNTS)


def difficulty_counts_by_topic(*, year: int | None = None, units: QuerySet[Unit] | None = None) -> list[dict]:
    """[{code, label, raised, answered, open, closed}] for every topic, zeros included (same
    meanings as difficulty_totals)."""
    rows = _difficulties(year=year, units=units).values("topic").annotate(**DIFFICULTY_COUNTS).order_by()
    found = {r["topic"]: r for r in rows}
    empty = dict.fromkeys(DIFFICULTY_COUNTS, 0)
    return [
        {"code": value, "label": str(label), **{k: found.get(value, empty)[k] for k in empty}}
        for value, label in Topic.choices
    ]


def difficulty_counts_by_year(*, units: QuerySet[Unit] | None = None) -> list[dict]:
    """[{year, raised, answered, …}] by the year raised, oldest first (same meanings as difficulty_totals)."""
    rows = (
        _difficulties(units=units)
        .values("raised_at__year")
        .annotate(**DIFFICULTY_COUNTS)
        .order_by("raised_at__year")
    )
    return [{"year": r.pop("raised_at__year"), **r} for r in rows]


def difficulties_list(
    *,
    year: int | None = None,
    state: str | None = None,
    topic: str | None = None,
    units: QuerySet[Unit] | None = None,
) -> QuerySet[Difficulty]:
    """Difficulties for a report table (unit joined), oldest raised first."""
    qs = _difficulties(year=year, units=units)
    if state:
        qs = qs.filter(state=state)
    if topic:
        qs = qs.filter(topic=topic)
    return qs.select_related("unit").order_by("raised_at", "pk")


def open_difficulties_by_age(*, units: QuerySet[Unit] | None = None, today=None) -> list[Difficulty]:
    """Difficulties waiting for an answer, oldest first, each with `age` in days set."""
    today = today or timezone.localdate()
    qs = _difficulties(units=units).filter(state__in=OPEN_STATES).select_related("unit")
    items = list(qs.order_by("raised_at", "pk"))
    for item in items:
        item.age = item.age_days(today)
    return items
