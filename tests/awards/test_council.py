"""The council session: one vote per member and dossier, the round's rule, votes close with it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from awards.models import CouncilResult, CouncilVote
from awards.services import cast_vote, close_session, open_session, propose
from awards.services.council import passes
from tests.factories import appraised, award_round

from .flow import council_members

pytestmark = pytest.mark.django_db


@pytest.mark.unit
@pytest.mark.parametrize(
    ("agree", "members", "ratio", "expected"),
    [
        (3, 5, "0.5", True),
        (2, 4, "0.5", False),
        (3, 4, "0.5", True),
        (2, 3, "0.667", False),
        (0, 0, "0.5", False),
    ],
)
def test_the_rule_is_more_than_the_ratio_of_all_members(agree, members, ratio, expected):
    from decimal import Decimal

    assert passes(agree=agree, members=members, ratio=Decimal(ratio)) is expected


def _open(cast, n_members=3):
    round_ = award_round(quota=5)
    a = appraised(round_, created_by=cast.officer_a)
    b = appraised(round_, created_by=cast.officer_a)
    members = council_members(cast, n_members - 1)
    propose(actor=cast.manager, round=round_, nominations=[a, b])
    open_session(actor=cast.manager, round=round_)
    return round_, a, b, members


def test_votes_and_results_per_member_and_dossier(cast):
    round_, a, b, members = _open(cast, 3)
    cast_vote(actor=members[0], nomination=a, choice="agree")
    cast_vote(actor=members[1], nomination=a, choice="agree")
    cast_vote(actor=members[2], nomination=a, choice="disagree")
    cast_vote(actor=members[0], nomination=b, choice="agree")
    cast_vote(actor=members[1], nomination=b, choice="abstain")
    close_session(actor=cast.manager, round=round_)
    results = {r.nomination_id: r for r in CouncilResult.objects.all()}
    assert (results[a.pk].agree, results[a.pk].disagree, results[a.pk].members, results[a.pk].passed) == (
        2,
        1,
        3,
        True,
    )
    # One of three agrees: not more than half of ALL members (missing votes count against).
    assert (results[b.pk].agree, results[b.pk].abstain, results[b.pk].passed) == (1, 1, False)
    assert CouncilVote.objects.filter(member=members[0]).count() == 2


def test_a_second_vote_is_refused_and_the_first_stays(cast):
    round_, a, _b, members = _open(cast)
    cast_vote(actor=members[0], nomination=a, choice="agree")
    with pytest.raises(ValidationError) as exc:
        cast_vote(actor=members[0], nomination=a, choice="disagree")
    assert "chỉ biểu quyết một lần" in exc.value.messages[0]
    assert list(CouncilVote.objects.values_list("choice", flat=True)) == ["agree"]


def test_a_vote_after_closing_is_refused(cast):
    round_, a, _b, members = _open(cast)
    close_session(actor=cast.manager, round=round_)
    with pytest.raises(ValidationError) as exc:
        cast_vote(actor=members[0], nomination=a, choice="agree")
    assert "đã kết thúc" in exc.value.messages[0]
    assert not CouncilVote.objects.exists()


def test_a_batch_of_votes_is_all_or_nothing(cast):
    from awards.services import cast_votes

    round_, a, b, members = _open(cast)
    cast_vote(actor=members[0], nomination=b, choice="agree")
    with pytest.raises(ValidationError):
        cast_votes(actor=members[0], round=round_, choices={a: "agree", b: "disagree"})
    assert CouncilVote.objects.filter(nomination=a).count() == 0


def test_a_vote_on_a_dossier_that_is_not_proposed_is_refused(cast):
    round_, _a, _b, members = _open(cast)
    stray = appraised(round_, created_by=cast.officer_a)
    with pytest.raises(ValidationError, match="không có trong danh sách đề nghị"):
        cast_vote(actor=members[0], nomination=stray, choice="agree")


def test_only_council_members_vote_and_only_the_manager_opens(cast):
    round_ = award_round(quota=5)
    a = appraised(round_, created_by=cast.officer_a)
    propose(actor=cast.manager, round=round_, nominations=[a])
    with pytest.raises(PermissionDenied):
        open_session(actor=cast.council, round=round_)
    open_session(actor=cast.manager, round=round_)
    for who in ("manager", "appraiser", "leader", "head_a"):
        with pytest.raises(PermissionDenied):
            cast_vote(actor=cast.users()[who], nomination=a, choice="agree")
    assert not CouncilVote.objects.exists()


def test_the_proposal_is_frozen_once_the_council_meets(cast):
    round_, a, _b, _members = _open(cast)
    other = appraised(round_, created_by=cast.officer_a)
    from awards.services import withdraw_proposal

    with pytest.raises(ValidationError, match="đã được đưa ra Hội đồng"):
        propose(actor=cast.manager, round=round_, nominations=[other])
    with pytest.raises(ValidationError, match="đã được đưa ra Hội đồng"):
        withdraw_proposal(actor=cast.manager, round=round_, nomination=a)
