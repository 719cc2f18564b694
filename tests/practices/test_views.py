"""Pages of practices and difficulties: forms, bad input, extra fields, constant query counts."""

import datetime

import pytest
from django.urls import reverse

from practices.models import Difficulty, DifficultyState, Practice, PracticeFile, PracticeState
from tests.factories import PersonFactory
from tests.files import PDF_BYTES, pdf_upload, png_bytes, png_upload

from .helpers import (
    checked_pdf,
    checked_photo,
    featured,
    raise_difficulty,
    recognise,
    register,
)

pytestmark = [pytest.mark.django_db]


def _practice_post(**extra):
    data = {
        "kind": "model",
        "name": "Dân vận khéo trong giải phóng mặt bằng",
        "field": "economy",
        "place": "Xã Lạc Hồng",
        "description": "Cán bộ đến từng hộ, đối thoại công khai phương án bồi thường.",
        "results": "Vận động 120 hộ bàn giao 35 ha mặt bằng đúng tiến độ.",
        "started_on": "01/03/2025",
        "ended_on": "",
        "person": "",
    }
    data.update(extra)
    return data


def test_unit_registers_with_a_photo_and_extra_fields_are_ignored(cast, client_for):
    client = client_for(cast.officer_a)
    data = _practice_post(state="featured", unit=str(cast.unit_b.pk), recognition_number="99/QĐ")
    data["photos"] = [png_upload("anh-1.png"), png_upload("anh-2.png")]
    data["documents"] = pdf_upload()
    response = client.post(reverse("practices:practice_create"), data)
    practice = Practice.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("practices:practice_detail", args=[practice.pk])
    assert practice.state == PracticeState.REGISTERED
    assert practice.unit == cast.unit_a
    assert practice.recognition_number == ""
    assert practice.started_on == datetime.date(2025, 3, 1)
    assert practice.files.filter(role="photo").count() == 2
    page = client.get(response.url)
    assert "Dân vận khéo trong giải phóng mặt bằng" in page.content.decode()
    photo = practice.files.filter(role="photo").first()
    served = client.get(reverse("practices:practice_file", args=[practice.pk, photo.pk]))
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert b"".join(served.streaming_content) == png_bytes()


def test_a_fake_photo_is_refused_with_a_vietnamese_sentence_and_nothing_is_written(cast, client_for):
    client = client_for(cast.officer_a)
    data = _practice_post()
    data["photos"] = pdf_upload("anh.png")
    response = client.post(reverse("practices:practice_create"), data)
    assert response.status_code == 200
    assert "không phải là Ảnh JPEG, Ảnh PNG thật" in response.content.decode()
    assert not Practice.objects.exists() and not PracticeFile.objects.exists()


