"""seed_demo_activity: a living demo movement, idempotent, and the awards issue's "done when" on it.

After seed_plan169 + seed_demo + seed_demo_activity, the manager ranks the nam-2026 board, proposes
the ten above the quota line (an eleventh is refused), the council votes, the decision is recorded
with the bonuses of the law's data, the public register shows it and a certificate prints.
"""

import datetime as dt
import subprocess
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from awards.models import Award, CouncilResult, CouncilSeat, CouncilVote, Decision, ProposalSlot
from awards.selectors import ranking_board
from awards.services import cast_vote, cast_votes, close_session, open_session, propose, record_decision
from awards.services.common import quota_of
from campaigns.models import AwardRound, AwardType
from criteria.models import PeriodicReport, Registration, UnitPlan, UnitRanking
from criteria.services import evaluate_computed
from devdata.demo.activity import EXTRA_COUNCIL, EXTRA_UNITS, head_username, officer_username
from devdata.demo.directory import DEMO_ACCOUNTS, DEMO_UNIT_CODE
from nominations.models import (
    CriterionAssessment,
    DossierDocument,
    Nomination,
    NominationEvent,
    Notification,
    PracticeLink,
    State,
)
from portal.navigation import entries_for
from reports import narrative, selectors
from reports.models import NarrativeVersion
from reports.services import write_part

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

User = get_user_model()


