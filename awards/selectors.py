"""Reads shared by the awards pages, the nominations registry and the reports: ranking, history, register."""

from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.timezone import localtime
from django.utils.translation import ngettext

from awards.models import Award
from campaigns.models import AwardRound, AwardType, Campaign, Person, RoundQuota, Unit
from campaigns.text import fold
from criteria.models import Subject
from nominations.models import Nomination, State, dossier_code

RANKED_STATES = (State.APPRAISED, State.PROPOSED)

# --- Award history --------------------------------------------------------------------------


def history_row(award: Award) -> dict:
    """One award as the nominations registry and the history pages show it."""
    campaign = award.round.campaign
    return {
        "award": award.award_type.name,
        "decision_number": award.decision.number,
        "decision_date": award.decision.issued_on,
        "campaign": str(campaign),
        "round": award.round.name,
        "issuer": award.decision.issuer,
        "counts_for_merit": campaign.kind != Campaign.Kind.THEMATIC,
        "recipient_name": award.recipient_name,
        "award_id": award.pk,
        "nomination_id": award.nomination_id,
    }


def _history(awards: QuerySet[Award]) -> list[dict]:
    rows = awards.select_related("award_type", "decision", "round__campaign").order_by(
        "-decision__issued_on", "-pk"
    )
    return [history_row(a) for a in rows]


def award_history_for_person(person: Person) -> list[dict]:
    """Every award of the person across campaigns, newest first."""
    return _history(Award.objects.filter(person=person))


def award_history_for_unit(unit: Unit) -> list[dict]:
    """Every award of the unit as a collective across campaigns, newest first."""
    return _history(Award.objects.filter(unit=unit))


def earlier_awards_for_nomination(nomination: Nomination) -> list[dict]:
    """Provider for nominations.extensions: the nominee's awards other than this dossier's own."""
    if nomination.subject == Subject.INDIVIDUAL and nomination.nominee_person_id:
        rows = award_history_for_person(nomination.nominee_person)
    elif nomination.nominee_unit_id:
        rows = award_history_for_unit(nomination.nominee_unit)
    else:
        return []
    return [r for r in rows if r["nomination_id"] != nomination.pk]


# --- Ranking board --------------------------------------------------------------------------


@dataclass
class RankedDossier:
    rank: int
    nomination: Nomination
    direct_worker: bool
    earlier_awards: int
    slot: int | None
    within_quota: bool

    @property
    def never_awarded(self) -> bool:
        return self.earlier_awards == 0


def board_rows(items: list[RankedDossier], *, quota: int | None, frozen: bool) -> list[dict]:
    """What each board row shows, as plain values: the board's template loop then looks up dict keys only.

    Values, not markup: the template writes (and escapes) them. Labels are looked up once per call.
    """
    subjects = {value: str(label) for value, label in Subject.choices}
    states = {value: str(label) for value, label in State.choices}
    earlier_texts: dict[int, str] = {}
    rows = []
    for item in items:
        n = item.nomination
        detail = [subjects[n.subject]]
        if n.nominee_person_id:
            detail += [n.nominee_person.position, n.nominee_person.unit.name]
        times = item.earlier_awards
        if times not in earlier_texts:
            earlier_texts[times] = ngettext("Đã được khen %(n)s lần", "Đã được khen %(n)s lần", times) % {
                "n": times
            }
        rows.append(
            {
                "pk": str(n.pk),  # a str: an int would be localized (1.234) in the template
                "rank": item.rank,
                "rank_text": str(item.rank),
                "code": dossier_code(n.pk),
                "name": n.nominee_name,
                "detail": " · ".join(detail),
                "unit": n.proposing_unit.name,
                "score": "—" if n.score is None else n.score,
                "complete": localtime(n.complete_at).strftime("%d/%m/%Y") if n.complete_at else "—",
                "direct_worker": item.direct_worker,
                "never_awarded": item.never_awarded,
                "earlier": earlier_texts[times],
                "slot": item.slot,
                "state": states[n.state],
                "choosable": n.state == State.APPRAISED and not frozen,
                "checked": item.within_quota,
                "quota_line": quota is not None and item.rank == quota,
            }
        )
    return rows


# The columns the board and the proposal list show (ranking happens in SQL, rendering needs no more).
BOARD_FIELDS = (
    "subject",
    "state",
    "score",
    "complete_at",
    "round_id",
    "award_type_id",
    "nominee_unit__name",
    "nominee_person__full_name",
    "nominee_person__position",
    "nominee_person__is_direct_worker",
    "nominee_person__unit__name",
    "proposing_unit__name",
)


BOARD_ORDER = (
    F("score").desc(nulls_last=True),
    F("board_direct").desc(),
    F("board_never").desc(),
    F("complete_at").asc(nulls_last=True),
    "pk",
)


def _other_round_awards(round_: AwardRound, field: str, nominee: str) -> QuerySet[Award]:
    return Award.objects.filter(**{field: OuterRef(nominee)}).exclude(round=round_).order_by()


def ranked_nominations(round_: AwardRound, award_type: AwardType) -> QuerySet[Nomination]:
    """The appraised and proposed dossiers in board order, ranked by PostgreSQL (keys only).

    Score high to low (no score last); ties: direct workers, never awarded (no award in another
    round), earlier complete dossier (not yet complete last), lower id.
    """
    never = ~Exists(_other_round_awards(round_, "person_id", "nominee_person_id")) & ~Exists(
        _other_round_awards(round_, "unit_id", "nominee_unit_id")
    )
    # A correlated lookup by primary key, not a join: a join makes PostgreSQL hash all 30,000 people.
    direct = Person.objects.filter(pk=OuterRef("nominee_person_id")).order_by().values("is_direct_worker")[:1]
    return (
        Nomination.objects.filter(round=round_, award_type=award_type, state__in=RANKED_STATES)
        .annotate(
            board_direct=Coalesce(Subquery(direct, output_field=BooleanField()), Value(False)),
            board_never=ExpressionWrapper(never, output_field=BooleanField()),
        )
        .order_by(*BOARD_ORDER)
    )


