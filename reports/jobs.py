"""Running a job: claim it, build its file with progress, store it atomically, finish.

Every generated file is a ReportJob: the annual, final, proposal and unit reports, and a decision's
certificates. Safe to run twice and to be killed at any point: a finished job returns at once; a job
whose worker died is taken over (same host: the owner process is gone; elsewhere: its lease ran out); a
re-run replaces the file with an atomic rename and never leaves a partial file behind.

Who writes a job's state: `claim` (queued → running, on the row it has locked) and `transition` (every
other move of the worker and of the sweeper), both through portal.transitions.move. The lease renew
(`progress`) writes no state.
"""

import logging
import os
import socket
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards import papers
from awards.services.certificates import certificate_pdf
from documents import docx, pdf
from portal.transitions import move
from reports import statistics_files, storage
from reports.content import proposal, statistics, summary
from reports.content.report import Report
from reports.content.scope import scope_for
from reports.models import STATISTICS_KINDS, ReportJob
from reports.workbook import build_xlsx

logger = logging.getLogger(__name__)

# Errors worth retrying: the database or the network went away for a moment.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)
MAX_ATTEMPTS = 3
State = ReportJob.State
UNFINISHED = (State.QUEUED, State.RUNNING)
NOT_DONE = (State.QUEUED, State.RUNNING, State.FAILED)
BUILDING_STEP = {
    ReportJob.Format.PDF: gettext_lazy("Dựng tệp PDF"),
    ReportJob.Format.XLSX: gettext_lazy("Dựng tệp Excel"),
    ReportJob.Format.DOCX: gettext_lazy("Dựng tệp Word"),
}


def worker_identity() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def lease() -> timedelta:
    """How long a running job may go without a sign of life before it counts as stuck."""
    seconds = getattr(settings, "REPORTS_LEASE_SECONDS", None) or settings.CELERY_TASK_TIME_LIMIT + 60
    return timedelta(seconds=seconds)


def owner_is_gone(owner: str) -> bool:
    """Whether the process that holds a job is certainly dead (only knowable on the same host)."""
    host, _sep, pid_text = owner.rpartition(":")
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


def transition(
    job_id: int,
    *,
    to: str,
    allowed: tuple[str, ...],
    held_by: str | None = None,
    when: Callable[[ReportJob], bool] | None = None,
    compute: Callable[[ReportJob], dict] | None = None,
    **changes,
) -> ReportJob | None:
    """Move one job to `to` through portal.transitions.move; None when it has moved on meanwhile.

    The worker and the sweeper write a job's state only through this function (no bulk
    `.update(state=…)`): the row is locked, then it must still be in `allowed`, still held by the
    worker `held_by` (when given) and pass `when(row)`; otherwise nothing is written and None comes
    back, because for a background writer a job already finished, taken over or retried is not an
    error to report but a move to skip. `compute(row)` gives fields read from the locked row.

    The lease renew is not here on purpose: `progress` writes only progress, step and heartbeat in one
    conditional UPDATE (still this owner, still running), so the worker never waits on a row lock
    between two steps of its work.
    """
    with transaction.atomic():
        row = ReportJob.objects.select_for_update(of=("self",)).filter(pk=job_id).first()
        if row is None or row.state not in allowed:
            return None
        if (held_by is not None and row.owner != held_by) or (when is not None and not when(row)):
            return None
        return move(row, locked=row, to=to, allowed=allowed, compute=compute, **changes)


def _worn_out_message(attempts: int) -> str:
    return _(
        "Báo cáo đã được tạo thử %(attempts)s lần nhưng lần nào máy chủ cũng dừng giữa chừng. "
        "Hãy bấm “Thử lại” sau ít phút; nếu vẫn lỗi, hãy báo quản trị hệ thống."
    ) % {"attempts": attempts}