def _seed(times: int = 1) -> None:
    call_command("seed_plan169", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for _ in range(times):
        call_command("seed_demo_activity", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture(scope="module", autouse=True)
def demo(module_db):
    """The demo, seeded once for the module's tests."""
    with module_db.unblock():
        _seed()


def _snapshot() -> dict:
    return {
        "users": sorted(User.objects.values_list("username", flat=True)),
        "rankings": sorted(UnitRanking.objects.values_list("unit__code", "year", "rank", "points")),
        "registrations": Registration.objects.count(),
        "plans": sorted(UnitPlan.objects.values_list("unit__code", "number", "submitted_at")),
        "reports": sorted(PeriodicReport.objects.values_list("unit__code", "deadline__code", "submitted_at")),
        "dossiers": sorted(
            Nomination.objects.values_list("pk", "round__code", "state", "score", "updated_at", "complete_at")
        ),
        "events": NominationEvent.objects.count(),
        "documents": DossierDocument.objects.count(),
        "assessments": CriterionAssessment.objects.count(),
        "practice_links": PracticeLink.objects.count(),
        "notifications": Notification.objects.count(),
        "decisions": sorted(Decision.objects.values_list("number", "issued_on")),
        "awards": sorted(Award.objects.values_list("recipient_name", "bonus_amount")),
        "votes": CouncilVote.objects.count(),
        "narrative": sorted(NarrativeVersion.objects.values_list("key", "version", "written_at")),
    }


def _states(round_code: str) -> dict:
    states = {}
    for state in Nomination.objects.filter(round__code=round_code).values_list("state", flat=True):
        states[state] = states.get(state, 0) + 1
    return states


def _demo_usernames() -> list[str]:
    names = [username for username, *_rest in DEMO_ACCOUNTS]
    names += [head_username(code) for code, _h, _o in EXTRA_UNITS]
    names += [officer_username(code) for code, _h, _o in EXTRA_UNITS]
    return names + [username for username, _n, _c in EXTRA_COUNCIL]


def test_a_second_run_changes_nothing_and_every_state_is_there():
    first = _snapshot()
    call_command("seed_demo_activity", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _snapshot() == first

    assert _states("nam-2026") == {
        State.DRAFT: 2,
        State.SUBMITTED: 2,
        State.IN_REVIEW: 1,
        State.RETURNED: 1,
        State.APPRAISED: 12,
        State.INELIGIBLE: 1,
    }
    assert _states("nam-2025") == {State.AWARDED: 6, State.NOT_AWARDED: 1, State.INELIGIBLE: 1}
    assert AwardRound.objects.get(code="nam-2026").decided_on is None
    assert AwardRound.objects.get(code="nam-2025").decided_on == dt.date(2025, 12, 22)
    # Dossiers of seven units; the demo unit's draft and returned dossier are canbo's work.
    assert Nomination.objects.values("proposing_unit").distinct().count() == 7
    demo_draft = Nomination.objects.get(
        round__code="nam-2026", state=State.DRAFT, proposing_unit__code=DEMO_UNIT_CODE
    )
    assert Nomination.objects.get(state=State.RETURNED).proposing_unit.code == DEMO_UNIT_CODE
    in_review = Nomination.objects.get(state=State.IN_REVIEW)
    assert in_review.appraiser.username == "chuyenvien"
    assert Nomination.objects.filter(state=State.SUBMITTED, appraiser__isnull=True).count() == 2
    # Real small PDFs, recognised practices cited by the collectives that have them.
    document = DossierDocument.objects.first()
    assert document.kind == "pdf" and document.size > 300
    assert PracticeLink.objects.filter(nomination__round__code="nam-2026").count() >= 2
    # Computed criterion d explains itself from the imported rankings.
    collective = Nomination.objects.get(
        round__code="nam-2026", nominee_unit__code=DEMO_UNIT_CODE, state=State.APPRAISED
    )
    d = collective.assessments.get(criterion__code="d").criterion
    result = evaluate_computed(criterion=d, unit=collective.nominee_unit, round=collective.round)
    assert result.explanation.startswith("hạng 1/18 năm 2026; năm 2025 hạng 2") and result.met
    # Duties: on time, late and missing all appear.
    assert PeriodicReport.objects.filter(unit__code="STP").count() == 4
    assert not UnitPlan.objects.filter(unit__code="X-ANTHI").exists()
    assert {r.unit.code for r in Registration.objects.select_related("unit")} >= {DEMO_UNIT_CODE, "STP"}
    # The demo unit head's Giấy khen for two people: 0.3 × 2,340,000 = 702,000, rounded down to 700,000.
    giay_khen = Decision.objects.get(issuing_unit__code=DEMO_UNIT_CODE)
    assert sorted(giay_khen.awards.values_list("bonus_amount", flat=True)) == [700_000, 700_000]
    assert demo_draft.documents.count() == 2  # still missing its council minutes


def test_every_demo_account_has_its_pages(client_for):
    for username in _demo_usernames():
        user = User.objects.get(username=username)
        client = client_for(user)
        assert client.get("/").status_code == 200, username
        for entry in entries_for(user):
            assert client.get(entry["url"]).status_code == 200, (username, entry["url"])
    canbo = client_for(User.objects.get(username="canbo")).get(reverse("nominations:unit_list"))
    assert "Dự thảo" in canbo.content.decode() and "Trả lại để bổ sung" in canbo.content.decode()
    queue = client_for(User.objects.get(username="chuyenvien")).get(reverse("nominations:queue"))
    assert Nomination.objects.get(state=State.IN_REVIEW).code in queue.content.decode()
    round_ = AwardRound.objects.get(code="nam-2026")
    board = client_for(User.objects.get(username="truongban")).get(
        reverse("awards:ranking_board", args=[round_.pk])
    )
    assert board.status_code == 200 and "vach-chi-tieu" in board.content.decode()
    council = client_for(User.objects.get(username="hoidong")).get(reverse("awards:council_home"))
    assert "Khen thưởng hằng năm 2025" in council.content.decode()


def test_done_when_the_manager_ranks_proposes_council_votes_decision_register_certificate(client_for):
    round_ = AwardRound.objects.get(code="nam-2026")
    bang_khen = AwardType.objects.get(code="bang-khen-chu-tich")
    manager = User.objects.get(username="truongban")
    quota = quota_of(round_, bang_khen)
    assert quota == 10

    # 1. The board: twelve appraised, score high to low, ties broken by the documented rules.
    board = ranking_board(round_, bang_khen, quota)
    scores = [item.nomination.score for item in board]
    assert len(board) == 12 and scores == sorted(scores, reverse=True)
    assert [item.within_quota for item in board] == [True] * 10 + [False] * 2
    assert scores[3] == scores[4] == Decimal("92") and board[3].direct_worker and not board[4].direct_worker
    assert scores[5] == scores[6] == Decimal("90")
    assert (board[5].earlier_awards, board[6].earlier_awards) == (0, 1)  # never awarded first
    assert scores[9] == scores[10] == Decimal("85")
    assert board[9].nomination.complete_at < board[10].nomination.complete_at  # complete earlier first

    # 2. Propose the ten within the quota; an eleventh is refused and nothing changes.
    top = [item.nomination for item in board[:10]]
    assert propose(actor=manager, round=round_, nominations=top) == 10
    with pytest.raises(ValidationError, match="Vượt chỉ tiêu"):
        propose(actor=manager, round=round_, nominations=[board[10].nomination])
    board[10].nomination.refresh_from_db()
    assert board[10].nomination.state == State.APPRAISED
    assert ProposalSlot.objects.filter(round=round_).count() == 10

    # 3. The council: three demo members; two disagree on one collective, which fails.
    session = open_session(actor=manager, round=round_)
    members = [User.objects.get(username=u) for u in ("hoidong", "hoidong2", "hoidong3")]
    assert CouncilSeat.objects.filter(session=session).count() == 3
    failing = board[8].nomination
    assert failing.subject == "collective"
    cast_votes(actor=members[0], round=round_, choices={n: "agree" for n in top})
    for member in members[1:]:
        cast_votes(
            actor=member, round=round_, choices={n: "disagree" if n == failing else "agree" for n in top}
        )
    with pytest.raises(ValidationError, match="chỉ biểu quyết một lần"):
        cast_vote(actor=members[0], nomination=top[0], choice="disagree")
    close_session(actor=manager, round=round_)
    assert CouncilResult.objects.filter(session=session, passed=True).count() == 9

    # 4. The decision: base salary 2,340,000 × 1.0 (individual) or 2.0 (collective), no rounding left.
    decision = record_decision(
        actor=manager,
        round=round_,
        award_type=bang_khen,
        number="2390/QĐ-UBND",
        issued_on=dt.date(2026, 12, 18),
        signer_name="Trần Quốc Văn",
        signer_title="Chủ tịch Ủy ban nhân dân tỉnh",
        issuer="Ủy ban nhân dân tỉnh Hưng Yên",
    )
    awards = list(decision.awards.all())
    assert decision.base_salary == 2_340_000 and len(awards) == 9
    by_subject = {(a.subject, a.bonus_amount) for a in awards}
    assert by_subject == {("individual", 2_340_000), ("collective", 4_680_000)}
    assert sum(a.bonus_amount for a in awards) == 3 * 4_680_000 + 6 * 2_340_000 == 28_080_000
    failing.refresh_from_db()
    assert failing.state == State.NOT_AWARDED
    assert Nomination.objects.filter(round=round_, state=State.AWARDED).count() == 9
    round_.refresh_from_db()
    assert round_.decided_on == dt.date(2026, 12, 18)

    # 5. The public register shows the awardees, without sign-in and without personal numbers.
    page = client_for(None).get(reverse("awards:public_register"), {"round": round_.pk})
    html = page.content.decode()
    assert page.status_code == 200 and "2390/QĐ-UBND" in html and "18/12/2026" in html
    for award in awards:
        assert award.recipient_name in html
        if award.person and award.person.personal_id:
            assert award.person.personal_id not in html
    assert failing.nominee_name not in [a.recipient_name for a in awards]

    # 6. A certificate prints as a PDF with the awardee's name in correct Vietnamese.
    person_award = next(a for a in awards if a.subject == "individual")
    response = client_for(manager).get(reverse("awards:certificate", args=[decision.pk, person_award.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert person_award.recipient_name.upper() in text.upper()


def test_the_2025_draft_has_parts_written_by_so_noi_vu_and_some_still_to_write():
    campaign = Decision.objects.get(number="2215/QĐ-UBND").round.campaign
    current = selectors.current_parts(campaign, "annual", 2025)
    assert set(current) == {"noi-dung-1", "noi-dung-4", "noi-dung-6", "uu-diem", "han-che", "nguyen-nhan"}
    strengths = current["uu-diem"]
    assert (strengths.version, strengths.written_by.username) == (2, "truongban")
    assert "2215/QĐ-UBND" in strengths.text
    assert dt.date(2025, 12, 26) <= strengths.written_at.date() <= dt.date(2025, 12, 30)
    missing = {p.key for p in narrative.parts_of(campaign, "annual", 2025)} - set(current)
    assert missing == {"noi-dung-2", "noi-dung-3", "noi-dung-5", "phuong-huong", "kien-nghi"}
    # A part a demo user rewrote is left alone by the next run.
    edited = write_part(
        actor=User.objects.get(username="chuyenvien"),
        campaign=campaign,
        kind="annual",
        year=2025,
        key="han-che",
        text="Sửa trong buổi trình diễn.",
        based_on=current["han-che"].pk,
    )
    call_command("seed_demo_activity", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert selectors.current_parts(campaign, "annual", 2025)["han-che"].pk == edited.pk
