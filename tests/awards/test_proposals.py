"""Ranking and the proposal within the quota (services first)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from awards.models import ProposalSlot
from awards.services import propose, withdraw_proposal
from nominations.models import NominationEvent, State
from tests.factories import appraised, appraised_many, award_round

pytestmark = pytest.mark.django_db


def test_propose_moves_dossiers_through_the_workflow_and_numbers_their_slots(cast):
    round_ = award_round(quota=3)
    dossiers = appraised_many(round_, 2, created_by=cast.officer_a)
    assert propose(actor=cast.manager, round=round_, nominations=dossiers) == 2
    for d in dossiers:
        d.refresh_from_db()
        assert d.state == State.PROPOSED
        event = NominationEvent.objects.filter(nomination=d).last()
        assert (event.from_state, event.to_state, event.actor) == (
            State.APPRAISED,
            State.PROPOSED,
            cast.manager,
        )
    assert sorted(ProposalSlot.objects.values_list("slot", flat=True)) == [1, 2]


def test_propose_refuses_beyond_the_quota_and_writes_nothing(cast):
    round_ = award_round(quota=2)
    first = appraised_many(round_, 1, created_by=cast.officer_a)
    propose(actor=cast.manager, round=round_, nominations=first)
    more = appraised_many(round_, 2, created_by=cast.officer_a)
    with pytest.raises(ValidationError) as exc:
        propose(actor=cast.manager, round=round_, nominations=more)
    message = exc.value.messages[0]
    assert "Vượt chỉ tiêu" in message and "tối đa 2" in message and "bỏ bớt 1 hồ sơ" in message
    for d in more:
        d.refresh_from_db()
        assert d.state == State.APPRAISED
    assert ProposalSlot.objects.count() == 1


def test_collectives_and_individuals_share_one_quota(cast):
    round_ = award_round(quota=2)
    person_dossier = appraised(round_, created_by=cast.officer_a, proposing_unit=cast.unit_a)
    unit_dossier = appraised(
        round_, created_by=cast.officer_a, unit=cast.unit_a_child, proposing_unit=cast.unit_a
    )
    third = appraised(round_, created_by=cast.officer_b, unit=cast.unit_b)
    propose(actor=cast.manager, round=round_, nominations=[person_dossier, unit_dossier])
    with pytest.raises(ValidationError):
        propose(actor=cast.manager, round=round_, nominations=[third])


def test_withdrawing_frees_the_slot_for_another_dossier(cast):
    round_ = award_round(quota=1)
    a, b = appraised_many(round_, 2, created_by=cast.officer_a)
    propose(actor=cast.manager, round=round_, nominations=[a])
    withdraw_proposal(actor=cast.manager, round=round_, nomination=a)
    a.refresh_from_db()
    assert a.state == State.APPRAISED
    propose(actor=cast.manager, round=round_, nominations=[b])
    assert ProposalSlot.objects.get().nomination == b


def test_propose_refuses_a_dossier_that_is_not_appraised_or_of_another_round(cast):
    round_ = award_round(quota=5)
    other_round = award_round(quota=5)
    submitted = appraised(round_, created_by=cast.officer_a, state=State.SUBMITTED)
    foreign = appraised(other_round, created_by=cast.officer_a)
    ok = appraised(round_, created_by=cast.officer_a)
    with pytest.raises(ValidationError, match="chỉ hồ sơ “Đủ điều kiện”"):
        propose(actor=cast.manager, round=round_, nominations=[ok, submitted])
    with pytest.raises(ValidationError, match="không thuộc đợt"):
        propose(actor=cast.manager, round=round_, nominations=[foreign])
    ok.refresh_from_db()
    assert ok.state == State.APPRAISED
    assert not ProposalSlot.objects.exists()


def test_a_round_without_quota_refuses_proposals(cast):
    round_ = award_round(quota=None)
    d = appraised(round_, created_by=cast.officer_a)
    with pytest.raises(ValidationError, match="chưa có chỉ tiêu"):
        propose(actor=cast.manager, round=round_, nominations=[d])


@pytest.mark.parametrize("who", ["appraiser", "council", "leader", "head_a", "officer_a", "nobody"])
def test_only_the_manager_may_propose(cast, who):
    round_ = award_round(quota=5)
    d = appraised(round_, created_by=cast.officer_a)
    with pytest.raises(PermissionDenied):
        propose(actor=cast.users()[who], round=round_, nominations=[d])
    d.refresh_from_db()
    assert d.state == State.APPRAISED