def _with_board_columns(nominations: QuerySet[Nomination], round_: AwardRound) -> QuerySet[Nomination]:
    """The dossiers with what the board shows: names, units, earlier awards, proposal slot (no ranking)."""
    earlier = (
        Award.objects.filter(
            Q(person_id=OuterRef("nominee_person_id")) | Q(unit_id=OuterRef("nominee_unit_id"))
        )
        .exclude(round=round_)
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")
    )
    return (
        nominations.select_related("nominee_unit", "nominee_person__unit", "proposing_unit")
        .only(*BOARD_FIELDS)
        .annotate(
            board_earlier=Coalesce(Subquery(earlier, output_field=IntegerField()), Value(0)),
            board_slot=F("proposal_slot__slot"),
        )
    )


def _ranked(nomination: Nomination, rank: int, quota: int | None) -> RankedDossier:
    person = nomination.nominee_person if nomination.nominee_person_id else None
    return RankedDossier(
        rank=rank,
        nomination=nomination,
        direct_worker=bool(person and person.is_direct_worker),
        earlier_awards=nomination.board_earlier,
        slot=nomination.board_slot,
        within_quota=quota is not None and rank <= quota,
    )


class RankingBoard:
    """The ranked dossiers of a round as a lazy sequence: counted and sliced in SQL (one page, one query).

    A Paginator takes it like a queryset; the rank of a row is its position in the whole board.
    A page costs two queries: every id in rank order (also the count), then the page's rows.
    """

    def __init__(self, round_: AwardRound, award_type: AwardType, quota: int | None):
        self.quota = quota
        self._round = round_
        self._ranked = ranked_nominations(round_, award_type)
        self._ids: list[int] | None = None

    def ranked_ids(self) -> list[int]:
        """Every dossier's id in rank order: ranked on its keys alone, one query, kept for the page."""
        if self._ids is None:
            self._ids = list(self._ranked.values_list("pk", flat=True))
        return self._ids

    def count(self) -> int:
        return len(self.ranked_ids())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index : index + 1][0]
        ids = self.ranked_ids()[index]
        start = range(len(self.ranked_ids()))[index].start
        # Only the rows asked for are loaded with their columns (not ranked again), then put in rank order.
        page = Nomination.objects.filter(pk__in=ids).order_by()
        loaded = {n.pk: n for n in _with_board_columns(page, self._round)}
        rows = [loaded[pk] for pk in ids if pk in loaded]
        return [_ranked(n, rank, self.quota) for rank, n in enumerate(rows, start=start + 1)]


def ranking_board(round_: AwardRound, award_type: AwardType, quota: int | None) -> list[RankedDossier]:
    """The whole board of a round, ranked, with the priority markers (2 queries)."""
    return RankingBoard(round_, award_type, quota)[:]


PROPOSAL_FIELDS = (
    "subject",
    "score",
    "nominee_unit__name",
    "nominee_person__full_name",
    "nominee_person__unit__name",
)


def proposal_list(round_: AwardRound, award_type: AwardType) -> list[Nomination]:
    """The proposed dossiers of the round (the tờ trình) in slot order, with the shown columns (1 query)."""
    return list(
        Nomination.objects.filter(round=round_, award_type=award_type, state=State.PROPOSED)
        .select_related("nominee_unit", "nominee_person__unit")
        .only(*PROPOSAL_FIELDS)
        .order_by("proposal_slot__slot", "pk")
    )


def province_award_types_with_quota(round_: AwardRound) -> list[tuple[AwardType, int]]:
    """The forms of award the province decides in this round, with the round's quota for each."""
    quotas = RoundQuota.objects.filter(
        round=round_, award_type__level=AwardType.Level.PROVINCE
    ).select_related("award_type")
    return [(q.award_type, q.max_count) for q in quotas.order_by("award_type__order")]


def rounds_for_ranking() -> QuerySet[AwardRound]:
    return (
        AwardRound.objects.select_related("campaign")
        .annotate(
            n_appraised=Count("nominations", filter=Q(nominations__state=State.APPRAISED)),
            n_proposed=Count("nominations", filter=Q(nominations__state=State.PROPOSED)),
            n_awarded=Count("nominations", filter=Q(nominations__state=State.AWARDED)),
        )
        .order_by("-period_end", "campaign__number")
    )


# --- Public register ------------------------------------------------------------------------


def public_awards(*, q: str = "", round_id: int | None = None) -> QuerySet[Award]:
    """Decided awards for the public: names, units, award, decision number and date; nothing personal."""
    awards = Award.objects.select_related("decision", "award_type", "round__campaign").only(
        "recipient_name",
        "unit_name",
        "subject",
        "award_type__name",
        "award_type__short_name",
        "decision__number",
        "decision__issued_on",
        "decision__issuer",
        "round__name",
        "round__campaign__number",
    )
    if round_id:
        awards = awards.filter(round_id=round_id)
    if q:
        awards = awards.filter(search_name__contains=fold(q))
    return awards.order_by("-decision__issued_on", "decision__number", "pk")


def rounds_with_awards() -> QuerySet[AwardRound]:
    return AwardRound.objects.filter(decisions__isnull=False).select_related("campaign").distinct()
