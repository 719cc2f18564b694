"""Dossiers, proposals, the council, decisions and awards of the province-scale data set.

Part of devdata.scale.data (see its docstring): each dossier gets the events of a path the
workflow allows, with plausible dates inside its round's windows, and the rows that state implies.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from awards.bonus import bonus_rule
from awards.models import (
    Award,
    CouncilResult,
    CouncilSeat,
    CouncilSession,
    CouncilVote,
    Decision,
    ProposalSlot,
    UnitAwardPlan,
    VoteChoice,
)
from awards.services.decisions import recipient_fields
from campaigns.models import AwardRound, RoundQuota, Unit
from campaigns.text import fold
from criteria.models import Criterion, Subject
from devdata.scale import names as text
from devdata.scale.data import (
    BATCH,
    DECIDED_AWARDED,
    DECIDED_PROPOSED,
    DECIDED_ROUND_STATES,
    DOCUMENT_CODES,
    OPEN_ROUND_STATES,
    at,
    historic_timestamps,
    split,
)
from nominations import deadlines
from nominations.models import CriterionAssessment, DossierDocument, Nomination, NominationEvent, State

CONCLUDED = (State.APPRAISED, State.INELIGIBLE, State.PROPOSED, State.AWARDED, State.NOT_AWARDED)
# Each round's dossiers in time: created from / until, and the last moment of unit and appraisal work.
WINDOWS = {
    "nam-2025": (dt.date(2025, 11, 1), dt.date(2025, 11, 14), dt.datetime(2025, 12, 30, 16)),
    "nam-2026": (dt.date(2026, 11, 2), dt.date(2026, 11, 13), dt.datetime(2026, 11, 24, 16)),
}
PROPOSED_ON = {"nam-2025": dt.date(2026, 1, 5), "nam-2026": dt.date(2026, 11, 25)}
COUNCIL_ON = dt.date(2026, 1, 8)
DECIDED_ON = dt.date(2026, 1, 15)


def decision_number(seed: int) -> str:
    return f"{100 + seed % 900}/QĐ-UBND"


class DossierWriter:
    def __init__(self, builder):
        self.b = builder
        self.rng = builder.rng
        self.nominations: list[Nomination] = []
        self.document_count = 0
        self.proposed: dict[str, list[Nomination]] = {}

    def write(self) -> None:
        b = self.b
        specs = []
        for code, count in (("nam-2025", b.spec.dossiers_2025), ("nam-2026", b.spec.dossiers_2026)):
            specs += self._round_specs(b.rounds[code], count)
        self._number_slots(specs)
        rows = [spec["nomination"] for spec in specs]
        fields = ((Nomination, "created_at"), (Nomination, "updated_at"))
        with historic_timestamps(*fields):
            Nomination.objects.bulk_create(rows, batch_size=BATCH)
        self.nominations = rows
        self._events(specs)
        self._documents(specs)
        self._assessments(specs)
        self._slots(specs)
        for code, round_ in b.rounds.items():
            firsts = [
                s["nomination"].submitted_at
                for s in specs
                if s["round"] == code and s["nomination"].submitted_at
            ]
            if firsts:
                AwardRound.objects.filter(pk=round_.pk).update(submissions_started_at=min(firsts))

    # --- What each dossier is ----------------------------------------------------------------

    def _round_specs(self, round_, count: int) -> list[dict]:
        b, rng = self.b, self.rng
        if round_.code == "nam-2025":
            proposed = min(DECIDED_PROPOSED, count)
            states = [State.AWARDED] * min(DECIDED_AWARDED, proposed)
            states += [State.NOT_AWARDED] * (proposed - len(states))
            mix = DECIDED_ROUND_STATES
        else:
            proposed = min(b.spec.proposed_2026, count)
            states = [State.PROPOSED] * proposed
            mix = OPEN_ROUND_STATES
        for state, n in split(count - proposed, mix):
            states += [state] * n
        rng.shuffle(states)
        # One live dossier per nominee and round: every nominee of a round is distinct.
        candidates = [u for u in b.all_units if u.parent_id]
        collectives = rng.sample(candidates, min(count // 10, len(candidates)))
        if collectives and not any(u in b.level2 for u in collectives):
            collectives[0] = next(u for u in b.level2 if u not in collectives)
        people = [p for p in b.persons if p.unit_id != b.root.pk]
        nominees = collectives + rng.sample(people, count - len(collectives))
        rng.shuffle(nominees)
        bench = None
        if round_.code == "nam-2026":
            # The bench's appraisal page at every size: a collective in review by bench-chuyenvien.
            bench = next((k for k, state in enumerate(states) if state == State.IN_REVIEW), None)
            # A level-2 unit: it has the duties that computed criteria read (the same queries at both sizes).
            unit_at = next((k for k, nominee in enumerate(nominees) if nominee in b.level2), None)
            if bench is not None and unit_at is not None:
                nominees[bench], nominees[unit_at] = nominees[unit_at], nominees[bench]
        specs = [self._spec(round_, state, nominee) for state, nominee in zip(states, nominees, strict=True)]
        if bench is not None:
            specs[bench]["nomination"].appraiser = b.appraisers[0]
        return specs

    def _spec(self, round_, state: str, nominee) -> dict:
        b, rng = self.b, self.rng
        collective = isinstance(nominee, Unit)
        home = nominee if collective else nominee.unit
        proposing = b.level2_of[home.pk]
        appraiser = rng.choice(b.appraisers)
        steps = self._path(state)
        first, last_created, limit = WINDOWS[round_.code]
        created = at(
            first + dt.timedelta(days=rng.randint(0, (last_created - first).days)), rng.randint(8, 15)
        )
        limit = timezone.make_aware(limit)
        gaps = [dt.timedelta(hours=rng.randint(3, 60)) for _ in steps[1:]]
        room = limit - created
        if gaps and sum(gaps, dt.timedelta()) > room:
            scale = room / sum(gaps, dt.timedelta())
            gaps = [g * scale for g in gaps]
        times = [created]
        for gap in gaps:
            times.append(times[-1] + gap)
        events = []
        for (action, to), moment in zip(steps, times, strict=True):
            if action == "propose":
                moment = at(PROPOSED_ON[round_.code], 10)
            elif action in ("award", "not_award"):
                moment = at(DECIDED_ON, 15)
            events.append((action, to, moment))
        n = Nomination(
            round=round_,
            award_type=b.bang_khen,
            subject=Subject.COLLECTIVE if collective else Subject.INDIVIDUAL,
            nominee_unit=nominee if collective else None,
            nominee_person=None if collective else nominee,
            proposing_unit=proposing,
            summary="" if state == State.DRAFT and rng.random() < 0.3 else rng.choice(text.SUMMARIES),
            state=state,
            created_by=b.officer_of[proposing.pk],
            created_at=created,
            updated_at=events[-1][2],
        )
        submits = [m for a, _to, m in events if a in ("submit", "resubmit")]
        if submits:
            n.submitted_at, n.complete_at = submits[0], submits[-1]
            if state != State.RETURNED:
                n.appraisal_due_on = deadlines.add_working_days(
                    timezone.localdate(submits[-1]), round_.appraisal_working_days, b.off
                )
        if any(a == "take" for a, _to, _m in events):
            n.appraiser = appraiser
        concluded = [m for a, _to, m in events if a.startswith("conclude")]
        if concluded:
            n.concluded_at = concluded[0]
            n.conclusion = text.INELIGIBLE_REASON if state == State.INELIGIBLE else text.CONCLUSION
        return {"round": round_.code, "nomination": n, "events": events, "proposing": proposing}

    def _path(self, state: str) -> list[tuple[str, str]]:
        """The transitions that lead to state (action, state after it), with an occasional return loop."""
        rng = self.rng
        review = [("create", State.DRAFT), ("submit", State.SUBMITTED), ("take", State.IN_REVIEW)]
        loop = [("return", State.RETURNED), ("resubmit", State.SUBMITTED), ("take", State.IN_REVIEW)]
        if state == State.DRAFT:
            return review[:1]
        if state == State.SUBMITTED:
            return [*review, *loop[:2]] if rng.random() < 0.1 else review[:2]
        if state == State.IN_REVIEW:
            return review
        if state == State.RETURNED:
            return [*review, loop[0]]
        if state == State.WITHDRAWN:
            return [*review[: rng.randint(1, 2)], ("withdraw", State.WITHDRAWN)]
        if state == State.INELIGIBLE:
            return [*review, ("conclude_ineligible", State.INELIGIBLE)]
        path = [*review, *(loop if rng.random() < 0.15 else []), ("conclude_eligible", State.APPRAISED)]
        if state == State.APPRAISED:
            return path
        path.append(("propose", State.PROPOSED))
        if state == State.AWARDED:
            path.append(("award", State.AWARDED))
        elif state == State.NOT_AWARDED:
            path.append(("not_award", State.NOT_AWARDED))
        return path

    def _number_slots(self, specs: list[dict]) -> None:
        """Scores first (proposals are the best scored), then quota slots in score order."""
        rng = self.rng
        for spec in specs:
            n = spec["nomination"]
            criteria = self.b.criteria[n.subject]
            high = n.state in (State.PROPOSED, State.AWARDED, State.NOT_AWARDED)
            spec["points"] = {
                c.pk: (c.max_points * Decimal(rng.randint(85 if high else 40, 100)) / 100).quantize(
                    Decimal("0.1")
                )
                for c in criteria
            }
            if n.state in CONCLUDED:
                n.score = sum(spec["points"].values(), Decimal(0))
        for code in ("nam-2025", "nam-2026"):
            chosen = [
                s
                for s in specs
                if s["round"] == code
                and s["nomination"].state in (State.PROPOSED, State.AWARDED, State.NOT_AWARDED)
            ]
            # Awarded ones first so that the council's passes hold the first slots.
            chosen.sort(key=lambda s: (s["nomination"].state == State.NOT_AWARDED, -s["nomination"].score))
            for slot, spec in enumerate(chosen, start=1):
                spec["slot"] = slot
            self.proposed[code] = [s["nomination"] for s in chosen]

    # --- Rows that follow from it -----------------------------------------------------------

    def _events(self, specs: list[dict]) -> None:
        b = self.b
        quotas = dict(
            RoundQuota.objects.filter(award_type=b.bang_khen).values_list("round__code", "max_count")
        )
        decided = (
            f"Quyết định số {decision_number(b.seed)} ngày {DECIDED_ON:%d/%m/%Y} của {b.campaign.issuer}."
        )
        rows = []
        for spec in specs:
            n = spec["nomination"]
            previous = ""
            for action, to, moment in spec["events"]:
                actor = {
                    "create": b.officer_of[spec["proposing"].pk],
                    "submit": b.head_of[spec["proposing"].pk],
                    "resubmit": b.head_of[spec["proposing"].pk],
                    "withdraw": b.head_of[spec["proposing"].pk],
                    "propose": b.manager,
                    "award": b.manager,
                    "not_award": b.manager,
                }.get(action, n.appraiser)
                comment = {
                    "return": text.RETURN_REASON,
                    "conclude_eligible": text.CONCLUSION,
                    "conclude_ineligible": text.INELIGIBLE_REASON,
                    "propose": f"Đưa vào tờ trình đề nghị khen thưởng (vị trí {spec.get('slot')}"
                    f"/{quotas.get(spec['round'])}).",
                    "award": decided,
                    "not_award": decided,
                }.get(action, "")
                rows.append(
                    NominationEvent(
                        nomination=n,
                        actor=actor,
                        at=moment,
                        action=action,
                        from_state=previous,
                        to_state=to,
                        comment=comment,
                    )
                )
                previous = to
        with historic_timestamps((NominationEvent, "at")):
            NominationEvent.objects.bulk_create(rows, batch_size=BATCH)

    def _documents(self, specs: list[dict]) -> None:
        b, rng = self.b, self.rng
        rows = []
        # Names and contents from the dossier's place in the data set, not its id: same seed, same files.
        for serial, spec in enumerate(specs, start=1):
            n = spec["nomination"]
            codes = list(DOCUMENT_CODES)
            if n.state == State.DRAFT:
                codes = codes[: rng.randint(0, len(codes))]
            elif rng.random() < 0.3:
                codes.append("minh-chung")
            uploaded = n.created_at + dt.timedelta(minutes=30)
            for code in codes:
                doc_type = b.doc_types[code]
                checked, name = b._store(
                    f"dossiers/{n.pk}",
                    f"{code}-{serial:05d}.pdf",
                    doc_type.name,
                    f"{n.round.name} - ho so so {serial}",
                    n.nominee_name,
                )
                rows.append(
                    DossierDocument(
                        nomination=n,
                        document_type=doc_type,
                        title=doc_type.name,
                        storage_name=name,
                        original_name=checked.original_name,
                        kind=checked.kind.code,
                        content_type=checked.kind.content_type,
                        size=checked.size,
                        sha256=checked.sha256,
                        uploaded_by=n.created_by,
                        uploaded_at=uploaded,
                    )
                )
        with historic_timestamps((DossierDocument, "uploaded_at")):
            DossierDocument.objects.bulk_create(rows, batch_size=BATCH)
        self.document_count = len(rows)

    def _assessments(self, specs: list[dict]) -> None:
        rng = self.rng
        rows = []
        for spec in specs:
            n = spec["nomination"]
            criteria = self.b.criteria[n.subject]
            if n.state == State.DRAFT:
                criteria = criteria[: rng.randint(0, len(criteria))]
            scored = len(criteria) if n.state in CONCLUDED else 0
            if n.state == State.IN_REVIEW:
                scored = rng.randint(0, len(criteria))
            for index, c in enumerate(criteria):
                own = c.evaluation == Criterion.Evaluation.APPRAISER
                rows.append(
                    CriterionAssessment(
                        nomination=n,
                        criterion=c,
                        self_met=True if own else None,
                        self_points=c.max_points if own else None,
                        evidence="Văn bản, kế hoạch, báo cáo kèm theo hồ sơ."
                        if own and c.evidence_required
                        else "",
                        appraiser_points=spec["points"][c.pk] if index < scored else None,
                        appraiser_comment="Đạt." if index < scored else "",
                        updated_at=n.updated_at,
                    )
                )
        with historic_timestamps((CriterionAssessment, "updated_at")):
            CriterionAssessment.objects.bulk_create(rows, batch_size=BATCH)

    def _slots(self, specs: list[dict]) -> None:
        b = self.b
        quotas = {
            q.round_id: q.max_count
            for q in RoundQuota.objects.filter(award_type=b.bang_khen, round__in=b.rounds.values())
        }
        rows = [
            ProposalSlot(
                round=spec["nomination"].round,
                award_type=b.bang_khen,
                slot=spec["slot"],
                max_slots=quotas[spec["nomination"].round_id],
                nomination=spec["nomination"],
                proposed_by=b.manager,
                proposed_at=at(PROPOSED_ON[spec["round"]], 10),
            )
            for spec in specs
            if "slot" in spec
        ]
        with historic_timestamps((ProposalSlot, "proposed_at")):
            ProposalSlot.objects.bulk_create(rows)


def province_decision(b) -> None:
    """The 2025 round: closed council session with votes and results, the Chairman's decision, awards."""
    round_ = b.rounds["nam-2025"]
    proposed = b.proposed.get("nam-2025", [])
    if not proposed:
        return
    rng, members = b.rng, b.council
    session = CouncilSession(
        round=round_,
        opened_by=b.manager,
        opened_at=at(COUNCIL_ON, 8),
        closed_by=b.manager,
        closed_at=at(COUNCIL_ON, 11),
        pass_ratio=round_.council_pass_ratio,
    )
    with historic_timestamps((CouncilSession, "opened_at")):
        session.save()
    CouncilSeat.objects.bulk_create([CouncilSeat(session=session, member=m) for m in members])
    votes, results = [], []
    needed = int(len(members) * session.pass_ratio) + 1  # more than the ratio of all members
    for n in proposed:
        passed = n.state == State.AWARDED
        agree = rng.randint(needed, len(members)) if passed else rng.randint(0, needed - 1)
        choices = [VoteChoice.AGREE] * agree + [
            rng.choice([VoteChoice.DISAGREE, VoteChoice.ABSTAIN]) for _ in range(len(members) - agree)
        ]
        rng.shuffle(choices)
        for member, choice in zip(members, choices, strict=True):
            votes.append(
                CouncilVote(
                    session=session, nomination=n, member=member, choice=choice, cast_at=at(COUNCIL_ON, 9)
                )
            )
        results.append(
            CouncilResult(
                session=session,
                nomination=n,
                members=len(members),
                agree=agree,
                disagree=choices.count(VoteChoice.DISAGREE),
                abstain=choices.count(VoteChoice.ABSTAIN),
                passed=passed,
            )
        )
    with historic_timestamps((CouncilVote, "cast_at")):
        CouncilVote.objects.bulk_create(votes)
    CouncilResult.objects.bulk_create(results)
    awarded = [n for n in proposed if n.state == State.AWARDED]
    rule = bonus_rule(award_type=b.bang_khen, day=DECIDED_ON, subjects={n.subject for n in awarded})
    decision = Decision(
        round=round_,
        award_type=b.bang_khen,
        issuer=b.campaign.issuer,
        number=decision_number(b.seed),
        issued_on=DECIDED_ON,
        signer_name=b.campaign.signer_name or "Trần Quốc Văn",
        signer_title="Chủ tịch Ủy ban nhân dân tỉnh",
        base_salary=rule.base_salary,
        created_by=b.manager,
        created_at=at(DECIDED_ON, 15),
    )
    with historic_timestamps((Decision, "created_at")):
        decision.save()
    max_slots = RoundQuota.objects.get(round=round_, award_type=b.bang_khen).max_count
    awards = []
    for slot, n in enumerate(awarded, start=1):
        fields = recipient_fields(n.subject, n.nominee_person, n.nominee_unit)
        awards.append(
            _award(
                decision,
                fields,
                nomination=n,
                multiple=rule.multiples[n.subject],
                amount=rule.amount(n.subject),
                slot=slot,
                max_slots=max_slots,
            )
        )
    Award.objects.bulk_create(awards)
    AwardRound.objects.filter(pk=round_.pk).update(decided_on=DECIDED_ON)


