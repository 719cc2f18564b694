"""The pages of both sides, driven through the Django test client."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from nominations import computed
from nominations.models import CriterionAssessment, DossierDocument, Nomination, State
from nominations.services import workflow
from tests import files
from tests.factories import make_complete, score_all

pytestmark = pytest.mark.django_db


def test_unit_list_create_and_detail(cast, setup, client_for):
    c = client_for(cast.officer_a)
    assert c.get(reverse("nominations:unit_list")).status_code == 200
    assert c.get(reverse("nominations:create")).status_code == 200
    response = c.post(
        reverse("nominations:create"),
        {
            "round": setup.round.pk,
            "award_type": setup.award_type.pk,
            "subject": "collective",
            "nominee_unit": cast.unit_a_child.pk,
            "proposing_unit": cast.unit_a.pk,
            "summary": "Thành tích nổi bật",
            "state": "appraised",  # ignored
        },
    )
    n = Nomination.objects.get()
    assert response.status_code == 302 and n.state == State.DRAFT
    page = c.get(reverse("nominations:detail", args=[n.pk]))
    text = page.content.decode()
    assert "Hồ sơ còn thiếu" in text and "Báo cáo thành tích" in text and "Tự đánh giá tiêu chí" in text


def test_officer_uploads_self_assesses_and_head_submits(cast, setup, draft, client_for):
    officer = client_for(cast.officer_a)
    for code in ("to-trinh", "bao-cao-thanh-tich", "bien-ban-hoi-dong"):
        r = officer.post(
            reverse("nominations:upload", args=[draft.pk]),
            {"document_type": setup.doc_types[code].pk, "file": files.pdf_upload(f"{code}.pdf")},
        )
        assert r.status_code == 302
    assert DossierDocument.objects.filter(nomination=draft).count() == 3
    doc = DossierDocument.objects.filter(nomination=draft).first()
    assert len(doc.sha256) == 64 and doc.storage_name.startswith(f"dossiers/{draft.pk}/")
    assert doc.original_name not in doc.storage_name
    form_page = officer.get(reverse("nominations:self_assess", args=[draft.pk]))
    assert form_page.status_code == 200
    data = {}
    for criterion in setup.sets["collective"].criteria.filter(evaluation="appraiser"):
        data.update(
            {f"c{criterion.pk}_met": "yes", f"c{criterion.pk}_points": "8", f"c{criterion.pk}_evidence": "KH"}
        )
    data[f"c{criterion.pk}_documents"] = [doc.pk]
    assert officer.post(reverse("nominations:self_assess", args=[draft.pk]), data).status_code == 302
    assert CriterionAssessment.objects.filter(nomination=draft, self_met=True).count() == 4
    # The officer may not submit; the head may.
    assert officer.post(reverse("nominations:submit", args=[draft.pk])).status_code == 403
    head = client_for(cast.head_a)
    head.post(reverse("nominations:submit", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.state == State.SUBMITTED
    # Locked: a new upload is refused with a message and nothing is stored.
    r = officer.post(
        reverse("nominations:upload", args=[draft.pk]),
        {"document_type": setup.doc_types["minh-chung"].pk, "file": files.pdf_upload()},
        follow=True,
    )
    assert "tài liệu và tự đánh giá đã khóa" in r.content.decode()
    assert DossierDocument.objects.filter(nomination=draft).count() == 3


def test_document_download_is_an_attachment_with_nosniff_and_pdf_view_is_inline(
    cast, setup, draft, client_for
):
    from nominations.services import content

    doc = content.add_document(
        actor=cast.officer_a,
        nomination=draft,
        document_type=setup.doc_types["to-trinh"],
        upload=files.pdf_upload(),
    )
    c = client_for(cast.officer_a)
    r = c.get(reverse("nominations:download", args=[draft.pk, doc.pk]))
    assert r.status_code == 200 and r["X-Content-Type-Options"] == "nosniff"
    assert (
        r["Content-Disposition"].startswith("attachment") and b"".join(r.streaming_content) == files.PDF_BYTES
    )
    r = c.get(reverse("nominations:view_pdf", args=[draft.pk, doc.pk]))
    assert r["Content-Disposition"].startswith("inline") and r["X-Frame-Options"] == "SAMEORIGIN"
    assert r["Content-Security-Policy"] == "frame-ancestors 'self'" and r["Content-Type"] == "application/pdf"
    # Another unit: 404, no hint the file exists.
    assert (
        client_for(cast.head_b).get(reverse("nominations:download", args=[draft.pk, doc.pk])).status_code
        == 404
    )


def test_appraisal_page_queue_and_full_appraisal(cast, setup, complete_draft, client_for):
    workflow.submit(actor=cast.head_a, nomination=complete_draft)
    appraiser = client_for(cast.appraiser)
    queue = appraiser.get(reverse("nominations:queue"))
    assert queue.status_code == 200 and complete_draft.code in queue.content.decode()
    appraiser.post(reverse("nominations:take_next"))
    complete_draft.refresh_from_db()
    assert complete_draft.state == State.IN_REVIEW
    page = appraiser.get(reverse("nominations:appraise", args=[complete_draft.pk]))
    text = page.content.decode()
    assert page.status_code == 200 and "Chấm điểm theo tiêu chí" in text
    # Computed criteria show the explanation the criteria app computes for this unit and round.
    expected = computed.evaluate(setup.sets["collective"].criteria.get(code="a"), complete_draft).explanation
    assert expected and escape(expected) in text
    data = {}
    for criterion in setup.sets["collective"].criteria.all():
        data[f"c{criterion.pk}_points"] = "9"
        data[f"c{criterion.pk}_comment"] = "Tốt"
    appraiser.post(reverse("nominations:score", args=[complete_draft.pk]), data)
    assert CriterionAssessment.objects.filter(nomination=complete_draft, appraiser_points=9).count() == 7
    appraiser.post(
        reverse("nominations:conclude", args=[complete_draft.pk]),
        {"conclude-verdict": "eligible", "conclude-reason": "Đạt"},
    )
    complete_draft.refresh_from_db()
    assert complete_draft.state == State.APPRAISED and complete_draft.score == 63
    leader = client_for(cast.leader)
    assert leader.get(reverse("nominations:detail", args=[complete_draft.pk])).status_code == 200
    assert complete_draft.code in leader.get(reverse("nominations:concluded")).content.decode()


def test_notifications_page_and_mark_read(cast, complete_draft, client_for):
    workflow.submit(actor=cast.head_a, nomination=complete_draft)
    c = client_for(cast.appraiser)
    assert complete_draft.code in c.get(reverse("nominations:notifications")).content.decode()
    c.post(reverse("nominations:mark_read"))
    assert not cast.appraiser.notifications.filter(read_at__isnull=True).exists()


def test_score_all_helper_is_consistent(cast, setup, complete_draft):
    make_complete(complete_draft, setup, cast.officer_a)
    score_all(complete_draft)
    assert CriterionAssessment.objects.filter(nomination=complete_draft, appraiser_points=8).count() == 7


def test_kept_form_markup_of_the_appraisal_page_shows_the_current_appraiser(cast, complete_draft, client_for):
    """The assign list's markup is kept in the cache under its choices and initial value: after an
    assignment the page shows the new appraiser chosen, not the markup of the first visit."""
    workflow.submit(actor=cast.head_a, nomination=complete_draft)
    manager = client_for(cast.manager)
    url = reverse("nominations:appraise", args=[complete_draft.pk])
    chosen = f'<option value="{cast.appraiser.pk}" selected>'
    first = manager.get(url).content.decode()
    assert 'name="appraiser"' in first and chosen not in first
    workflow.assign(actor=cast.manager, nomination=complete_draft, appraiser=cast.appraiser)
    assert chosen in manager.get(url).content.decode()
    # The assigned appraiser's conclusion fields: the same two choices on the first visit and from the
    # kept markup on the next.
    appraiser = client_for(cast.appraiser)
    for _visit in range(2):
        assert appraiser.get(url).content.decode().count('name="conclude-verdict"') == 2
