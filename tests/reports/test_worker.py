"""A real Celery worker builds a report; killing its child mid-job loses nothing and leaves no part file."""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from devdata.sample_report import build_sample
from reports import services
from reports.models import ReportJob

from .conftest import pdf_text

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _wait(job: ReportJob, predicate, worker, timeout: float = 120) -> ReportJob:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if predicate(job):
            return job
        time.sleep(0.3)
    raise AssertionError(f"job {job.pk} stuck in {job.state} {job.progress}%:\n{worker.log()[-3000:]}")


def _files(worker, job) -> list[Path]:
    folder = Path(worker.env["MEDIA_ROOT"]) / f"reports/{job.requested_at:%Y/%m}"
    return sorted(
        p
        for p in folder.iterdir()
        if p.name.startswith(f"{job.kind}-{job.pk}.") or p.name.startswith(f".{job.kind}-{job.pk}.")
    )


def test_a_real_worker_takes_a_job_from_queued_to_done(celery_worker, cast, settings):
    settings.MEDIA_ROOT = celery_worker.env["MEDIA_ROOT"]
    sample = build_sample(units=8, dossiers=24, awards=4)
    job = services.request_report(actor=cast.leader, kind="annual", campaign=sample.campaign, year=2025)
    assert job.state == "queued"
    job = _wait(job, lambda j: j.state in ("done", "failed"), celery_worker)
    assert job.state == "done", job.error
    data = (Path(settings.MEDIA_ROOT) / job.file.name).read_bytes()
    assert data.startswith(b"%PDF-") and len(data) == job.size
    text = " ".join(pdf_text(data).split())
    for heading in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BÁO CÁO",
        "Kết quả thực hiện phong trào thi đua năm 2025",
        "HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG",
        "KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG CÔNG TÁC DÂN VẬN CHÍNH QUYỀN",
        "KHÓ KHĂN, VƯỚNG MẮC",
    ):
        assert heading in text, heading


def test_killing_the_workers_child_mid_job_loses_nothing(celery_worker, cast, settings):
    settings.MEDIA_ROOT = celery_worker.env["MEDIA_ROOT"]
    sample = build_sample(units=8, dossiers=24, awards=4, seed=11)
    # One second per section: the job runs long enough to be killed in the middle of its work.
    job = services.request_report(
        actor=cast.leader, kind="final", campaign=sample.campaign, section_delay=1.0
    )
    job = _wait(job, lambda j: j.state == "running" and j.progress >= 10, celery_worker)
    first_owner = job.owner
    children = subprocess.run(
        ["pgrep", "-P", str(celery_worker.process.pid)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert children, "the worker has no pool process"
    for pid in children:
        os.kill(int(pid), signal.SIGKILL)
    job.refresh_from_db()
    assert job.state == "running" and job.owner == first_owner and job.progress < 100
    job = _wait(job, lambda j: j.state in ("done", "failed"), celery_worker, timeout=180)
    assert job.state == "done", job.error
    assert job.attempts == 2 and job.owner == ""
    files = _files(celery_worker, job)
    assert [p.name for p in files] == [Path(job.file.name).name]  # exactly one file, no .part left
    assert files[0].stat().st_size == job.size
    assert "Tổng kết phong trào thi đua" in pdf_text(files[0].read_bytes())
    assert "WorkerLostError" in celery_worker.log() or "SIGKILL" in celery_worker.log()