def _award(decision, fields: dict, **extra) -> Award:
    award = Award(
        decision=decision,
        nomination=extra.get("nomination"),
        round=decision.round,
        award_type=decision.award_type,
        bonus_multiple=extra["multiple"],
        bonus_amount=extra["amount"],
        slot=extra.get("slot"),
        max_slots=extra.get("max_slots"),
        **fields,
    )
    award.search_name = fold(f"{award.recipient_name} {award.unit_name} {decision.number}")
    return award


def unit_decisions(b) -> None:
    """Giấy khen: unit heads' own decisions for people and units of their subtree, with their plans."""
    rng, remaining = b.rng, b.spec.unit_awards
    days = {
        "nam-2025": [dt.date(2025, 12, 15), dt.date(2025, 12, 22), dt.date(2025, 12, 29)],
        "nam-2026": [dt.date(2026, 11, 16), dt.date(2026, 11, 20), dt.date(2026, 11, 24)],
    }
    rules, numbers, given = {}, {}, {}
    decisions, recipients = [], []
    while remaining > 0:
        unit = rng.choice(b.level2)
        code = rng.choice(list(days))
        day = rng.choice(days[code])
        children = [u for u in b.level3 if u.parent_id == unit.pk]
        people = [p for u in [unit, *children] for p in b.people_of.get(u.pk, [])]
        count = min(rng.randint(3, 7), remaining)
        chosen_units = rng.sample(children, min(len(children), count // 3))
        chosen_people = rng.sample(people, count - len(chosen_units))
        if day not in rules:
            rules[day] = bonus_rule(
                award_type=b.giay_khen, day=day, subjects={Subject.INDIVIDUAL, Subject.COLLECTIVE}
            )
        numbers[unit.pk] = numbers.get(unit.pk, 0) + 1
        head = b.head_of[unit.pk]
        decisions.append(
            Decision(
                round=b.rounds[code],
                award_type=b.giay_khen,
                issuer=unit.name,
                issuing_unit=unit,
                number=f"{numbers[unit.pk]:02d}/QĐ-{unit.code[len(b.p) :]}",
                issued_on=day,
                signer_name=f"{head.last_name} {head.first_name}",
                signer_title="Thủ trưởng đơn vị",
                base_salary=rules[day].base_salary,
                created_by=head,
                created_at=at(day, 16),
            )
        )
        recipients.append(
            [recipient_fields(Subject.INDIVIDUAL, person=p) for p in chosen_people]
            + [recipient_fields(Subject.COLLECTIVE, unit=u) for u in chosen_units]
        )
        given[(unit.pk, code)] = given.get((unit.pk, code), 0) + count
        remaining -= count
    with historic_timestamps((Decision, "created_at")):
        decisions = Decision.objects.bulk_create(decisions)
    awards = []
    for decision, fields_list in zip(decisions, recipients, strict=True):
        rule = rules[decision.issued_on]
        for fields in fields_list:
            subject = fields["subject"]
            awards.append(
                _award(decision, fields, multiple=rule.multiples[subject], amount=rule.amount(subject))
            )
    Award.objects.bulk_create(awards, batch_size=BATCH)
    plans = [
        UnitAwardPlan(
            unit_id=unit_id,
            round=b.rounds[code],
            planned_count=max(count + rng.randint(-1, 3), 0),
            set_by=b.head_of[unit_id],
            set_at=at(days[code][0] - dt.timedelta(days=10)),
        )
        for (unit_id, code), count in sorted(given.items())
    ]
    with historic_timestamps((UnitAwardPlan, "set_at")):
        UnitAwardPlan.objects.bulk_create(plans)
