"""The demo rounds of plan 169 (part of seed_demo_activity, see demo_activity).

- nam-2025 (closed): eight dossiers appraised in November–December 2025, seven proposed within the
  quota, the council's vote (one dossier fails), the Chairman's decision 2215/QĐ-UBND of 22/12/2025.
- nam-2026 (open, today 26/11/2026): nineteen Bằng khen dossiers spread over every state before the
  proposal. The twelve appraised ones make the ranking board: ties at 92 (a direct worker first), at
  90 (never awarded first: the other was awarded in 2025) and at 85 right on the quota line of 10
  (the dossier complete earlier first). Proposal, council and decision are left to the demo.
- a Giấy khen decision of the demo unit's head for two of its people.
"""

import datetime as dt

from awards.models import Decision
from awards.services import (
    cast_votes,
    close_session,
    open_session,
    propose,
    record_decision,
    record_unit_decision,
    set_unit_plan,
)
from campaigns.models import AwardRound, AwardType
from devdata.demo.activity import MANAGER, Cast, demo_clock
from devdata.demo.activity_dossiers import Plan, build, existing, person_for
from devdata.demo.directory import DEMO_UNIT_CODE
from nominations.models import Nomination, State

D = dt.date
BANG_KHEN = "bang-khen-chu-tich"
AP, IN, NO = State.APPRAISED, State.INELIGIBLE, State.RETURNED

GOOD = "Hồ sơ đầy đủ, thành tích tiêu biểu, đủ điều kiện đề nghị Bằng khen của Chủ tịch UBND tỉnh."

# --- nam-2025 ---------------------------------------------------------------------------------

PLANS_2025 = [
    Plan("P-PHOHIEN", None, AP, (D(2025, 11, 3), D(2025, 11, 5), D(2025, 11, 17), D(2025, 11, 24)), "88"),
    Plan(
        "X-ANTHI", ("leader", 0), AP, (D(2025, 11, 4), D(2025, 11, 6), D(2025, 11, 17), D(2025, 11, 25)), "93"
    ),
    Plan("STP", ("staff", 0), AP, (D(2025, 11, 5), D(2025, 11, 10), D(2025, 11, 18), D(2025, 11, 26)), "92"),
    Plan("X-NHUQUYNH", None, AP, (D(2025, 11, 6), D(2025, 11, 12), D(2025, 11, 19), D(2025, 11, 27)), "86"),
    Plan("SYT", None, AP, (D(2025, 11, 7), D(2025, 11, 13), D(2025, 11, 20), D(2025, 11, 28)), "84"),
    Plan(
        "X-YENMY",
        ("leader", 0),
        AP,
        (D(2025, 11, 10), D(2025, 11, 14), D(2025, 11, 21), D(2025, 12, 1)),
        "90",
    ),
    Plan(
        "X-KHOAICHAU",
        ("direct", 0),
        AP,
        (D(2025, 11, 11), D(2025, 11, 18), D(2025, 11, 24), D(2025, 12, 2)),
        "85",
    ),
    Plan(
        "X-ANTHI",
        None,
        IN,
        (D(2025, 11, 12), D(2025, 11, 19), D(2025, 11, 25), D(2025, 12, 3)),
        "52",
        "Đơn vị chưa ban hành kế hoạch phát động phong trào thi đua của mình (tiêu chí a); "
        "không đủ điều kiện đề nghị Bằng khen năm 2025.",
    ),
]
# The council's three members vote on the seven proposed dossiers (in PLANS_2025 order); the last
# one gets one agree of three, so it is not passed (the rule: more than half of all members).
VOTES_2025 = {
    "hoidong": ["agree"] * 7,
    "hoidong2": ["agree", "agree", "agree", "agree", "abstain", "agree", "disagree"],
    "hoidong3": ["agree", "agree", "agree", "agree", "agree", "agree", "abstain"],
}
DECISION_2025 = {
    "number": "2215/QĐ-UBND",
    "issued_on": D(2025, 12, 22),
    # The register's chairman on 22/12/2025 (devdata.demo.signers: the chairman changed on 01/07/2025).
    "signer_name": "Nguyễn Hữu Nghĩa",
    "signer_title": "Chủ tịch",
    "issuer": "Ủy ban nhân dân tỉnh Hưng Yên",
}

# --- nam-2026 ---------------------------------------------------------------------------------

RETURN_REASON = (
    "Báo cáo thành tích chưa có xác nhận (chữ ký, dấu) của Chủ tịch UBND xã; số liệu về hồ sơ trực "
    "tuyến chưa khớp với báo cáo năm 2026 của đơn vị. Hãy tải lên bản có xác nhận rồi nộp lại."
)
INELIGIBLE_REASON = (
    "Đơn vị chưa ban hành kế hoạch phát động phong trào thi đua (tiêu chí a), các báo cáo định kỳ năm 2026 "
    "đều nộp trễ hạn (tiêu chí g) và không thuộc nhóm xếp hạng cao về dân vận chính quyền (tiêu chí d)."
)


def november(*days: int) -> tuple[dt.date, ...]:
    """Days of November 2026, when every step of nam-2026's dossiers so far was taken."""
    return tuple(D(2026, 11, day) for day in days)


