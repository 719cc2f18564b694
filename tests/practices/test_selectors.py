"""Selectors: the library, evidence for nominations, and the numbers the summary reports use."""

import datetime

import pytest
from django.utils import timezone

from campaigns.models import Cluster, Unit
from practices import selectors
from practices.models import Difficulty, Field, PracticeState
from practices.services import difficulties as difficulty_services
from tests.factories import PersonFactory, UnitFactory

from .helpers import featured, raise_difficulty, recognise, register

pytestmark = [pytest.mark.unit, pytest.mark.django_db]


@pytest.fixture
def practices(cast):
    cluster = Cluster.objects.create(code="CUM-1", name="Cụm thi đua số 1", kind=Cluster.Kind.CUM)
    Unit.objects.filter(pk=cast.unit_a.pk).update(cluster=cluster)
    person = PersonFactory(unit=cast.unit_a, full_name="Trần Thị Hằng")
    one_door = register(cast.officer_a, name="Bộ phận một cửa thân thiện")
    land = register(
        cast.officer_b,
        name="Dân vận khéo trong giải phóng mặt bằng",
        field=Field.ECONOMY,
        started_on=datetime.date(2024, 6, 1),
    )
    digital = register(
        cast.officer_a, name="Số hóa hồ sơ hộ tịch", person=person, field=Field.CULTURE_SOCIETY
    )
    draft = register(cast.officer_b, name="Tổ tự quản an ninh trật tự", field=Field.DEFENCE_SECURITY)
    recognise(one_door, cast.appraiser, date=datetime.date(2025, 9, 1))
    featured(land, cast.appraiser)
    recognise(digital, cast.appraiser, date=datetime.date(2025, 11, 1))
    return {
        "one_door": one_door,
        "land": land,
        "digital": digital,
        "draft": draft,
        "person": person,
        "cluster": cluster,
    }


def test_library_shows_published_featured_first(practices):
    names = [p.name for p in selectors.library()]
    assert names == [
        "Dân vận khéo trong giải phóng mặt bằng",
        "Số hóa hồ sơ hộ tịch",
        "Bộ phận một cửa thân thiện",
    ]


def test_library_search_ignores_case_and_diacritics(practices, cast):
    assert [p.name for p in selectors.library(q="GIAI PHONG mat bang")] == [
        "Dân vận khéo trong giải phóng mặt bằng"
    ]
    assert [p.name for p in selectors.library(q="tran thi hang")] == ["Số hóa hồ sơ hộ tịch"]
    assert [p.name for p in selectors.library(q="Ân Thi")] == ["Dân vận khéo trong giải phóng mặt bằng"]
    assert list(selectors.library(q="an ninh trat tu")) == []  # registered only: not in the library


def test_library_filters(practices, cast):
    assert {p.name for p in selectors.library(field=Field.ECONOMY)} == {
        "Dân vận khéo trong giải phóng mặt bằng"
    }
    assert {p.name for p in selectors.library(year=2024)} == {"Dân vận khéo trong giải phóng mặt bằng"}
    assert len(selectors.library(cluster_id=practices["cluster"].pk)) == 2
    assert len(selectors.library(unit_kind=Unit.Kind.DISTRICT)) == 3
    assert len(selectors.library(unit_kind=Unit.Kind.COMMUNE)) == 0
    assert selectors.library_years() == [2025, 2024]


def test_recognised_practices_for_a_person_and_a_unit(practices, cast):
    assert list(selectors.recognised_practices_for(practices["person"])) == [practices["digital"]]
    assert list(selectors.recognised_practices_for(cast.unit_a)) == [
        practices["digital"],
        practices["one_door"],
    ]
    assert list(selectors.recognised_practices_for(cast.unit_b)) == [practices["land"]]  # draft left out
    with pytest.raises(TypeError):
        selectors.recognised_practices_for("unit")


