"""Running a report job: claim it, gather its content with progress, render, store atomically, finish.

Safe to run twice and to be killed at any point: a finished job returns at once; a job whose worker died
is taken over (same host: the owner process is gone; elsewhere: its lease ran out); a re-run replaces
the file with an atomic rename and never leaves a partial file behind.
"""

import logging
import os
import socket
from datetime import timedelta
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import Q
from django.utils import timezone

from reports import storage
from reports.content import proposal, summary
from reports.content.report import Report
from reports.content.scope import scope_for
from reports.models import ReportJob
from reports.rendering import build_pdf
from reports.workbook import build_xlsx

logger = logging.getLogger(__name__)

# Errors worth retrying: the database or the network went away for a moment.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)
MAX_ATTEMPTS = 3


def worker_identity() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def lease() -> timedelta:
    """How long a running job may go without a sign of life before it counts as stuck."""
    seconds = getattr(settings, "REPORTS_LEASE_SECONDS", None) or settings.CELERY_TASK_TIME_LIMIT + 60
    return timedelta(seconds=seconds)


def owner_is_gone(owner: str) -> bool:
    """Whether the process that holds a job is certainly dead (only knowable on the same host)."""
    host, _, pid_text = owner.rpartition(":")
    if not pid_text.isdigit() or host != socket.gethostname():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        # This process runs one task at a time (prefork): its earlier run of the job is over.
        return True
    stat = Path(f"/proc/{pid}/stat")
    try:
        state = stat.read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError, ProcessLookupError):
        return True
    return state in ("Z", "X")


def claim(job_id: int, owner: str) -> ReportJob | None:
    """Mark the job running for this owner, or None when there is nothing to do (gone, done, held)."""
    now = timezone.now()
    with transaction.atomic():
        job = (
            ReportJob.objects.select_for_update(of=("self",))
            .select_related("campaign", "round", "unit", "unit__parent")
            .filter(pk=job_id)
            .first()
        )
        if job is None or job.state in (ReportJob.State.DONE, ReportJob.State.FAILED):
            return None
        if job.state == ReportJob.State.RUNNING:
            alive = job.heartbeat_at is not None and job.heartbeat_at >= now - lease()
            if alive and not owner_is_gone(job.owner):
                return None
            logger.warning("Report job %s taken over from a worker that stopped", job.pk)
        if job.attempts >= MAX_ATTEMPTS:
            _fail(
                job,
                f"Báo cáo đã được tạo thử {job.attempts} lần nhưng lần nào máy chủ cũng dừng giữa chừng. "
                "Hãy bấm “Thử lại” sau ít phút; nếu vẫn lỗi, hãy báo quản trị hệ thống.",
            )
            return None
        job.state = ReportJob.State.RUNNING
        job.owner = owner
        job.heartbeat_at = now
        job.started_at = now
        job.finished_at = None
        job.attempts += 1
        job.progress = 0
        job.step = "Bắt đầu"
        job.error = ""
        job.save(
            update_fields=[
                "state",
                "owner",
                "heartbeat_at",
                "started_at",
                "finished_at",
                "attempts",
                "progress",
                "step",
                "error",
            ]
        )
    return job


def _fail(job: ReportJob, message: str) -> None:
    ReportJob.objects.filter(pk=job.pk).exclude(state=ReportJob.State.DONE).update(
        state=ReportJob.State.FAILED, error=message, step="", owner="", finished_at=timezone.now()
    )


def gather(job: ReportJob, progress) -> Report:
    """The report's content for the job's kind and parameters (progress 0–70%)."""
    scope = scope_for(job)
    if job.kind == ReportJob.Kind.PROPOSAL:
        return proposal.build(scope, progress)
    return summary.build("final" if job.kind == ReportJob.Kind.FINAL else "annual", scope, progress)


def render(report: Report, format: str) -> bytes:
    return build_pdf(report) if format == ReportJob.Format.PDF else build_xlsx(report)


def run_job(*, job_id: int, owner: str | None = None) -> str:
    """Build the job's file; return "done", "skipped" or "failed". Transient errors propagate (retry)."""
    owner = owner or worker_identity()
    job = claim(job_id, owner)
    if job is None:
        return "skipped"
    name = storage.file_name_for(job)
    storage.remove_partials(name)

    def progress(percent: int, step: str) -> None:
        ReportJob.objects.filter(pk=job.pk, owner=owner, state=ReportJob.State.RUNNING).update(
            progress=max(0, min(percent, 99)), step=step[:255], heartbeat_at=timezone.now()
        )

    try:
        report = gather(job, progress)
        progress(75, "Dựng tệp PDF" if job.format == ReportJob.Format.PDF else "Dựng tệp Excel")
        data = render(report, job.format)
        progress(95, "Lưu tệp")
        size, sha256 = storage.write_atomically(name, data)
    except TRANSIENT_ERRORS:
        raise
    except SoftTimeLimitExceeded:
        _fail(
            job,
            f"Báo cáo cần nhiều hơn {settings.CELERY_TASK_SOFT_TIME_LIMIT} giây để tạo nên đã dừng. "
            "Hãy bấm “Thử lại” khi hệ thống bớt bận hoặc báo quản trị hệ thống tăng thời gian cho phép.",
        )
        return "failed"
    except Exception:
        logger.exception("Report job %s failed", job.pk)
        _fail(
            job,
            f"Không tạo được báo cáo do lỗi hệ thống (mã báo cáo #{job.pk}). Hãy bấm “Thử lại”; "
            "nếu vẫn lỗi, hãy báo quản trị hệ thống kèm mã báo cáo.",
        )
        return "failed"
    now = timezone.now()
    finished = ReportJob.objects.filter(pk=job.pk, owner=owner, state=ReportJob.State.RUNNING).update(
        state=ReportJob.State.DONE,
        progress=100,
        step="",
        file=name,
        size=size,
        sha256=sha256,
        finished_at=now,
        heartbeat_at=now,
        owner="",
    )
    return "done" if finished else "skipped"


def release(*, job_id: int, owner: str) -> None:
    """Give a running job back to the queue (before a retry), if this owner still holds it."""
    ReportJob.objects.filter(pk=job_id, owner=owner, state=ReportJob.State.RUNNING).update(
        state=ReportJob.State.QUEUED, owner="", step="Đang chờ chạy lại"
    )


def fail_for_transient(*, job_id: int) -> None:
    ReportJob.objects.filter(pk=job_id).exclude(state=ReportJob.State.DONE).update(
        state=ReportJob.State.FAILED,
        owner="",
        step="",
        finished_at=timezone.now(),
        error="Máy chủ cơ sở dữ liệu tạm thời không trả lời nên chưa tạo được báo cáo. Hãy bấm “Thử lại” "
        "sau ít phút.",
    )


def stuck_jobs(now=None):
    """Running jobs without a sign of life for longer than the lease; queued ones never picked up."""
    now = now or timezone.now()
    cutoff = now - lease()
    running = ReportJob.objects.filter(state=ReportJob.State.RUNNING, heartbeat_at__lt=cutoff)
    queued = ReportJob.objects.filter(state=ReportJob.State.QUEUED, requested_at__lt=cutoff).filter(
        Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=cutoff)
    )
    return list(running.values_list("pk", flat=True)), list(queued.values_list("pk", flat=True))
