"""Asking for a report, building it once and only once, surviving a dead worker, failing in Vietnamese."""

import hashlib
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from documents.issuers import default_signer
from reports import jobs as building
from reports import services, storage
from reports.content import summary
from reports.models import ReportJob

from .conftest import fail_job, hold, make_job, pdf_text

pytestmark = pytest.mark.django_db


def _media(job) -> Path:
    return Path(settings.MEDIA_ROOT) / job.file.name


def test_request_creates_the_row_and_sends_the_task_after_commit(
    sample, cast, django_capture_on_commit_callbacks
):
    with mock.patch("reports.tasks.build_report.apply_async") as send:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            job = services.request_report(
                actor=cast.leader, kind="annual", campaign=sample.campaign, year=2025
            )
        assert send.call_count == 0  # nothing leaves before the transaction commits
        for callback in callbacks:
            callback()
    send.assert_called_once_with(kwargs={"job_id": job.pk})
    assert job.state == "queued" and job.version == 1
    # No part written yet: the job records that none was (tests/reports/test_narrative_report.py).
    # None chosen: the register's default signer of Sở Nội vụ today, kept with the job.
    signer = default_signer(sample.campaign.appraising_unit, timezone.localdate())
    assert job.parameters == {
        "campaign": sample.campaign.number,
        "format": "pdf",
        "year": 2025,
        "narrative": {},
        "signer": signer.pk,
    }


def test_each_request_is_a_new_version_of_its_series(sample, cast, django_capture_on_commit_callbacks):
    with (
        mock.patch("reports.tasks.build_report.apply_async"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        first = services.request_report(actor=cast.manager, kind="final", campaign=sample.campaign)
        second = services.request_report(actor=cast.leader, kind="final", campaign=sample.campaign, year=2025)
        other = services.request_report(
            actor=cast.leader, kind="final", campaign=sample.campaign, format="xlsx"
        )
    assert (first.version, second.version, other.version) == (1, 2, 1)
    assert second.year is None  # an end-of-campaign report has no year


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "annual", "year": 2023}, "nằm ngoài thời gian"),
        ({"kind": "annual"}, "Hãy chọn năm"),
        ({"kind": "proposal"}, "Hãy chọn một đợt khen thưởng"),
        ({"kind": "unit"}, "Hãy chọn đơn vị"),
        ({"kind": "annual", "year": 2025, "format": "odt"}, "Định dạng tệp không hợp lệ"),
    ],
)
def test_bad_requests_are_refused_in_vietnamese_and_write_nothing(sample, cast, kwargs, message):
    with (
        mock.patch("reports.tasks.build_report.apply_async") as send,
        pytest.raises(ValidationError) as error,
    ):
        services.request_report(actor=cast.leader, campaign=sample.campaign, **kwargs)
    assert message in " ".join(error.value.messages)
    assert not ReportJob.objects.exists()
    send.assert_not_called()


def test_units_ask_only_for_their_own_units_reports(sample, cast):
    with mock.patch("reports.tasks.build_report.apply_async"):
        with pytest.raises(PermissionDenied):
            services.request_report(actor=cast.head_a, kind="annual", campaign=sample.campaign, year=2025)
        with pytest.raises(PermissionDenied):
            services.request_report(
                actor=cast.head_a, kind="unit", campaign=sample.campaign, unit=cast.unit_b
            )
        with pytest.raises(PermissionDenied):
            services.request_report(actor=cast.council, kind="final", campaign=sample.campaign)
        assert not ReportJob.objects.exists()
        job = services.request_report(
            actor=cast.head_a, kind="unit", campaign=sample.campaign, unit=cast.unit_a_child
        )
    assert job.unit == cast.unit_a_child


def test_a_job_runs_to_done_with_its_file_size_and_hash(sample, cast):
    job = make_job(cast.leader, sample.campaign)
    assert building.run_job(job_id=job.pk) == "done"
    job.refresh_from_db()
    data = _media(job).read_bytes()
    assert job.state == "done" and job.progress == 100 and job.finished_at and job.attempts == 1
    assert job.size == len(data) and job.sha256 == hashlib.sha256(data).hexdigest()
    assert "Kết quả thực hiện phong trào thi đua năm 2025" in pdf_text(data)
    assert not list(_media(job).parent.glob("*.part"))


def test_a_done_job_returns_at_once_and_keeps_its_file(sample, cast):
    job = make_job(cast.leader, sample.campaign, format="xlsx")
    building.run_job(job_id=job.pk)
    job.refresh_from_db()
    before = (job.sha256, _media(job).stat().st_mtime_ns)
    with mock.patch.object(building, "gather") as gather:
        assert building.run_job(job_id=job.pk) == "skipped"
    gather.assert_not_called()
    job.refresh_from_db()
    assert (job.sha256, _media(job).stat().st_mtime_ns) == before