def claim(job_id: int, owner: str) -> ReportJob | None:
    """Mark the job running for this owner, or None when there is nothing to do (gone, done, held)."""
    now = timezone.now()
    with transaction.atomic():
        job = (
            ReportJob.objects.select_for_update(of=("self",))
            .select_related("campaign", "round", "unit", "unit__parent", "decision")
            .filter(pk=job_id)
            .first()
        )
        if job is None or job.state not in UNFINISHED:
            return None
        if job.state == State.RUNNING:
            alive = job.heartbeat_at is not None and job.heartbeat_at >= now - lease()
            if alive and not owner_is_gone(job.owner):
                return None
            logger.warning("Report job %s taken over from a worker that stopped", job.pk)
        if job.attempts >= MAX_ATTEMPTS:
            move(
                job,
                locked=job,
                to=State.FAILED,
                allowed=UNFINISHED,
                error=_worn_out_message(job.attempts),
                step="",
                owner="",
                finished_at=now,
            )
            return None
        return move(
            job,
            locked=job,
            to=State.RUNNING,
            allowed=UNFINISHED,
            owner=owner,
            heartbeat_at=now,
            started_at=now,
            finished_at=None,
            attempts=job.attempts + 1,
            progress=0,
            step=_("Bắt đầu"),
            error="",
        )


def fail(job_id: int, message: str) -> ReportJob | None:
    """Record that the job failed, with the sentence its page shows (a done job stays done)."""
    return transition(
        job_id,
        to=State.FAILED,
        allowed=NOT_DONE,
        error=message,
        step="",
        owner="",
        finished_at=timezone.now(),
    )


def gather(job: ReportJob, progress) -> Report:
    """The report's content for the job's kind and parameters (progress 0–70%)."""
    if job.kind == ReportJob.Kind.DECISION:
        progress(20, _("Đọc quyết định và danh sách khen thưởng"))
        paper = papers.decision_paper(job.decision)
        return Report(title=job.title, documents=[paper], sections=[])
    # The officials chosen when the job was asked for (reports.signing); a job of before had none: the
    # register's default signs it.
    signer = job.parameters.get("signer")
    if job.kind == ReportJob.Kind.MINUTES:
        progress(20, _("Đọc kết quả biểu quyết của Hội đồng"))
        paper = papers.council_minutes(job.round.council_session, chair=signer)
        return Report(title=job.title, documents=[paper], sections=[])
    scope = scope_for(job)
    if job.kind == ReportJob.Kind.PROPOSAL:
        return proposal.build(
            scope, progress, signer=signer, decision_signer=job.parameters.get("decision_signer")
        )
    kind = "final" if job.kind == ReportJob.Kind.FINAL else "annual"
    return summary.build(kind, scope, progress, signer=signer)


def render(report: Report, format: str) -> bytes:
    """The report's file: its papers as PDF or Word, or its tables as a workbook."""
    if format == ReportJob.Format.PDF:
        return pdf.render(*report.documents)
    if format == ReportJob.Format.DOCX:
        return docx.render(*report.documents)
    return build_xlsx(report)


def build_certificates(job: ReportJob, progress) -> bytes:
    """All the awards of the job's decision as certificates, one page each (one PDF)."""
    progress(10, _("Đọc danh sách người được khen thưởng"))
    awards = list(job.decision.awards.select_related("person", "unit").order_by("subject", "pk"))
    progress(40, _("Dựng tệp PDF"))
    return certificate_pdf(job.decision, awards)


def build_statistics(job: ReportJob, progress) -> bytes:
    """Biểu 0601.N or 0603.N of the job's year, reported by the campaign's deciding body."""
    progress(20, _("Đếm số liệu của biểu"))
    form = statistics.build(STATISTICS_KINDS[job.kind], job.year)
    reporting = statistics_files.reporting_of(job.campaign, job.requested_by if job.requested_by_id else None)
    progress(60, BUILDING_STEP[job.format])
    if job.format == ReportJob.Format.XLSX:
        return statistics_files.statistics_xlsx(form, reporting)
    return statistics_files.statistics_pdf(form, reporting)


