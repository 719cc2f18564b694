"""Certificates: one awardee's PDF at once; all of a decision's are a report job built by a real Celery
worker, covered by the jobs' lease and sweeper."""

import datetime
import io
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from reports import jobs as building
from reports import services as report_services
from reports.models import ReportJob
from tests.conftest import ARTIFACTS
from tests.factories import GIAY_KHEN, PersonFactory, award_round, award_type

from .flow import unit_decision


def _decision(cast):
    award_type(GIAY_KHEN)
    people = [
        PersonFactory(
            unit=cast.unit_a, full_name="Nguyễn Thị Ánh Tuyết", personal_id="033198765432", gender="female"
        ),
        PersonFactory(unit=cast.unit_a, full_name="Đỗ Văn Hưởng"),
    ]
    return unit_decision(
        cast,
        award_round(),
        "09/QĐ-UBND",
        datetime.date(2026, 2, 3),
        signer_name="Phạm Quốc Khánh",
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
def test_all_certificates_of_a_decision_are_built_by_the_worker(cast, client_for, celery_worker, settings):
    settings.MEDIA_ROOT = celery_worker.env["MEDIA_ROOT"]  # the worker writes the file, the web serves it
    decision = _decision(cast)
    client = client_for(cast.head_a)
    url = reverse("reports:certificates", args=[decision.pk])
    assert "Tạo tệp PDF" in client.get(url).content.decode()
    client.post(url)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        status = ReportJob.objects.values_list("state", flat=True).get(kind="certificates", decision=decision)
        if status in ("done", "failed"):
            break
        time.sleep(0.5)
    assert status == "done", celery_worker.log()[-2000:]
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    reader, text = _text(response.content)
    assert len(reader.pages) == 3
    assert (
        "Nguyễn Thị Ánh Tuyết" in text and "Đỗ Văn Hưởng" in text and cast.unit_a_child.official_name in text
    )
    assert "033198765432" not in text
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "awards-giay-khen.pdf").write_bytes(response.content)
    # A second request does not build it again.
    client.post(url)
    assert ReportJob.objects.filter(kind="certificates").count() == 1


@pytest.mark.django_db
def test_a_certificates_job_stuck_at_running_is_picked_up_by_the_sweeper(
    cast, django_capture_on_commit_callbacks
):
    decision = _decision(cast)
    with (
        mock.patch("reports.tasks.build_report.apply_async") as send,
        django_capture_on_commit_callbacks(execute=True),
    ):
        job = report_services.request_certificates(actor=cast.head_a, decision=decision)
    send.assert_called_once_with(kwargs={"job_id": job.pk})
    # A worker took it, then died: its heartbeat is older than the lease.
    building.claim(job.pk, "gone-host:4242")
    ReportJob.objects.filter(pk=job.pk).update(
        heartbeat_at=timezone.now() - building.lease() - timedelta(minutes=1)
    )
    with (
        mock.patch("reports.tasks.build_report.apply_async") as send,
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert report_services.requeue_stuck_jobs() == 1
    send.assert_called_once_with(kwargs={"job_id": job.pk})
    job.refresh_from_db()
    assert (job.state, job.owner, job.step) == ("queued", "", "Đang chờ chạy lại")
    assert building.run_job(job_id=job.pk) == "done"
    job.refresh_from_db()
    assert job.state == "done" and job.attempts == 2
    reader, text = _text(building.storage.path_of(job.file.name).read_bytes())
    assert len(reader.pages) == 3 and "Đỗ Văn Hưởng" in text


@pytest.mark.django_db
def test_certificates_are_asked_for_once_and_only_by_who_may_print_them(cast):
    from django.core.exceptions import PermissionDenied

    decision = _decision(cast)
    with pytest.raises(PermissionDenied), mock.patch("reports.tasks.build_report.apply_async"):
        report_services.request_certificates(actor=cast.officer_a, decision=decision)
    with mock.patch("reports.tasks.build_report.apply_async"):
        first = report_services.request_certificates(actor=cast.head_a, decision=decision)
        again = report_services.request_certificates(actor=cast.head_a, decision=decision)
    assert first.pk == again.pk and (first.kind, first.decision, first.state) == (
        "certificates",
        decision,
        "queued",
    )