PLANS_2026 = [
    # The ranking board: twelve appraised dossiers.
    Plan("P-PHOHIEN", None, AP, november(2, 3, 9, 12), "96", GOOD),
    Plan("STP", ("leader", 0), AP, november(2, 4, 9, 13), "94.5", GOOD),
    Plan("X-NHUQUYNH", None, AP, november(3, 4, 10, 16), "93", GOOD),
    Plan("X-YENMY", ("direct", 0), AP, november(4, 6, 11, 17), "92", GOOD),
    Plan("SYT", ("staff", 0), AP, november(3, 5, 11, 17), "92", GOOD),
    Plan("X-KHOAICHAU", ("leader", 0), AP, november(5, 9, 12, 18), "90", GOOD),
    Plan("X-ANTHI", ("leader", 0), AP, november(4, 6, 12, 18), "90", GOOD),
    Plan("STP", None, AP, november(5, 9, 13, 19), "88.5", GOOD),
    Plan("X-YENMY", None, AP, november(6, 10, 16, 19), "87", GOOD),
    Plan("P-PHOHIEN", ("leader", 0), AP, november(6, 10, 16, 20), "85", GOOD),
    Plan("SYT", ("leader", 0), AP, november(9, 11, 17, 20), "85", GOOD),
    Plan("X-NHUQUYNH", ("direct", 0), AP, november(9, 12, 18, 23), "80", GOOD),
    # Concluded not eligible.
    Plan("X-KHOAICHAU", None, IN, november(9, 13, 19, 24), "31", INELIGIBLE_REASON),
    # With the specialist; returned to the demo unit; waiting in the queue.
    Plan("X-ANTHI", None, State.IN_REVIEW, november(16, 19, 23)),
    Plan("X-NHUQUYNH", ("direct", 1), NO, november(10, 13, 19, 20), note=RETURN_REASON),
    Plan("P-PHOHIEN", ("direct", 0), State.SUBMITTED, november(20, 24)),
    Plan("SYT", None, State.SUBMITTED, november(23, 25)),
    # Drafts: the demo unit's still lacks its council minutes and one self-assessment; the other is ready.
    Plan("X-NHUQUYNH", ("direct", 2), State.DRAFT, november(25), incomplete=True),
    Plan("X-YENMY", ("direct", 1), State.DRAFT, november(24)),
]

GIAY_KHEN = {
    "number": "86/QĐ-UBND",
    "issued_on": D(2026, 11, 20),
    "signer_name": "Phạm Quốc Khánh",
    "signer_title": "Chủ tịch",
    "planned": 5,
    "people": [("direct", 3), ("direct", 4)],
}


def _round_and_type(code: str) -> tuple[AwardRound, AwardType]:
    return AwardRound.objects.get(code=code), AwardType.objects.get(code=BANG_KHEN)


def _build_missing(round_, award_type, cast: Cast, plans: list[Plan], summary: dict) -> list[Nomination]:
    built = []
    for plan in plans:
        found = existing(round_, award_type, cast, plan)
        if found is None:
            found = build(round_, award_type, cast, plan)
            summary["dossiers"] += 1
        built.append(found)
    return built


def seed_round_2025(cast: Cast, summary: dict) -> None:
    """The closed round walked to its decision, unless the round already has dossiers."""
    round_, award_type = _round_and_type("nam-2025")
    if Nomination.objects.filter(round=round_).exists():
        if not Decision.objects.filter(round=round_, issuing_unit__isnull=True).exists():
            summary["notes"].append(
                "Đợt nam-2025 đã có hồ sơ nhưng chưa có quyết định: giữ nguyên, không tạo thêm."
            )
        return
    dossiers = _build_missing(round_, award_type, cast, PLANS_2025, summary)
    proposed = [n for n, plan in zip(dossiers, PLANS_2025, strict=True) if plan.state == AP]
    manager = cast[MANAGER]
    with demo_clock(D(2025, 12, 8), 9):
        propose(actor=manager, round=round_, nominations=proposed, comment="Tờ trình số 412/TTr-SNV.")
    with demo_clock(D(2025, 12, 12), 8):
        open_session(actor=manager, round=round_)
    for minute, member in enumerate(cast.council):
        with demo_clock(D(2025, 12, 12), 9, 10 * minute):
            choices = VOTES_2025[member.username]
            cast_votes(actor=member, round=round_, choices=dict(zip(proposed, choices, strict=True)))
    with demo_clock(D(2025, 12, 12), 11):
        close_session(actor=manager, round=round_)
    with demo_clock(D(2025, 12, 22), 15):
        decision = record_decision(actor=manager, round=round_, award_type=award_type, **DECISION_2025)
    summary["decisions"] += 1
    summary["awards"] += decision.awards.count()


def seed_round_2026(cast: Cast, summary: dict) -> None:
    """The open round's dossiers that are missing, each walked to its planned state."""
    round_, award_type = _round_and_type("nam-2026")
    _build_missing(round_, award_type, cast, PLANS_2026, summary)


def seed_unit_awards(cast: Cast, summary: dict) -> None:
    """The demo unit head's Giấy khen for two of the unit's people in the 2026 round."""
    unit, head = cast.units[DEMO_UNIT_CODE], cast.head(DEMO_UNIT_CODE)
    round_ = AwardRound.objects.get(code="nam-2026")
    if Decision.objects.filter(issuing_unit=unit, number=GIAY_KHEN["number"]).exists():
        return
    with demo_clock(GIAY_KHEN["issued_on"], 10):
        set_unit_plan(actor=head, round=round_, planned_count=GIAY_KHEN["planned"])
        outcome = record_unit_decision(
            actor=head,
            round=round_,
            number=GIAY_KHEN["number"],
            issued_on=GIAY_KHEN["issued_on"],
            signer_name=GIAY_KHEN["signer_name"],
            signer_title=GIAY_KHEN["signer_title"],
            people=[person_for(cast, DEMO_UNIT_CODE, pick) for pick in GIAY_KHEN["people"]],
        )
    summary["decisions"] += 1
    summary["awards"] += outcome.decision.awards.count()
