"""Who may open each awards page: every URL × every role of the cast × own/other unit."""

import datetime

import pytest
from django.urls import reverse

from tests.conftest import CAST_USERS
from tests.factories import GIAY_KHEN, PersonFactory, appraised, award_round, award_type

from .flow import council_members, unit_decision, voted_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast):
    """A decided round (province decision) and a Giấy khen decision of unit A."""
    from awards.services import record_decision

    round_ = award_round(quota=5)
    person = PersonFactory(unit=cast.unit_a)
    dossier = appraised(round_, created_by=cast.officer_a, person=person)
    voted_round(cast, round_, votes={dossier: ["agree"]}, members=council_members(cast, 0))
    province = record_decision(
        actor=cast.manager,
        round=round_,
        award_type=award_type(),
        number="99/QĐ-UBND",
        issued_on=datetime.date(2026, 1, 5),
        signer_name="Trần Quốc Văn",
        signer_title="Chủ tịch",
        issuer="Ủy ban nhân dân tỉnh Hưng Yên",
    )
    award_type(GIAY_KHEN)
    giay_khen = unit_decision(cast, round_, "03/QĐ-UBND", datetime.date(2026, 1, 6), people=[person]).decision
    return {
        "round": round_,
        "person": person,
        "province": province,
        "province_award": province.awards.get(),
        "unit_decision": giay_khen,
        "unit_award": giay_khen.awards.get(),
    }


# url name, args builder, users who get 200; every other signed-in user gets 403 or 404.
MATRIX = [
    ("awards:ranking_home", lambda w, c: [], {"manager"}, 403),
    ("awards:ranking_board", lambda w, c: [w["round"].pk], {"manager"}, 403),
    ("awards:council_home", lambda w, c: [], {"manager", "council", "leader"}, 403),
    ("awards:council_round", lambda w, c: [w["round"].pk], {"manager", "council", "leader"}, 403),
    ("awards:decision_create", lambda w, c: [w["round"].pk], {"manager"}, 403),
    ("awards:decision_list", lambda w, c: [], {"manager", "appraiser", "leader"}, 403),
    ("awards:decision_detail", lambda w, c: [w["province"].pk], {"manager", "appraiser", "leader"}, 404),
    (
        "awards:decision_detail",
        lambda w, c: [w["unit_decision"].pk],
        {"manager", "appraiser", "leader", "head_a", "officer_a"},
        404,
    ),
    ("reports:certificates", lambda w, c: [w["province"].pk], {"manager"}, 404),
    ("awards:certificate", lambda w, c: [w["province"].pk, w["province_award"].pk], {"manager"}, 404),
    ("reports:certificates", lambda w, c: [w["unit_decision"].pk], {"head_a"}, 404),
    ("awards:certificate", lambda w, c: [w["unit_decision"].pk, w["unit_award"].pk], {"head_a"}, 404),
    ("awards:unit_decisions", lambda w, c: [], {"head_a", "head_b"}, 403),
    ("awards:unit_decision_create", lambda w, c: [], {"head_a", "head_b"}, 403),
    (
        "awards:person_history",
        lambda w, c: [w["person"].pk],
        {"manager", "appraiser", "leader", "head_a", "officer_a"},
        404,
    ),
    (
        "awards:unit_history",
        lambda w, c: [c.unit_a.pk],
        {"manager", "appraiser", "leader", "council", "head_a", "officer_a"},
        404,
    ),
    ("awards:public_register", lambda w, c: [], set(CAST_USERS), None),
]


@pytest.mark.parametrize(
    ("name", "args", "allowed", "refusal"), MATRIX, ids=[f"{m[0]}-{i}" for i, m in enumerate(MATRIX)]
)
def test_permission_matrix(cast, world, client_for, name, args, allowed, refusal):
    url = reverse(name, args=args(world, cast))
    for username in CAST_USERS:
        response = client_for(cast.users()[username]).get(url)
        expected = 200 if username in allowed else refusal
        assert response.status_code == expected, f"{username} → {url}: {response.status_code}"
    anonymous = client_for(None).get(url)
    if name == "awards:public_register":
        assert anonymous.status_code == 200
    else:
        assert anonymous.status_code == 302 and "/tai-khoan/dang-nhap/" in anonymous["Location"]


POSTS = [
    ("awards:ranking_board", lambda w: [w["round"].pk], "manager"),
    ("awards:council_open", lambda w: [w["round"].pk], "manager"),
    ("awards:council_close", lambda w: [w["round"].pk], "manager"),
    ("awards:unit_plan", lambda w: [], "head_a"),
]


@pytest.mark.parametrize(("name", "args", "owner"), POSTS)
def test_posts_by_other_roles_are_forbidden_and_change_nothing(cast, world, client_for, name, args, owner):
    from awards.models import CouncilSession, Decision, UnitAwardPlan

    before = (CouncilSession.objects.count(), Decision.objects.count(), UnitAwardPlan.objects.count())
    url = reverse(name, args=args(world))
    for username in CAST_USERS:
        if username == owner or (owner == "head_a" and username == "head_b"):
            continue
        response = client_for(cast.users()[username]).post(
            url, {"round": world["round"].pk, "planned_count": 3}
        )
        assert response.status_code == 403, username
    assert (CouncilSession.objects.count(), Decision.objects.count(), UnitAwardPlan.objects.count()) == before
