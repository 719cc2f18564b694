"""Award history across campaigns, the thematic flag, the nominations registry, the public register."""

import datetime

import pytest
from django.urls import reverse

from awards.selectors import (
    award_history_for_person,
    award_history_for_unit,
    earlier_awards_for_nomination,
    public_awards,
)
from campaigns.models import Campaign
from nominations import extensions
from tests.factories import GIAY_KHEN, PersonFactory, appraised, award_round, award_type, campaign

from .flow import unit_decision

pytestmark = pytest.mark.django_db


DAY = datetime.date(2026, 3, 1)


def test_history_spans_campaigns_and_flags_thematic_awards(cast):
    award_type(GIAY_KHEN)
    person = PersonFactory(unit=cast.unit_a, full_name="Đặng Thị Mai")
    thematic = award_round(camp=campaign(Campaign.Kind.THEMATIC))
    annual = award_round(camp=campaign(Campaign.Kind.ANNUAL))
    unit_decision(cast, thematic, "01/QĐ", datetime.date(2025, 3, 1), people=[person])
    unit_decision(cast, annual, "02/QĐ", DAY, people=[person], units=[cast.unit_a_child])
    rows = award_history_for_person(person)
    assert [(r["decision_number"], r["counts_for_merit"]) for r in rows] == [
        ("02/QĐ", True),
        ("01/QĐ", False),
    ]
    assert rows[0]["award"] == award_type(GIAY_KHEN).name
    assert [r["decision_number"] for r in award_history_for_unit(cast.unit_a_child)] == ["02/QĐ"]


def test_the_provider_is_registered_with_nominations(cast):
    assert earlier_awards_for_nomination in extensions.award_history_providers
    award_type(GIAY_KHEN)
    person = PersonFactory(unit=cast.unit_a)
    unit_decision(cast, award_round(), "07/QĐ", DAY, people=[person])
    dossier = appraised(award_round(), created_by=cast.officer_a, person=person)
    rows = extensions.earlier_awards_for(dossier)
    assert [r["decision_number"] for r in rows] == ["07/QĐ"]


def test_public_register_search_ignores_diacritics_and_shows_nothing_personal(cast, client):
    award_type(GIAY_KHEN)
    round_ = award_round()
    person = PersonFactory(
        unit=cast.unit_a,
        full_name="Nguyễn Văn Đức",
        personal_id="033123456789",
        date_of_birth=datetime.date(1980, 5, 17),
    )
    other = PersonFactory(unit=cast.unit_a, full_name="Trần Thị Lan")
    unit_decision(cast, round_, "15/QĐ-UBND", DAY, people=[person, other])
    assert [a.recipient_name for a in public_awards(q="nguyen van duc")] == ["Nguyễn Văn Đức"]
    response = client.get(reverse("awards:public_register"), {"q": "NGUYEN VAN DUC"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nguyễn Văn Đức" in body and "15/QĐ-UBND" in body and "01/03/2026" in body
    assert "Trần Thị Lan" not in body
    assert (
        "033123456789" not in body and "6789" not in body and "17/05/1980" not in body and "1980" not in body
    )