def test_missing_fields_and_bad_dates_say_what_to_do(cast, client_for):
    client = client_for(cast.officer_a)
    response = client.post(
        reverse("practices:practice_create"),
        _practice_post(name="", started_on="01/05/2025", ended_on="01/01/2025"),
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Ngày kết thúc phải sau ngày bắt đầu" in text
    assert not Practice.objects.exists()


def test_edit_ignores_state_and_unit(cast, client_for):
    practice = register(cast.officer_a)
    client = client_for(cast.head_a)
    data = _practice_post(
        name="Bộ phận một cửa thân thiện, hiện đại", state="featured", unit=str(cast.unit_b.pk)
    )
    response = client.post(reverse("practices:practice_edit", args=[practice.pk]), data)
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.name == "Bộ phận một cửa thân thiện, hiện đại"
    assert practice.state == PracticeState.REGISTERED and practice.unit == cast.unit_a


def test_recognised_practice_edit_page_says_it_is_frozen(cast, client_for):
    practice = recognise(register(cast.officer_a), cast.appraiser)
    client = client_for(cast.officer_a)
    response = client.post(
        reverse("practices:practice_edit", args=[practice.pk]), _practice_post(name="Đổi"), follow=True
    )
    assert "đã được công nhận nên không sửa được" in response.content.decode()
    practice.refresh_from_db()
    assert practice.name == "Bộ phận một cửa thân thiện"


def test_sở_nội_vụ_recognises_and_features_through_the_pages(cast, client_for):
    practice = register(cast.officer_a)
    client = client_for(cast.appraiser)
    url = reverse("practices:practice_recognise", args=[practice.pk])
    bad = client.post(
        url, {"decision_number": "", "decision_date": "31/02/2025", "issuer": "UBND tỉnh Hưng Yên"}
    )
    assert bad.status_code == 200
    practice.refresh_from_db()
    assert practice.state == PracticeState.REGISTERED
    ok = client.post(
        url,
        {"decision_number": "1234/QĐ-UBND", "decision_date": "15/10/2025", "issuer": "UBND tỉnh Hưng Yên"},
    )
    assert ok.status_code == 302
    client.post(reverse("practices:practice_feature", args=[practice.pk]), {"comment": "Nhân rộng toàn tỉnh"})
    practice.refresh_from_db()
    assert practice.state == PracticeState.FEATURED
    again = client.post(reverse("practices:practice_feature", args=[practice.pk]), {}, follow=True)
    assert "đã là điển hình nhân rộng" in again.content.decode()


def test_upload_and_remove_a_file_while_registered(cast, client_for):
    practice = register(cast.officer_a)
    client = client_for(cast.officer_a)
    url = reverse("practices:practice_file_add", args=[practice.pk])
    client.post(url, {"role": "document", "upload": pdf_upload(), "caption": "Báo cáo", "state": "featured"})
    item = practice.files.get()
    bad = client.post(url, {"role": "photo", "upload": pdf_upload("x.pdf")}, follow=True)
    assert "Tệp: Tệp “x.pdf” không phải là Ảnh JPEG, Ảnh PNG thật" in bad.content.decode()
    assert practice.files.count() == 1
    client.post(reverse("practices:practice_file_delete", args=[practice.pk, item.pk]))
    assert not practice.files.exists()
    assert list(practice.events.values_list("action", flat=True)) == [
        "registered",
        "file_added",
        "file_removed",
    ]


def test_public_page_shows_only_featured_without_personal_data(cast, client_for):
    person = PersonFactory(
        unit=cast.unit_a, full_name="Lê Văn Bình", personal_id="001099012345", position="Phó Chủ tịch UBND xã"
    )
    shown = featured(
        register(cast.officer_a, name="Tổ hòa giải ba cùng", person=person, photos=[checked_photo()]),
        cast.appraiser,
    )
    hidden = recognise(register(cast.officer_a, name="Chỉ được công nhận"), cast.appraiser)
    anonymous = client_for(None)
    listing = anonymous.get(reverse("practices:public_featured")).content.decode()
    assert "Tổ hòa giải ba cùng" in listing and "Chỉ được công nhận" not in listing
    detail = anonymous.get(reverse("practices:public_featured_detail", args=[shown.pk]))
    text = detail.content.decode()
    assert "Lê Văn Bình" in text and "UBND huyện Văn Lâm" in text
    for private in ("001099012345", "2345", "Phó Chủ tịch", "officer_a", "appraiser"):
        assert private not in text
    assert anonymous.get(reverse("practices:public_featured_detail", args=[hidden.pk])).status_code == 404
    photo = shown.files.get()
    assert anonymous.get(reverse("practices:public_photo", args=[shown.pk, photo.pk])).status_code == 200


def test_difficulty_from_raised_to_answered_through_the_pages(cast, client_for):
    unit = client_for(cast.officer_a)
    response = unit.post(
        reverse("practices:difficulty_create"),
        {
            "topic": "procedures",
            "title": "Phần mềm một cửa chậm",
            "description": "Hệ thống thường xuyên quá tải vào đầu tuần.",
            "attachments": pdf_upload(),
            "state": "closed",
            "unit": str(cast.unit_b.pk),
        },
    )
    item = Difficulty.objects.get()
    assert response.status_code == 302
    assert item.state == DifficultyState.RAISED and item.unit == cast.unit_a and item.files.count() == 1
    staff = client_for(cast.appraiser)
    empty = staff.post(reverse("practices:difficulty_answer", args=[item.pk]), {"answer": ""}, follow=True)
    assert "Nội dung trả lời: " in empty.content.decode()
    staff.post(
        reverse("practices:difficulty_answer", args=[item.pk]), {"answer": "Đã đề nghị VNPT nâng cấp."}
    )
    page = unit.get(reverse("practices:difficulty_detail", args=[item.pk])).content.decode()
    assert "Đã đề nghị VNPT nâng cấp." in page and "Sở Nội vụ trả lời" in page
    item.refresh_from_db()
    assert item.state == DifficultyState.ANSWERED


def test_closed_difficulty_cannot_be_edited_through_the_page(cast, client_for):
    item = raise_difficulty(cast.officer_a)
    client_for(cast.appraiser).post(reverse("practices:difficulty_close", args=[item.pk]), {"note": "Xong"})
    unit = client_for(cast.officer_a)
    response = unit.post(
        reverse("practices:difficulty_edit", args=[item.pk]),
        {"topic": "other", "title": "Đổi", "description": "Đổi"},
        follow=True,
    )
    assert "đã đóng nên không sửa được" in response.content.decode()
    item.refresh_from_db()
    assert item.title == "Thiếu kinh phí cho mô hình"
    upload = unit.post(
        reverse("practices:difficulty_file_add", args=[item.pk]), {"upload": pdf_upload()}, follow=True
    )
    assert "đã đóng" in upload.content.decode() and not item.files.exists()


def test_queue_shows_open_ones_oldest_first_with_age(cast, client_for):
    from django.utils import timezone

    young = raise_difficulty(cast.officer_a, title="Mới gửi")
    old = raise_difficulty(cast.officer_b, title="Gửi đã lâu")
    Difficulty.objects.filter(pk=old.pk).update(raised_at=timezone.now() - datetime.timedelta(days=30))
    answered = raise_difficulty(cast.officer_b, title="Đã xong")
    from practices.services import difficulties as difficulty_services

    difficulty_services.answer_difficulty(actor=cast.appraiser, difficulty=answered, answer="Trả lời")
    page = client_for(cast.appraiser).get(reverse("practices:difficulty_list"))
    rows = [(d.title, d.age) for d in page.context["page"].object_list]
    assert rows == [("Gửi đã lâu", 30), ("Mới gửi", 0)]
    assert young.pk
    unit_page = client_for(cast.officer_b).get(reverse("practices:difficulty_list"))
    assert {d.title for d in unit_page.context["page"].object_list} == {"Gửi đã lâu", "Đã xong"}


def test_file_downloads_are_checked(cast, client_for):
    item = raise_difficulty(cast.officer_a, attachments=[checked_pdf()])
    attachment = item.files.get()
    url = reverse("practices:difficulty_file", args=[item.pk, attachment.pk])
    assert client_for(cast.head_b).get(url).status_code == 404
    assert client_for(None).get(url).status_code == 302
    ok = client_for(cast.appraiser).get(url)
    assert ok.status_code == 200 and b"".join(ok.streaming_content) == PDF_BYTES
    assert "attachment" in ok["Content-Disposition"]


# --- Constant query counts -------------------------------------------------------------------


def _fill(cast, n: int, start: int = 0) -> None:
    """n practices in every state (each with a person and a photo) and n difficulties."""
    for i in range(start, start + n):
        person = PersonFactory(unit=cast.unit_a if i % 2 else cast.unit_b)
        actor = cast.officer_a if i % 2 else cast.officer_b
        practice = register(actor, name=f"Mô hình số {i}", person=person, photos=[checked_photo()])
        if i % 3 == 0:
            featured(practice, cast.appraiser)
        elif i % 3 == 1:
            recognise(practice, cast.appraiser)
        raise_difficulty(actor, title=f"Vướng mắc số {i}")


@pytest.mark.parametrize(
    "url_name, user",
    [
        ("practices:library", "nobody"),
        ("practices:library", "officer_a"),
        ("practices:register", "appraiser"),
        ("practices:register", "head_a"),
        ("practices:difficulty_list", "appraiser"),
        ("practices:difficulty_list", "officer_b"),
        ("practices:public_featured", None),
    ],
)
def test_list_pages_keep_a_constant_number_of_queries(
    cast, client_for, django_assert_max_num_queries, url_name, user
):
    client = client_for(cast.users()[user] if user else None)
    url = reverse(url_name)
    _fill(cast, 3)
    with django_assert_max_num_queries(20) as small:
        first = client.get(url)
    assert first.status_code == 200 and len(first.context["page"].object_list) >= 1
    _fill(cast, 18, start=100)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["page"].object_list) > len(first.context["page"].object_list)


def test_library_search_through_the_page(cast, client_for):
    recognise(register(cast.officer_a, name="Dân vận khéo trong giải phóng mặt bằng"), cast.appraiser)
    recognise(register(cast.officer_b, name="Bộ phận một cửa thân thiện"), cast.appraiser)
    page = client_for(cast.nobody).get(reverse("practices:library"), {"q": "giai phong MAT BANG"})
    assert [p.name for p in page.context["page"].object_list] == ["Dân vận khéo trong giải phóng mặt bằng"]
    page = client_for(cast.nobody).get(reverse("practices:library"), {"year": "1990", "q": "than thien"})
    assert page.status_code == 200  # an unknown year is dropped, not an error; the search still applies
    assert [p.name for p in page.context["page"].object_list] == ["Bộ phận một cửa thân thiện"]
