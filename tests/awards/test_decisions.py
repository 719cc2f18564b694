"""The Chairman's decision: awardees after the vote, bonuses from the base salary, audited moves."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from awards.bonus import bonus_rule
from awards.models import Award, BaseSalary, BonusRounding, Decision
from nominations.models import NominationEvent, State
from tests.factories import BANG_KHEN, appraised, award_round, award_type

from .flow import council_members, individual_and_collective, province_decision, voted_round

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 1, 15)


def _decide(cast, round_, **extra):
    return province_decision(cast, round_, **{"issued_on": DAY, **extra})


def _round_after_vote(cast):
    round_ = award_round(quota=10)
    person_dossier, unit_dossier = individual_and_collective(cast, round_)
    rejected = appraised(round_, created_by=cast.officer_b, unit=cast.unit_b)
    members = council_members(cast, 2)
    voted_round(
        cast,
        round_,
        votes={
            person_dossier: ["agree", "agree", "disagree"],
            unit_dossier: ["agree", "agree", "agree"],
            rejected: ["agree", "abstain", "disagree"],
        },
        members=members,
    )
    return round_, person_dossier, unit_dossier, rejected


@pytest.mark.unit
def test_seeded_defaults_give_the_documented_amounts():
    assert BaseSalary.objects.in_force_on(DAY).amount == 2_340_000
    assert BaseSalary.objects.in_force_on(datetime.date(2024, 6, 30)).amount == 1_800_000
    rule = bonus_rule(award_type=award_type("giay-khen"), day=DAY, subjects={"individual", "collective"})
    assert rule.amount("individual") == 700_000  # 702.000 rounded down to the ten thousand
    assert rule.amount("collective") == 1_400_000
    rule = bonus_rule(award_type=award_type(BANG_KHEN), day=DAY, subjects={"individual", "collective"})
    assert (rule.amount("individual"), rule.amount("collective")) == (2_340_000, 4_680_000)


@pytest.mark.unit
def test_the_rounding_rule_is_data():
    rule = BonusRounding(effective_from=DAY, step=10_000, mode="down")
    assert rule.apply(Decimal("223500")) == 220_000
    assert BonusRounding(effective_from=DAY, step=10_000, mode="nearest").apply(Decimal("225000")) == 230_000
    assert BonusRounding(effective_from=DAY, step=1_000, mode="up").apply(Decimal("223500")) == 224_000


def test_decision_awards_the_passed_dossiers_with_bonuses_and_moves_the_rest(cast):
    round_, person_dossier, unit_dossier, rejected = _round_after_vote(cast)
    decision = _decide(cast, round_)
    amounts = {a.nomination_id: (a.subject, a.bonus_amount) for a in Award.objects.filter(decision=decision)}
    assert amounts == {
        person_dossier.pk: ("individual", 2_340_000),
        unit_dossier.pk: ("collective", 4_680_000),
    }
    assert decision.base_salary == 2_340_000
    for dossier, state in (
        (person_dossier, State.AWARDED),
        (unit_dossier, State.AWARDED),
        (rejected, State.NOT_AWARDED),
    ):
        dossier.refresh_from_db()
        assert dossier.state == state
        event = NominationEvent.objects.filter(nomination=dossier).last()
        assert event.to_state == state and "123/QĐ-UBND" in event.comment and event.actor == cast.manager
    round_.refresh_from_db()
    assert round_.decided_on == DAY


def test_deciding_a_dossier_that_was_not_proposed_is_refused_and_nothing_is_written(cast):
    round_, person_dossier, _unit, _rejected = _round_after_vote(cast)
    stray = appraised(round_, created_by=cast.officer_a)
    with pytest.raises(ValidationError) as exc:
        _decide(cast, round_, awardees=[person_dossier, stray])
    assert "chưa được đề nghị khen thưởng" in exc.value.messages[0]
    assert not Decision.objects.exists() and not Award.objects.exists()
    person_dossier.refresh_from_db()
    assert person_dossier.state == State.PROPOSED


def test_deciding_a_dossier_the_council_rejected_is_refused(cast):
    round_, _p, _u, rejected = _round_after_vote(cast)
    with pytest.raises(ValidationError, match="không được Hội đồng thông qua"):
        _decide(cast, round_, awardees=[rejected])
    assert not Decision.objects.exists()


def test_no_base_salary_for_the_decision_date_is_refused(cast):
    round_, person_dossier, *_ = _round_after_vote(cast)
    with pytest.raises(ValidationError) as exc:
        _decide(cast, round_, issued_on=datetime.date(2020, 1, 1))
    assert "Chưa có mức lương cơ sở áp dụng cho ngày 01/01/2020" in exc.value.messages[0]
    assert not Decision.objects.exists()
    person_dossier.refresh_from_db()
    assert person_dossier.state == State.PROPOSED


def test_a_decision_number_already_used_by_the_same_issuer_is_refused(cast):
    round_, *_ = _round_after_vote(cast)
    _decide(cast, round_)
    other_round = award_round(quota=10)
    dossier = appraised(other_round, created_by=cast.officer_a)
    members = council_members(cast, 0)
    voted_round(cast, other_round, votes={dossier: ["agree"]}, members=members)
    with pytest.raises(ValidationError) as exc:
        _decide(cast, other_round, number="123/qđ-ubnd")
    assert "đã được Ủy ban nhân dân tỉnh Hưng Yên dùng" in exc.value.messages[0]
    assert Decision.objects.count() == 1
    dossier.refresh_from_db()
    assert dossier.state == State.PROPOSED
    # Another issuer may use the same number.
    _decide(cast, other_round, issuer="Ủy ban nhân dân tỉnh Thái Bình")


def test_a_decision_needs_the_council_closed(cast):
    from awards.services import open_session, propose

    round_ = award_round(quota=5)
    dossier = appraised(round_, created_by=cast.officer_a)
    propose(actor=cast.manager, round=round_, nominations=[dossier])
    open_session(actor=cast.manager, round=round_)
    with pytest.raises(ValidationError, match="Hãy đóng phiên họp"):
        _decide(cast, round_)


def test_the_database_refuses_an_award_slot_beyond_the_quota(cast):
    from django.db import IntegrityError, transaction

    round_, *_ = _round_after_vote(cast)
    decision = _decide(cast, round_)
    award = Award.objects.filter(decision=decision).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Award.objects.filter(pk=award.pk).update(slot=11)
