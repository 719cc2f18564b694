"""Difficulty services: a unit raises and supplements; Sở Nội vụ answers, forwards, closes; history kept."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from practices.models import Difficulty, DifficultyEvent, DifficultyState
from practices.services import difficulties as services

from .helpers import checked_pdf, checked_photo, raise_difficulty

pytestmark = [pytest.mark.unit, pytest.mark.django_db]


def test_unit_raises_a_difficulty_with_attachments(cast):
    item = raise_difficulty(cast.officer_a, attachments=[checked_pdf(), checked_photo()])
    assert item.unit == cast.unit_a and item.state == DifficultyState.RAISED
    assert item.files.count() == 2
    assert list(item.events.values_list("action", "to_state")) == [("raised", "raised")]


@pytest.mark.parametrize("who", ["appraiser", "manager", "leader", "council", "nobody"])
def test_only_a_units_people_raise(cast, who):
    with pytest.raises(PermissionDenied):
        raise_difficulty(cast.users()[who])
    assert not Difficulty.objects.exists()


def test_empty_fields_are_refused_and_nothing_written(cast):
    with pytest.raises(ValidationError) as caught:
        services.raise_difficulty(actor=cast.officer_a, topic="khong-co", title=" ", description="")
    text = " ".join(caught.value.messages)
    assert "Hãy chọn nhóm vấn đề" in text and "Hãy nhập tiêu đề" in text and "Hãy mô tả" in text
    assert not Difficulty.objects.exists()


def test_raised_then_answered_then_closed_with_full_history(cast):
    item = raise_difficulty(cast.officer_a)
    services.answer_difficulty(
        actor=cast.appraiser, difficulty=item, answer="Đề nghị đơn vị lập dự toán bổ sung."
    )
    item.refresh_from_db()
    assert item.state == DifficultyState.ANSWERED and item.answered_by == cast.appraiser
    services.close_difficulty(actor=cast.manager, difficulty=item, note="Đã giải quyết.")
    item.refresh_from_db()
    assert item.state == DifficultyState.CLOSED
    history = list(item.events.values_list("action", "from_state", "to_state", "actor__username"))
    assert history == [
        ("raised", "", "raised", "officer_a"),
        ("answered", "raised", "answered", "appraiser"),
        ("closed", "answered", "closed", "manager"),
    ]


def test_forwarded_names_the_agency_and_can_then_be_answered(cast):
    item = raise_difficulty(cast.officer_a)
    with pytest.raises(ValidationError, match="Hãy nhập tên cơ quan"):
        services.forward_difficulty(actor=cast.appraiser, difficulty=item, agency=" ")
    services.forward_difficulty(
        actor=cast.appraiser, difficulty=item, agency="Sở Tài chính", note="Thuộc thẩm quyền bố trí kinh phí."
    )
    item.refresh_from_db()
    assert item.state == DifficultyState.FORWARDED and item.forwarded_to == "Sở Tài chính"
    assert item.is_open
    services.answer_difficulty(actor=cast.appraiser, difficulty=item, answer="Sở Tài chính đã trả lời: …")
    item.refresh_from_db()
    assert item.state == DifficultyState.ANSWERED and not item.is_open
    with pytest.raises(ValidationError, match="đã được trả lời"):
        services.forward_difficulty(actor=cast.appraiser, difficulty=item, agency="Sở Xây dựng")


def test_unit_supplements_until_closed_then_it_is_frozen(cast):
    item = raise_difficulty(cast.officer_a)
    services.update_difficulty(
        actor=cast.head_a,
        difficulty=item,
        topic=item.topic,
        title="Thiếu kinh phí năm 2026",
        description="Bổ sung.",
    )
    services.add_difficulty_file(actor=cast.officer_a, difficulty=item, checked=checked_pdf())
    services.close_difficulty(actor=cast.appraiser, difficulty=item)
    with pytest.raises(ValidationError, match="đã đóng"):
        services.update_difficulty(
            actor=cast.head_a, difficulty=item, topic=item.topic, title="X", description="Y"
        )
    with pytest.raises(ValidationError, match="đã đóng"):
        services.add_difficulty_file(actor=cast.officer_a, difficulty=item, checked=checked_pdf())
    with pytest.raises(ValidationError, match="đã đóng"):
        services.answer_difficulty(actor=cast.appraiser, difficulty=item, answer="Muộn")
    item.refresh_from_db()
    assert item.title == "Thiếu kinh phí năm 2026" and item.files.count() == 1 and item.answer == ""


def test_another_unit_cannot_touch_it_and_units_cannot_answer(cast):
    item = raise_difficulty(cast.officer_a)
    with pytest.raises(PermissionDenied):
        services.update_difficulty(
            actor=cast.head_b, difficulty=item, topic=item.topic, title="X", description="Y"
        )
    with pytest.raises(PermissionDenied):
        services.add_difficulty_file(actor=cast.officer_b, difficulty=item, checked=checked_pdf())
    for who in ("head_a", "leader", "head_b"):
        with pytest.raises(PermissionDenied):
            services.answer_difficulty(actor=cast.users()[who], difficulty=item, answer="Tự trả lời")
        with pytest.raises(PermissionDenied):
            services.close_difficulty(actor=cast.users()[who], difficulty=item)
    item.refresh_from_db()
    assert item.state == DifficultyState.RAISED and item.events.count() == 1


def test_empty_answer_is_refused(cast):
    item = raise_difficulty(cast.officer_a)
    with pytest.raises(ValidationError, match="Hãy nhập nội dung trả lời"):
        services.answer_difficulty(actor=cast.appraiser, difficulty=item, answer="   ")
    assert DifficultyEvent.objects.count() == 1


def test_difficulty_history_is_append_only(cast):
    event = raise_difficulty(cast.officer_a).events.get()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        DifficultyEvent.objects.all().delete()
