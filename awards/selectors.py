"""Reads shared by the awards pages, the nominations registry and the reports: ranking, history, register."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet

from campaigns.models import AwardRound, AwardType, Campaign, Person, RoundQuota, Unit
from campaigns.text import fold
from criteria.models import Subject
from nominations.models import Nomination, State

from .models import Award, ProposalSlot

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


FAR_FUTURE = datetime.max


def ranking_key(item: RankedDossier) -> tuple:
    """Score high to low; ties: direct workers, never awarded, earlier complete dossier, lower id."""
    n = item.nomination
    score = n.score if n.score is not None else float("-inf")
    complete = n.complete_at.replace(tzinfo=None) if n.complete_at else FAR_FUTURE
    return (-score, not item.direct_worker, not item.never_awarded, complete, n.pk)


def ranking_board(round_: AwardRound, award_type: AwardType, quota: int | None) -> list[RankedDossier]:
    """The appraised and proposed dossiers of a round, ranked, with the priority markers (3 queries)."""
    nominations = list(
        Nomination.objects.filter(
            round=round_, award_type=award_type, state__in=RANKED_STATES
        ).select_related("nominee_unit", "nominee_person__unit", "proposing_unit")
    )
    person_ids = {n.nominee_person_id for n in nominations if n.nominee_person_id}
    unit_ids = {n.nominee_unit_id for n in nominations if n.nominee_unit_id}
    earlier_people: dict[int, int] = {}
    earlier_units: dict[int, int] = {}
    if nominations:
        counted = (
            Award.objects.filter(Q(person_id__in=person_ids) | Q(unit_id__in=unit_ids))
            .exclude(round=round_)
            .values("person_id", "unit_id")
            .annotate(n=Count("pk"))
        )
        for row in counted:
            if row["person_id"]:
                earlier_people[row["person_id"]] = row["n"]
            else:
                earlier_units[row["unit_id"]] = row["n"]
    slots = dict(
        ProposalSlot.objects.filter(round=round_, award_type=award_type).values_list("nomination_id", "slot")
    )
    items = [
        RankedDossier(
            rank=0,
            nomination=n,
            direct_worker=bool(n.nominee_person and n.nominee_person.is_direct_worker),
            earlier_awards=(
                earlier_people.get(n.nominee_person_id, 0)
                if n.nominee_person_id
                else earlier_units.get(n.nominee_unit_id, 0)
            ),
            slot=slots.get(n.pk),
            within_quota=False,
        )
        for n in nominations
    ]
    items.sort(key=ranking_key)
    for i, item in enumerate(items, start=1):
        item.rank = i
        item.within_quota = quota is not None and i <= quota
    return items


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
