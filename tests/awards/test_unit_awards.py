"""Giấy khen of a unit's head: own decisions, own number with a warning past it, scope."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from awards.models import Award, Decision
from awards.services import set_unit_plan
from tests.factories import GIAY_KHEN, PersonFactory, award_round, award_type

from .flow import unit_decision

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 2, 10)


def _record(cast, round_, number="05/QĐ-UBND", **extra):
    return unit_decision(cast, round_, number, DAY, **extra)


def test_head_records_giay_khen_for_own_people_and_units_below_with_bonuses(cast):
    award_type(GIAY_KHEN)
    round_ = award_round(quota=10)
    own = PersonFactory(unit=cast.unit_a, full_name="Lê Thị Hoa")
    below = PersonFactory(unit=cast.unit_a_child)
    outcome = _record(cast, round_, people=[own, below], units=[cast.unit_a_child])
    awards = {
        (a.subject, a.recipient_name): a.bonus_amount for a in Award.objects.filter(decision=outcome.decision)
    }
    assert awards[("individual", "Lê Thị Hoa")] == 700_000
    assert awards[("collective", cast.unit_a_child.official_name)] == 1_400_000
    assert outcome.decision.issuing_unit == cast.unit_a and outcome.decision.issuer == cast.unit_a.name
    assert "chưa đặt số lượng" in outcome.warning


def test_the_head_sets_the_number_and_is_warned_past_it(cast):
    award_type(GIAY_KHEN)
    round_ = award_round(quota=10)
    set_unit_plan(actor=cast.head_a, round=round_, planned_count=2)
    first = _record(cast, round_, people=[PersonFactory(unit=cast.unit_a), PersonFactory(unit=cast.unit_a)])
    assert first.warning == ""
    second = _record(cast, round_, number="06/QĐ-UBND", people=[PersonFactory(unit=cast.unit_a)])
    assert "vượt số lượng đã đặt (2)" in second.warning
    assert Award.objects.filter(decision__issuing_unit=cast.unit_a).count() == 3


def test_people_or_units_outside_the_heads_tree_are_refused(cast):
    award_type(GIAY_KHEN)
    round_ = award_round(quota=10)
    outsider = PersonFactory(unit=cast.unit_b, full_name="Vũ Văn Ngoài")
    with pytest.raises(ValidationError, match="Vũ Văn Ngoài"):
        _record(cast, round_, people=[PersonFactory(unit=cast.unit_a), outsider])
    with pytest.raises(ValidationError, match="không thuộc phạm vi"):
        _record(cast, round_, units=[cast.unit_a])  # the unit itself is not "below it"
    assert not Decision.objects.exists() and not Award.objects.exists()


def test_a_unit_decision_number_is_unique_per_unit(cast):
    award_type(GIAY_KHEN)
    round_ = award_round(quota=10)
    _record(cast, round_, people=[PersonFactory(unit=cast.unit_a)])
    with pytest.raises(ValidationError, match="đã được UBND huyện Văn Lâm dùng"):
        _record(cast, round_, people=[PersonFactory(unit=cast.unit_a)])
    assert Decision.objects.count() == 1
    # Unit B may use the same number.
    _record(
        cast, round_, actor=cast.head_b, signer_name="Nguyễn Văn B", people=[PersonFactory(unit=cast.unit_b)]
    )


@pytest.mark.parametrize("who", ["officer_a", "manager", "appraiser", "council", "leader", "nobody"])
def test_only_a_unit_head_records_giay_khen(cast, who):
    award_type(GIAY_KHEN)
    round_ = award_round(quota=10)
    with pytest.raises(PermissionDenied):
        _record(cast, round_, actor=cast.users()[who], people=[PersonFactory(unit=cast.unit_a)])
    with pytest.raises(PermissionDenied):
        set_unit_plan(actor=cast.users()[who], round=round_, planned_count=3)
    assert not Decision.objects.exists()
