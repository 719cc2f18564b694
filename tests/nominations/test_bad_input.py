"""Bad input: wrong files, missing documents, wrong state or window, other units' ids, extra fields."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nominations.models import DossierDocument, Nomination, State
from nominations.services import content, workflow
from tests import files

pytestmark = pytest.mark.django_db


def upload(client, nomination, setup, f):
    return client.post(
        reverse("nominations:upload", args=[nomination.pk]),
        {"document_type": setup.doc_types["bao-cao-thanh-tich"].pk, "file": f},
        follow=True,
    )


@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (files.html_as_pdf, "không phải là PDF, Word (DOCX), Excel (XLSX), Ảnh JPEG, Ảnh PNG thật"),
        (files.png_html_polyglot, "chứa mã HTML/SVG bên trong"),
        (lambda: SimpleUploadedFile("bao-cao.docx", files.PDF_BYTES), "phần mở rộng không khớp"),
    ],
    ids=["html-renamed-pdf", "png-html-polyglot", "wrong-extension"],
)
def test_bad_files_are_refused_with_a_vietnamese_message(
    cast, setup, draft, client_for, make_file, message, settings
):
    response = upload(client_for(cast.officer_a), draft, setup, make_file())
    assert message in response.content.decode()
    assert not DossierDocument.objects.exists()
    media = settings.MEDIA_ROOT
    assert not any(p.is_file() for p in media.rglob("*")) if media.exists() else True


class RawUpload:
    """An upload object whose name was not sanitised (as from a caller other than Django's parser)."""

    def __init__(self, name, data):
        self.name, self._data, self.size, self._pos = name, data, len(data), 0

    def seek(self, pos):
        self._pos = pos

    def read(self):
        return self._data


def test_a_path_in_the_name_is_refused_by_the_service(cast, setup, draft):
    for name in ("../../etc/passwd.pdf", "a\\b.pdf", ".hidden.pdf"):
        with pytest.raises(ValidationError, match="Tên tệp không hợp lệ"):
            content.add_document(
                actor=cast.officer_a,
                nomination=draft,
                document_type=setup.doc_types["to-trinh"],
                upload=RawUpload(name, files.PDF_BYTES),
            )
    assert not DossierDocument.objects.exists()


def test_a_path_sent_through_the_page_is_stripped_and_the_file_stored_under_a_generated_name(
    cast, setup, draft, client_for
):
    upload(
        client_for(cast.officer_a), draft, setup, SimpleUploadedFile("../../etc/passwd.pdf", files.PDF_BYTES)
    )
    document = DossierDocument.objects.get()
    assert "/" not in document.original_name and ".." not in document.original_name
    assert document.storage_name.startswith(f"dossiers/{draft.pk}/") and "passwd" not in document.storage_name


def test_too_large_file_is_refused(cast, setup, draft, client_for, settings):
    settings.UPLOAD_MAX_BYTES = 100
    response = upload(
        client_for(cast.officer_a), draft, setup, SimpleUploadedFile("lon.pdf", files.PDF_BYTES * 3)
    )
    assert "vượt mức tối đa" in response.content.decode()
    assert not DossierDocument.objects.exists()


def test_docx_is_accepted(cast, setup, draft, client_for):
    upload(client_for(cast.officer_a), draft, setup, files.docx_upload("bao-cao.docx"))
    assert DossierDocument.objects.get().kind == "docx"


def test_submit_with_missing_documents_shows_the_list_and_changes_nothing(cast, setup, draft, client_for):
    response = client_for(cast.head_a).post(reverse("nominations:submit", args=[draft.pk]), follow=True)
    text = response.content.decode()
    assert "Hồ sơ còn thiếu: Tờ trình của đơn vị; Báo cáo thành tích; Biên bản họp" in text
    draft.refresh_from_db()
    assert draft.state == State.DRAFT and draft.events.count() == 1


def test_second_submission_through_the_page(cast, complete_draft, client_for):
    head = client_for(cast.head_a)
    head.post(reverse("nominations:submit", args=[complete_draft.pk]))
    response = head.post(reverse("nominations:submit", args=[complete_draft.pk]), follow=True)
    assert "đang ở trạng thái “Đã nộp” nên không thể nộp" in response.content.decode()
    assert complete_draft.events.count() == 2


def test_return_in_the_wrong_state_is_refused(cast, complete_draft, client_for):
    response = client_for(cast.appraiser).post(
        reverse("nominations:return", args=[complete_draft.pk]), {"return-reason": "x"}
    )
    # A draft is not Sở Nội vụ's to see at all.
    assert response.status_code == 404
    workflow.submit(actor=cast.head_a, nomination=complete_draft)
    response = client_for(cast.manager).post(
        reverse("nominations:return", args=[complete_draft.pk]), {"return-reason": "x"}, follow=True
    )
    assert "không thể trả lại" in response.content.decode()
    complete_draft.refresh_from_db()
    assert complete_draft.state == State.SUBMITTED


def test_editing_after_the_window_closed_is_refused(cast, setup, complete_draft, client_for):
    setup.round.opens_on = datetime.date(2026, 10, 1)
    setup.round.closes_on = datetime.date(2026, 11, 20)
    setup.round.save()
    officer = client_for(cast.officer_a)
    response = officer.post(
        reverse("nominations:edit_summary", args=[complete_draft.pk]), {"summary": "Sửa muộn"}, follow=True
    )
    assert "đã hết hạn nhận hồ sơ" in response.content.decode()
    complete_draft.refresh_from_db()
    assert complete_draft.summary != "Sửa muộn"
    page = officer.get(reverse("nominations:detail", args=[complete_draft.pk])).content.decode()
    assert "Lưu tóm tắt" not in page and 'enctype="multipart/form-data"' not in page


def test_another_units_ids_in_the_create_form_are_refused(cast, setup, client_for):
    response = client_for(cast.officer_a).post(
        reverse("nominations:create"),
        {
            "round": setup.round.pk,
            "award_type": setup.award_type.pk,
            "subject": "collective",
            "nominee_unit": cast.unit_b.pk,
            "proposing_unit": cast.unit_b.pk,
        },
    )
    assert response.status_code == 200 and "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert not Nomination.objects.exists()


def test_another_units_document_id_in_the_self_assessment_is_refused(cast, setup, draft, client_for):
    other = setup.dossier(nominee_unit=cast.unit_b, created_by=cast.officer_b)
    foreign = content.add_document(
        actor=cast.officer_b,
        nomination=other,
        document_type=setup.doc_types["to-trinh"],
        upload=files.pdf_upload(),
    )
    criterion = setup.sets["collective"].criteria.get(code="b")
    client_for(cast.officer_a).post(
        reverse("nominations:self_assess", args=[draft.pk]),
        {f"c{criterion.pk}_met": "yes", f"c{criterion.pk}_documents": [foreign.pk]},
    )
    assert not draft.assessments.exists()


def test_extra_post_fields_are_ignored(cast, setup, draft, client_for):
    client_for(cast.officer_a).post(
        reverse("nominations:edit_summary", args=[draft.pk]),
        {
            "summary": "Mới",
            "state": "awarded",
            "proposing_unit": cast.unit_b.pk,
            "appraiser": cast.appraiser.pk,
            "score": "100",
        },
    )
    draft.refresh_from_db()
    assert draft.summary == "Mới" and draft.state == State.DRAFT
    assert draft.proposing_unit == cast.unit_a and draft.appraiser is None and draft.score is None


def test_points_above_the_maximum_are_refused(cast, setup, complete_draft, client_for):
    workflow.submit(actor=cast.head_a, nomination=complete_draft)
    workflow.take(actor=cast.appraiser, nomination=complete_draft)
    criterion = setup.sets["collective"].criteria.get(code="b")
    client_for(cast.appraiser).post(
        reverse("nominations:score", args=[complete_draft.pk]), {f"c{criterion.pk}_points": "11"}
    )
    assert not complete_draft.assessments.filter(appraiser_points__isnull=False).exists()
