"""Certificates: one awardee's PDF at once; all of a decision's built by a real Celery worker."""

import datetime
import io
import time

import pytest
from django.urls import reverse
from pypdf import PdfReader

from awards.models import CertificateBundle
from awards.services import record_unit_decision
from tests.conftest import ARTIFACTS
from tests.factories import GIAY_KHEN, PersonFactory, award_round, award_type


def _decision(cast):
    award_type(GIAY_KHEN)
    people = [
        PersonFactory(
            unit=cast.unit_a, full_name="Nguyễn Thị Ánh Tuyết", personal_id="033198765432", gender="female"
        ),
        PersonFactory(unit=cast.unit_a, full_name="Đỗ Văn Hưởng"),
    ]
    return record_unit_decision(
        actor=cast.head_a,
        round=award_round(),
        number="09/QĐ-UBND",
        issued_on=datetime.date(2026, 2, 3),
        signer_name="Phạm Quốc Khánh",
        signer_title="Chủ tịch",
        people=people,
        units=[cast.unit_a_child],
    ).decision


def _text(body: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(body))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.django_db
def test_one_certificate_is_a_landscape_page_without_personal_id(cast, client_for):
    decision = _decision(cast)
    award = decision.awards.get(recipient_name="Nguyễn Thị Ánh Tuyết")
    response = client_for(cast.head_a).get(reverse("awards:certificate", args=[decision.pk, award.pk]))
    assert response["Content-Type"] == "application/pdf"
    reader, text = _text(response.content)
    box = reader.pages[0].mediabox
    assert len(reader.pages) == 1 and float(box.width) > float(box.height)
    assert "GIẤY KHEN" in text and "Bà Nguyễn Thị Ánh Tuyết" in text
    assert "09/QĐ-UBND" in text and "033198765432" not in text and "5432" not in text


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_all_certificates_of_a_decision_are_built_by_the_worker(cast, client_for, celery_worker):
    decision = _decision(cast)
    client = client_for(cast.head_a)
    url = reverse("awards:certificates", args=[decision.pk])
    assert "Tạo tệp PDF" in client.get(url).content.decode()
    client.post(url)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        status = CertificateBundle.objects.values_list("status", flat=True).get(decision=decision)
        if status in ("done", "failed"):
            break
        time.sleep(0.5)
    assert status == "done", celery_worker.log()[-2000:]
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    reader, text = _text(response.content)
    assert len(reader.pages) == 3
    assert "Nguyễn Thị Ánh Tuyết" in text and "Đỗ Văn Hưởng" in text and cast.unit_a_child.name in text
    assert "033198765432" not in text
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "awards-giay-khen.pdf").write_bytes(response.content)
    # A second request does not build it again.
    client.post(url)
    assert CertificateBundle.objects.count() == 1