def test_practice_counts_for_reports(practices, cast):
    by_state = {r["code"]: r["count"] for r in selectors.practice_counts_by_state()}
    assert by_state == {"registered": 1, "recognised": 2, "featured": 1}
    by_field = {r["code"]: r["count"] for r in selectors.practice_counts_by_field()}
    assert by_field == {"economy": 1, "culture_society": 1, "defence_security": 0, "political_system": 1}
    by_field_all = {
        r["code"]: r["count"] for r in selectors.practice_counts_by_field(states=PracticeState.values)
    }
    assert by_field_all["defence_security"] == 1
    by_kind = {r["code"]: r["count"] for r in selectors.practice_counts_by_unit_kind()}
    assert by_kind["district"] == 3 and by_kind["commune"] == 0
    assert selectors.practice_counts_by_year() == [
        {"year": 2024, "registered": 1, "recognised": 1, "featured": 1},
        {"year": 2025, "registered": 3, "recognised": 2, "featured": 0},
    ]
    assert [r["count"] for r in selectors.practice_counts_by_state(year=2024)] == [0, 0, 1]
    only_a = Unit.objects.subtree_of(cast.unit_a)
    assert sum(r["count"] for r in selectors.practice_counts_by_state(units=only_a)) == 2
    assert [p.name for p in selectors.featured_practices()] == ["Dân vận khéo trong giải phóng mặt bằng"]
    assert [p.name for p in selectors.practices_list(state=PracticeState.REGISTERED)] == [
        "Tổ tự quản an ninh trật tự"
    ]
    assert len(selectors.practices_list(field=Field.ECONOMY, unit_kind=Unit.Kind.DISTRICT)) == 1


def test_difficulty_counts_and_queue_by_age(cast):
    old = raise_difficulty(cast.officer_a, title="Cũ nhất")
    Difficulty.objects.filter(pk=old.pk).update(raised_at=timezone.now() - datetime.timedelta(days=20))
    answered = raise_difficulty(cast.officer_b, title="Đã trả lời", topic="digital")
    difficulty_services.answer_difficulty(actor=cast.appraiser, difficulty=answered, answer="Trả lời.")
    forwarded = raise_difficulty(cast.officer_b, title="Đã chuyển", topic="digital")
    Difficulty.objects.filter(pk=forwarded.pk).update(raised_at=timezone.now() - datetime.timedelta(days=3))
    difficulty_services.forward_difficulty(
        actor=cast.appraiser, difficulty=forwarded, agency="Sở Khoa học và Công nghệ"
    )
    closed = raise_difficulty(cast.officer_a, title="Đã đóng", topic="other")
    difficulty_services.close_difficulty(actor=cast.appraiser, difficulty=closed)

    queue = selectors.open_difficulties_by_age()
    assert [(d.title, d.age) for d in queue] == [("Cũ nhất", 20), ("Đã chuyển", 3)]
    totals = selectors.difficulty_totals()
    assert totals == {
        "raised": 4,
        "answered": 1,
        "forwarded": 1,
        "open": 2,
        "closed": 1,
        # Where each stands now: they add up to what was raised.
        "settled": 2,
        "waiting": 1,
    }
    by_topic = {r["code"]: r for r in selectors.difficulty_counts_by_topic()}
    digital = by_topic["digital"]
    assert {k: digital[k] for k in ("code", "label", "raised", "answered", "open", "closed")} == {
        "code": "digital",
        "label": "Chuyển đổi số, dịch vụ công trực tuyến",
        "raised": 2,
        "answered": 1,
        "open": 1,
        "closed": 0,
    }
    assert all(r["settled"] + r["forwarded"] + r["waiting"] == r["raised"] for r in by_topic.values())
    assert by_topic["procedures"]["raised"] == 0
    assert [d.title for d in selectors.difficulties_list(state="closed")] == ["Đã đóng"]
    assert len(selectors.difficulties_list(units=Unit.objects.subtree_of(cast.unit_a))) == 2
    assert selectors.difficulty_totals(year=2001)["raised"] == 0


def test_scopes(practices, cast):
    other_unit = UnitFactory(code="X-OTHER")
    assert set(selectors.practices_in_scope(cast.head_b)) == {
        practices["land"],
        practices["draft"],
        practices["one_door"],
        practices["digital"],
    }
    assert set(selectors.practices_in_scope(cast.head_a)) == {
        practices["one_door"],
        practices["digital"],
        practices["land"],
    }
    assert set(selectors.register_for(cast.head_a)) == {practices["one_door"], practices["digital"]}
    assert selectors.register_for(cast.nobody).count() == 0
    assert selectors.practices_in_scope(cast.nobody).count() == 3
    assert selectors.register_for(cast.appraiser).count() == 4
    assert other_unit.practices.count() == 0
