"""Good-practice services: who may register, edit, recognise and feature, and what freezes an entry."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, connection, transaction

from practices.models import Practice, PracticeEvent, PracticeFile, PracticeState
from practices.services import practices as services
from tests.factories import PersonFactory

from .helpers import checked_pdf, checked_photo, featured, recognise, register

pytestmark = [pytest.mark.unit, pytest.mark.django_db]


def test_officer_registers_a_practice_of_their_unit_with_files_and_history(cast):
    practice = register(cast.officer_a, photos=[checked_photo()], documents=[checked_pdf()])
    assert practice.unit == cast.unit_a
    assert practice.state == PracticeState.REGISTERED
    assert practice.search_text == " bo phan mot cua than thien bo phan mot cua ubnd huyen ubnd huyen van lam"
    roles_ = sorted(practice.files.values_list("role", flat=True))
    assert roles_ == ["document", "photo"]
    for item in practice.files.all():
        assert default_storage.exists(item.file)
    events = list(practice.events.values_list("action", "to_state"))
    assert events == [("registered", "registered")]


def test_practice_of_a_person_belongs_to_that_persons_unit(cast):
    person = PersonFactory(unit=cast.unit_a_child, full_name="Nguyễn Thị Lan")
    practice = register(cast.head_a, name="Sáng kiến số hóa hồ sơ", person=person)
    assert practice.unit == cast.unit_a_child
    assert "nguyen thi lan" in practice.search_text


def test_person_of_another_unit_is_refused(cast):
    stranger = PersonFactory(unit=cast.unit_b)
    with pytest.raises(ValidationError, match="không thuộc đơn vị của bạn"):
        register(cast.officer_a, person=stranger)
    assert not Practice.objects.exists()


@pytest.mark.parametrize("who", ["appraiser", "leader", "council", "nobody"])
def test_only_a_units_people_register(cast, who):
    with pytest.raises(PermissionDenied):
        register(cast.users()[who])
    assert not Practice.objects.exists()


def test_bad_input_is_refused_in_vietnamese_and_nothing_is_written(cast):
    with pytest.raises(ValidationError) as caught:
        register(
            cast.officer_a,
            name="  ",
            results="",
            started_on=datetime.date(2025, 5, 1),
            ended_on=datetime.date(2025, 1, 1),
        )
    text = " ".join(caught.value.messages)
    assert "Hãy nhập tên mô hình" in text
    assert "Hãy nêu kết quả bằng số liệu" in text
    assert "Ngày kết thúc phải sau ngày bắt đầu" in text
    assert not Practice.objects.exists()
    assert not PracticeEvent.objects.exists()


def test_same_name_twice_in_one_unit_is_refused_ignoring_case_and_diacritics(cast):
    register(cast.officer_a, name="Dân vận khéo trong giải phóng mặt bằng")
    with pytest.raises(ValidationError, match="đã đăng ký mô hình"):
        register(cast.head_a, name="dan van kheo trong GIAI PHONG mat bang")
    # Another unit may use the same name.
    register(cast.officer_b, name="Dân vận khéo trong giải phóng mặt bằng")
    assert Practice.objects.count() == 2


def test_a_failing_registration_leaves_no_file_on_disk(cast, monkeypatch):
    stored_before = set()

    def boom(*args, **kwargs):
        raise ValidationError("Mỗi mô hình có tối đa 0 tài liệu.")

    original_attach = services._attach
    calls = {"n": 0}

    def attach_then_fail(**kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            boom()
        item = original_attach(**kwargs)
        stored_before.add(item.file)
        return item

    monkeypatch.setattr(services, "_attach", attach_then_fail)
    with pytest.raises(ValidationError):
        register(cast.officer_a, photos=[checked_photo()], documents=[checked_pdf()])
    assert not Practice.objects.exists()
    assert stored_before and not any(default_storage.exists(name) for name in stored_before)


def test_unit_edits_its_registered_practice_and_the_edit_is_logged(cast):
    practice = register(cast.officer_a)
    updated = services.update_practice(actor=cast.head_a, practice=practice, results="100% hồ sơ đúng hạn.")
    assert updated.results == "100% hồ sơ đúng hạn."
    assert list(practice.events.values_list("action", flat=True)) == ["registered", "edited"]


def test_unit_below_is_editable_by_the_unit_above_but_not_the_reverse(cast):
    head_child = _head_of(cast.unit_a_child)
    practice = register(head_child, name="Tổ hòa giải ở cơ sở")
    services.update_practice(actor=cast.officer_a, practice=practice, place="Thôn Như Quỳnh")
    above = register(cast.officer_a, name="Mô hình của huyện")
    with pytest.raises(PermissionDenied):
        services.update_practice(actor=head_child, practice=above, place="Khác")


def test_another_units_practice_cannot_be_edited_or_given_files(cast):
    practice = register(cast.officer_a)
    with pytest.raises(PermissionDenied):
        services.update_practice(actor=cast.head_b, practice=practice, name="Đổi tên")
    with pytest.raises(PermissionDenied):
        services.add_practice_file(
            actor=cast.officer_b, practice=practice, checked=checked_pdf(), role="document"
        )
    practice.refresh_from_db()
    assert practice.name == "Bộ phận một cửa thân thiện"
    assert not practice.files.exists()


def test_recognition_freezes_the_practice(cast):
    practice = register(cast.officer_a, photos=[checked_photo()])
    recognise(practice, cast.appraiser)
    practice.refresh_from_db()
    assert practice.state == PracticeState.RECOGNISED
    assert practice.recognition_number == "1234/QĐ-UBND"
    with pytest.raises(ValidationError, match="đã được công nhận nên không sửa được"):
        services.update_practice(actor=cast.officer_a, practice=practice, name="Tên mới")
    with pytest.raises(ValidationError, match="không thêm tệp"):
        services.add_practice_file(
            actor=cast.officer_a, practice=practice, checked=checked_pdf(), role="document"
        )
    photo = practice.files.get()
    with pytest.raises(ValidationError, match="không xóa tệp"):
        services.remove_practice_file(actor=cast.officer_a, practice_file=photo)
    assert PracticeFile.objects.filter(pk=photo.pk).exists()


def test_recognition_needs_the_decision_and_sở_nội_vụ(cast):
    practice = register(cast.officer_a)
    with pytest.raises(PermissionDenied):
        recognise(practice, cast.head_a)
    with pytest.raises(PermissionDenied):
        recognise(practice, cast.leader)
    with pytest.raises(ValidationError) as caught:
        services.recognise_practice(
            actor=cast.appraiser, practice=practice, decision_number=" ", decision_date=None, issuer=""
        )
    assert "Hãy nhập số quyết định" in " ".join(caught.value.messages)
    with pytest.raises(ValidationError, match="tương lai"):
        recognise(practice, cast.appraiser, date=datetime.date(2099, 1, 1))
    with pytest.raises(ValidationError, match="sau ngày bắt đầu"):
        recognise(practice, cast.appraiser, date=datetime.date(2024, 1, 1))
    practice.refresh_from_db()
    assert practice.state == PracticeState.REGISTERED
    recognise(practice, cast.manager)
    with pytest.raises(ValidationError, match="đã được công nhận trước đó"):
        recognise(practice, cast.appraiser)


def test_featuring_needs_recognition_first_and_happens_once(cast):
    practice = register(cast.officer_a)
    with pytest.raises(ValidationError, match="chưa được công nhận"):
        services.feature_practice(actor=cast.appraiser, practice=practice)
    done = featured(practice, cast.appraiser)
    assert done.state == PracticeState.FEATURED and done.featured_at is not None
    with pytest.raises(ValidationError, match="đã là điển hình"):
        services.feature_practice(actor=cast.appraiser, practice=practice)
    with pytest.raises(PermissionDenied):
        services.feature_practice(actor=cast.head_a, practice=register(cast.officer_a, name="Khác"))
    history = list(practice.events.values_list("action", "from_state", "to_state"))
    assert history == [
        ("registered", "", "registered"),
        ("recognised", "registered", "recognised"),
        ("featured", "recognised", "featured"),
    ]


def test_photo_slot_accepts_only_images(cast):
    practice = register(cast.officer_a)
    with pytest.raises(ValidationError, match="JPEG"):
        services.add_practice_file(
            actor=cast.officer_a, practice=practice, checked=checked_pdf(), role="photo"
        )
    assert not practice.files.exists()


def test_history_is_append_only(cast):
    practice = register(cast.officer_a)
    event = practice.events.get()
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        PracticeEvent.objects.filter(pk=event.pk).update(comment="sửa")


@pytest.mark.integration
def test_history_is_append_only_in_the_database_too(cast, require_postgresql):
    practice = register(cast.officer_a)
    with pytest.raises(Exception, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE practices_practiceevent SET comment = 'x' WHERE practice_id = %s", [practice.pk]
        )
    with pytest.raises(Exception, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM practices_practiceevent WHERE practice_id = %s", [practice.pk])
    assert practice.events.count() == 1


def test_database_refuses_a_recognised_state_without_decision(cast):
    practice = register(cast.officer_a)
    # Past the service on purpose (raw SQL): the database constraint itself must refuse it.
    with (
        pytest.raises(IntegrityError, match="practice_recognised_has_decision"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "UPDATE practices_practice SET state = %s WHERE id = %s", [PracticeState.RECOGNISED, practice.pk]
        )
    assert Practice.objects.get(pk=practice.pk).state == PracticeState.REGISTERED


def _head_of(unit):
    from campaigns import roles
    from tests.factories import make_user

    return make_user(f"head_{unit.code.lower()}", roles.UNIT_HEAD, unit)