def build_file(job: ReportJob, progress) -> bytes:
    """The job's file: certificates, a statistical form, or a report gathered then rendered."""
    if job.kind == ReportJob.Kind.CERTIFICATES:
        return build_certificates(job, progress)
    if job.kind in STATISTICS_KINDS:
        return build_statistics(job, progress)
    report = gather(job, progress)
    progress(75, BUILDING_STEP[job.format])
    return render(report, job.format)


def run_job(*, job_id: int, owner: str | None = None) -> str:
    """Build the job's file; return "done", "skipped" or "failed". Transient errors propagate (retry)."""
    owner = owner or worker_identity()
    job = claim(job_id, owner)
    if job is None:
        return "skipped"
    name = storage.file_name_for(job)
    storage.remove_partials(name)

    def progress(percent: int, step: str) -> None:
        # The lease renew: a sign of life with the step, while this owner still holds the running job.
        ReportJob.objects.filter(pk=job.pk, owner=owner, state=State.RUNNING).update(
            progress=max(0, min(percent, 99)), step=step[:255], heartbeat_at=timezone.now()
        )

    try:
        data = build_file(job, progress)
        progress(95, _("Lưu tệp"))
        size, sha256 = storage.write_atomically(name, data)
    except TRANSIENT_ERRORS:
        raise
    except ValidationError as error:
        # What the data lacks (no signer on the register, no issuer chosen): the sentence says what to add.
        fail(job.pk, " ".join(error.messages))
        return "failed"
    except SoftTimeLimitExceeded:
        fail(
            job.pk,
            _(
                "Báo cáo cần nhiều hơn %(seconds)s giây để tạo nên đã dừng. Hãy bấm “Thử lại” khi hệ "
                "thống bớt bận hoặc báo quản trị hệ thống tăng thời gian cho phép."
            )
            % {"seconds": settings.CELERY_TASK_SOFT_TIME_LIMIT},
        )
        return "failed"
    except Exception:
        logger.exception("Report job %s failed", job.pk)
        fail(
            job.pk,
            _(
                "Không tạo được báo cáo do lỗi hệ thống (mã báo cáo #%(id)s). Hãy bấm “Thử lại”; "
                "nếu vẫn lỗi, hãy báo quản trị hệ thống kèm mã báo cáo."
            )
            % {"id": job.pk},
        )
        return "failed"
    now = timezone.now()
    finished = transition(
        job.pk,
        to=State.DONE,
        allowed=(State.RUNNING,),
        held_by=owner,
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
    transition(
        job_id,
        to=State.QUEUED,
        allowed=(State.RUNNING,),
        held_by=owner,
        owner="",
        step=_("Đang chờ chạy lại"),
    )


def fail_for_transient(*, job_id: int) -> None:
    fail(
        job_id,
        _(
            "Máy chủ cơ sở dữ liệu tạm thời không trả lời nên chưa tạo được báo cáo. Hãy bấm “Thử lại” "
            "sau ít phút."
        ),
    )


def reset_stuck(job_id: int) -> ReportJob | None:
    """The sweeper's reset of one running job whose worker stopped: back in the queue, or failed once it
    has been tried MAX_ATTEMPTS times. Returns the job as reset, None if it is no longer running."""
    worn = transition(
        job_id,
        to=State.FAILED,
        allowed=(State.RUNNING,),
        when=lambda row: row.attempts >= MAX_ATTEMPTS,
        compute=lambda row: {"error": _worn_out_message(row.attempts)},
        owner="",
    )
    return worn or transition(
        job_id,
        to=State.QUEUED,
        allowed=(State.RUNNING,),
        when=lambda row: row.attempts < MAX_ATTEMPTS,
        owner="",
        step=_("Đang chờ chạy lại"),
    )


def stuck_jobs(now=None):
    """Running jobs without a sign of life for longer than the lease; queued ones never picked up."""
    now = now or timezone.now()
    cutoff = now - lease()
    running = ReportJob.objects.filter(state=State.RUNNING, heartbeat_at__lt=cutoff)
    queued = ReportJob.objects.filter(state=State.QUEUED, requested_at__lt=cutoff).filter(
        Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=cutoff)
    )
    return list(running.values_list("pk", flat=True)), list(queued.values_list("pk", flat=True))
