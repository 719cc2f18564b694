"""One demo dossier walked through the nominations services (part of seed_demo_activity).

`build(...)` drafts the dossier as the unit's officer (summary, the round's required documents as
small real PDFs, the self-assessment of every criterion, the nominee's recognised practices), then
moves it as far as its plan says: submitted by the unit's head, taken, returned or concluded by the
Sở Nội vụ specialist with scores that add up to the planned total. Each step runs on its own day.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from campaigns.models import AwardRound, AwardType, Person
from criteria.models import Criterion, Subject
from criteria.services import evaluate_computed
from devdata.demo.activity import STAFF, Cast, demo_clock, pdf_upload
from nominations.completeness import criteria_for
from nominations.models import Nomination, State
from nominations.services import content, practice_links, workflow

HALF = Decimal("0.5")


@dataclass(frozen=True)
class Plan:
    """What one demo dossier becomes. pick: None for the unit itself, or (kind, index) of a person
    of the unit: kind 'leader', 'direct' (a direct worker) or 'staff' (neither)."""

    unit: str
    pick: tuple[str, int] | None
    state: str
    days: tuple[dt.date, ...]  # created, submitted, taken, concluded (as far as the state needs)
    score: str | None = None
    note: str = ""  # the conclusion's comment, or the reason of a return / an ineligible conclusion
    incomplete: bool = False  # a draft still missing its council minutes and one self-assessment

    @property
    def subject(self) -> str:
        return Subject.COLLECTIVE if self.pick is None else Subject.INDIVIDUAL


def person_for(cast: Cast, code: str, pick: tuple[str, int]) -> Person:
    kind, index = pick
    people = Person.objects.filter(unit=cast.units[code], is_demo=True).order_by(
        "search_name", "date_of_birth", "pk"
    )
    if kind == "leader":
        people = people.filter(is_leadership=True)
    elif kind == "direct":
        people = people.filter(is_leadership=False, is_direct_worker=True)
    else:
        people = people.filter(is_leadership=False, is_direct_worker=False)
    return list(people)[index]


def existing(round_: AwardRound, award_type: AwardType, cast: Cast, plan: Plan) -> Nomination | None:
    nominations = Nomination.objects.filter(round=round_, award_type=award_type)
    if plan.pick is None:
        return nominations.filter(nominee_unit=cast.units[plan.unit]).first()
    return nominations.filter(nominee_person=person_for(cast, plan.unit, plan.pick)).first()


ACHIEVEMENTS = {
    Subject.COLLECTIVE: (
        "{name} triển khai Kế hoạch 169/KH-UBND bằng kế hoạch riêng, giao chỉ tiêu đến từng bộ phận; "
        "100% hồ sơ thủ tục hành chính giải quyết đúng và trước hạn; tỷ lệ hồ sơ trực tuyến toàn trình "
        "đạt trên 80%; tổ chức đối thoại định kỳ với Nhân dân và doanh nghiệp; chỉ số hài lòng đạt trên 97%."
    ),
    Subject.INDIVIDUAL: (
        "{name}, {position}, hoàn thành xuất sắc nhiệm vụ được giao; trực tiếp hướng dẫn người dân "
        "thực hiện dịch vụ công trực tuyến, không để hồ sơ quá hạn; đề xuất cách làm mới giúp rút ngắn "
        "thời gian giải quyết thủ tục, được đơn vị áp dụng và nhân rộng."
    ),
}
EVIDENCE = "Minh chứng tiêu chí {code}: báo cáo thành tích (mục {code}) và tài liệu kèm theo của {name}."


def _nominee_label(nomination: Nomination) -> str:
    return nomination.nominee_name


def _draft(round_, award_type, cast: Cast, plan: Plan) -> Nomination:
    unit, officer = cast.units[plan.unit], cast.officer(plan.unit)
    person = person_for(cast, plan.unit, plan.pick) if plan.pick else None
    summary = ACHIEVEMENTS[plan.subject].format(
        name=person.full_name if person else unit.name, position=person.position if person else ""
    )
    nomination = workflow.create_draft(
        actor=officer,
        round=round_,
        award_type=award_type,
        subject=plan.subject,
        proposing_unit=unit,
        nominee_unit=None if person else unit,
        nominee_person=person,
        summary=summary,
    )
    documents = {}
    required = list(round_.required_document_types.order_by("order", "name"))
    if plan.incomplete:
        required = required[:-1]
    for doc_type in required:
        documents[doc_type.code] = content.add_document(
            actor=officer,
            nomination=nomination,
            document_type=doc_type,
            upload=pdf_upload(
                f"{doc_type.code}.pdf",
                [doc_type.code.replace("-", " ").title(), f"Ho so {nomination.code}", f"Don vi: {unit.code}"],
            ),
            title=doc_type.name,
        )
    evidence_docs = [d for code, d in documents.items() if code == "bao-cao-thanh-tich"]
    assessed = [c for c in criteria_for(nomination) if c.evaluation != Criterion.Evaluation.COMPUTED]
    if plan.incomplete:
        assessed = assessed[:-1]
    content.save_self_assessments(
        actor=officer,
        nomination=nomination,
        rows=[
            (
                c,
                True,
                (c.max_points * Decimal("0.9")).quantize(HALF, rounding=ROUND_HALF_UP),
                EVIDENCE.format(code=c.code, name=_nominee_label(nomination)),
                evidence_docs,
            )
            for c in assessed
        ],
    )
    for practice in practice_links.linkable_practices(nomination):
        practice_links.link_practice(actor=officer, nomination=nomination, practice_id=practice.pk)
    return nomination


def _split(total: Decimal, maxima: list[Decimal]) -> list[Decimal]:
    """Share total among criteria in proportion to their maximum, in steps of 0.5, summing exactly."""
    whole = sum(maxima, Decimal(0))
    shares = [(total * m / whole / HALF).quantize(Decimal(1), rounding=ROUND_HALF_UP) * HALF for m in maxima]
    shares[-1] = total - sum(shares[:-1], Decimal(0))
    return shares


def _comment(ratio: Decimal) -> str:
    if ratio >= Decimal("0.8"):
        return "Đạt, có minh chứng đầy đủ."
    if ratio >= Decimal("0.5"):
        return "Đạt một phần; minh chứng chưa thể hiện rõ kết quả."
    return "Chưa đạt."


def scores_for(nomination: Nomination, total: Decimal) -> dict[int, tuple]:
    """Appraisal scores adding up to total: computed criteria keep what the data gives."""
    criteria = criteria_for(nomination)
    scores, rest = {}, []
    for criterion in criteria:
        if criterion.evaluation == Criterion.Evaluation.COMPUTED and nomination.nominee_unit_id:
            result = evaluate_computed(
                criterion=criterion, unit=nomination.nominee_unit, round=nomination.round
            )
            points = result.points if result.points is not None else criterion.max_points / 2
            scores[criterion.pk] = (points, result.explanation)
        else:
            rest.append(criterion)
    remaining = total - sum((p for p, _c in scores.values()), Decimal(0))
    for criterion, points in zip(rest, _split(remaining, [c.max_points for c in rest]), strict=True):
        if not Decimal(0) <= points <= criterion.max_points:
            raise ValueError(
                f"Demo score {total} of {nomination.code} does not fit criterion {criterion.code}"
            )
        scores[criterion.pk] = (points, _comment(points / criterion.max_points))
    return scores


def build(round_: AwardRound, award_type: AwardType, cast: Cast, plan: Plan) -> Nomination:
    """Create the dossier and walk it to plan.state, each step on its day."""
    staff, head = cast[STAFF], cast.head(plan.unit)
    with demo_clock(plan.days[0], 8, 15):
        nomination = _draft(round_, award_type, cast, plan)
    if plan.state == State.DRAFT:
        return nomination
    with demo_clock(plan.days[1], 14, 0):
        workflow.submit(actor=head, nomination=nomination, comment="Đơn vị trình hồ sơ đề nghị khen thưởng.")
    if plan.state == State.SUBMITTED:
        return nomination
    with demo_clock(plan.days[2], 8, 45):
        workflow.take(actor=staff, nomination=nomination)
    if plan.state == State.IN_REVIEW:
        return nomination
    with demo_clock(plan.days[3], 16, 0):
        if plan.state == State.RETURNED:
            workflow.return_for_supplement(actor=staff, nomination=nomination, reason=plan.note)
            return nomination
        content.record_scores(
            actor=staff, nomination=nomination, scores=scores_for(nomination, Decimal(plan.score))
        )
        if plan.state == State.APPRAISED:
            workflow.conclude_eligible(actor=staff, nomination=nomination, comment=plan.note)
        else:
            workflow.conclude_ineligible(actor=staff, nomination=nomination, reason=plan.note)
    return nomination