def test_a_missing_job_is_ignored_quietly():
    assert building.run_job(job_id=987654) == "skipped"


def test_a_job_held_by_a_live_worker_is_left_alone(sample, cast):
    job = make_job(cast.leader, sample.campaign)
    hold(job, "another-host:4242")
    assert building.run_job(job_id=job.pk) == "skipped"
    assert ReportJob.objects.get(pk=job.pk).owner == "another-host:4242"


def test_a_job_whose_worker_died_is_taken_over_and_its_partial_file_removed(sample, cast):
    job = make_job(cast.leader, sample.campaign)
    name = storage.file_name_for(job)
    leftover = Path(settings.MEDIA_ROOT) / Path(name).parent / f".{Path(name).name}.dead.part"
    leftover.parent.mkdir(parents=True, exist_ok=True)
    leftover.write_bytes(b"%PDF-1.7 half a file")
    dead_pid = 2**22 + 12345  # above pid_max on this machine: no such process
    hold(job, f"{building.socket.gethostname()}:{dead_pid}", progress=40)
    assert building.run_job(job_id=job.pk) == "done"
    job.refresh_from_db()
    assert job.attempts == 2
    assert not leftover.exists()
    assert [p.name for p in _media(job).parent.iterdir()] == [_media(job).name]


def test_a_failing_job_records_a_vietnamese_error(sample, cast):
    job = make_job(cast.leader, sample.campaign)
    broken = [*summary.SECTIONS[:3], ("Khen thưởng", mock.Mock(side_effect=RuntimeError("boom")))]
    with mock.patch.object(summary, "SECTIONS", broken):
        assert building.run_job(job_id=job.pk) == "failed"
    job.refresh_from_db()
    assert job.state == "failed" and not job.file
    assert "Không tạo được báo cáo" in job.error and f"#{job.pk}" in job.error and "Thử lại" in job.error
    assert "boom" not in job.error


def test_transient_errors_propagate_for_the_task_to_retry(sample, cast):
    from django.db import OperationalError

    job = make_job(cast.leader, sample.campaign)
    with (
        mock.patch.object(building, "gather", side_effect=OperationalError("server closed")),
        pytest.raises(OperationalError),
    ):
        building.run_job(job_id=job.pk, owner="h:1")
    building.release(job_id=job.pk, owner="h:1")
    assert ReportJob.objects.get(pk=job.pk).state == "queued"


def test_retry_puts_a_failed_job_back_in_the_queue(sample, cast, django_capture_on_commit_callbacks):
    job = make_job(cast.leader, sample.campaign)
    fail_job(job, "Lỗi", attempts=3)
    with (
        mock.patch("reports.tasks.build_report.apply_async") as send,
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.retry_report(actor=cast.leader, job=job)
        with pytest.raises(ValidationError):
            services.retry_report(actor=cast.leader, job=job)  # now queued: nothing to retry
    send.assert_called_once_with(kwargs={"job_id": job.pk})
    job.refresh_from_db()
    assert (job.state, job.error, job.attempts) == ("queued", "", 0)


def test_the_sweeper_requeues_jobs_stuck_past_their_lease(sample, cast, django_capture_on_commit_callbacks):
    stuck = make_job(cast.leader, sample.campaign)
    fresh = make_job(cast.leader, sample.campaign)
    worn = make_job(cast.leader, sample.campaign)
    old = timezone.now() - building.lease() - timedelta(minutes=1)
    hold(stuck, "x:1", heartbeat_at=old, attempts=1)
    hold(fresh, "x:2")
    hold(worn, "x:3", heartbeat_at=old, attempts=3)
    with (
        mock.patch("reports.tasks.build_report.apply_async") as send,
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.requeue_stuck_jobs()
    assert [c.kwargs["kwargs"]["job_id"] for c in send.call_args_list] == [stuck.pk]
    assert ReportJob.objects.get(pk=stuck.pk).state == "queued"
    assert ReportJob.objects.get(pk=fresh.pk).state == "running"
    worn = ReportJob.objects.get(pk=worn.pk)
    assert worn.state == "failed" and "3 lần" in worn.error


def test_the_task_is_declared_to_survive_worker_loss():
    from reports.tasks import build_report

    assert build_report.name == "reports.build_report"
    assert build_report.acks_late and build_report.reject_on_worker_lost
    assert build_report.soft_time_limit < build_report.time_limit
    from emulation_portal.celery import app

    assert app.conf.worker_prefetch_multiplier == 1
