"""Asking for a report, retrying a failed one, re-queuing stuck ones: the only writers of ReportJob rows."""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from campaigns.models import AwardRound, Campaign, Unit
from reports import jobs as building
from reports.models import ReportJob

logger = logging.getLogger(__name__)


def _send(job_id: int) -> None:
    from reports.tasks import build_report

    build_report.apply_async(kwargs={"job_id": job_id})


def _check_request(*, actor, kind, campaign, year, round, unit) -> None:
    if kind not in ReportJob.Kind.values:
        raise ValidationError("Loại báo cáo không hợp lệ. Hãy chọn một loại báo cáo trong danh sách.")
    if kind == ReportJob.Kind.UNIT:
        if unit is None:
            raise ValidationError("Hãy chọn đơn vị cần lập báo cáo.")
        if not actor.has_perm("reports.request_unit_report", unit):
            raise PermissionDenied("Bạn chỉ được lập báo cáo của đơn vị mình và các đơn vị trực thuộc.")
    elif not actor.has_perm("reports.request_summary"):
        raise PermissionDenied("Chỉ Sở Nội vụ và lãnh đạo UBND tỉnh được lập báo cáo tổng hợp của tỉnh.")
    if campaign is None:
        raise ValidationError("Hãy chọn kế hoạch thi đua.")
    if kind == ReportJob.Kind.ANNUAL and year is None:
        raise ValidationError("Hãy chọn năm của báo cáo.")
    if year is not None and not campaign.starts_on.year <= year <= campaign.ends_on.year:
        raise ValidationError(
            f"Năm {year} nằm ngoài thời gian của {campaign.number} "
            f"({campaign.starts_on:%d/%m/%Y} – {campaign.ends_on:%d/%m/%Y}). Hãy chọn năm trong khoảng đó."
        )
    if kind == ReportJob.Kind.PROPOSAL and (round is None or round.campaign_id != campaign.pk):
        raise ValidationError("Hãy chọn một đợt khen thưởng của kế hoạch này để lập tờ trình.")


@transaction.atomic
def request_report(
    *,
    actor,
    kind: str,
    campaign: Campaign,
    year: int | None = None,
    round: AwardRound | None = None,
    unit: Unit | None = None,
    format: str = ReportJob.Format.PDF,
    section_delay: float = 0.0,
) -> ReportJob:
    """Create a job (the next version of its series) and send its task once the transaction commits."""
    if format not in ReportJob.Format.values:
        raise ValidationError("Định dạng tệp không hợp lệ. Hãy chọn PDF hoặc Excel.")
    if kind == ReportJob.Kind.FINAL:
        year = None
    if kind != ReportJob.Kind.PROPOSAL:
        round = None
    if kind != ReportJob.Kind.UNIT:
        unit = None
    _check_request(actor=actor, kind=kind, campaign=campaign, year=year, round=round, unit=unit)
    parameters = {"campaign": campaign.number, "format": format}
    if year is not None:
        parameters["year"] = year
    if round is not None:
        parameters["round"] = round.code
    if unit is not None:
        parameters["unit"] = unit.code
    series = (
        f"{kind}:{campaign.pk}:{year or ''}:{round.pk if round else ''}:{unit.pk if unit else ''}:{format}"
    )
    if section_delay and not settings.PRODUCTION:
        parameters["section_delay"] = float(section_delay)
    # Lock the campaign row: two requests of the same series get consecutive version numbers.
    Campaign.objects.select_for_update().filter(pk=campaign.pk).first()
    latest = ReportJob.objects.filter(series=series).aggregate(v=Max("version"))["v"] or 0
    job = ReportJob.objects.create(
        kind=kind,
        format=format,
        campaign=campaign,
        year=year,
        round=round,
        unit=unit,
        parameters=parameters,
        series=series,
        version=latest + 1,
        requested_by=actor,
    )
    transaction.on_commit(lambda: _send(job.pk))
    return job


@transaction.atomic
def retry_report(*, actor, job: ReportJob) -> ReportJob:
    """Put a failed job back in the queue (same row, same version) and send its task after commit."""
    job = ReportJob.objects.select_for_update().get(pk=job.pk)
    if not actor.has_perm("reports.view_job", job):
        raise PermissionDenied("Bạn không có quyền với báo cáo này.")
    if job.state != ReportJob.State.FAILED:
        raise ValidationError("Chỉ thử lại được báo cáo bị lỗi; báo cáo này đang chờ, đang tạo hoặc đã xong.")
    job.state = ReportJob.State.QUEUED
    job.progress = 0
    job.step = ""
    job.error = ""
    job.attempts = 0
    job.owner = ""
    job.started_at = None
    job.finished_at = None
    job.save(
        update_fields=["state", "progress", "step", "error", "attempts", "owner", "started_at", "finished_at"]
    )
    transaction.on_commit(lambda: _send(job.pk))
    return job


def requeue_stuck_jobs(now=None) -> int:
    """Send again the jobs whose worker stopped (running past the lease) or whose message was lost."""
    running, queued = building.stuck_jobs(now)
    for job_id in running:
        with transaction.atomic():
            job = (
                ReportJob.objects.select_for_update().filter(pk=job_id, state=ReportJob.State.RUNNING).first()
            )
            if job is None:
                continue
            if job.attempts >= building.MAX_ATTEMPTS:
                job.state = ReportJob.State.FAILED
                job.error = (
                    f"Báo cáo đã được tạo thử {job.attempts} lần nhưng lần nào máy chủ cũng dừng giữa chừng. "
                    "Hãy bấm “Thử lại” sau ít phút; nếu vẫn lỗi, hãy báo quản trị hệ thống."
                )
                job.owner = ""
                job.save(update_fields=["state", "error", "owner"])
                continue
            job.state = ReportJob.State.QUEUED
            job.owner = ""
            job.step = "Đang chờ chạy lại"
            job.save(update_fields=["state", "owner", "step"])
            transaction.on_commit(lambda pk=job.pk: _send(pk))
    if queued:
        # Their message was lost (or the queue is long): send again, at most once per lease.
        ReportJob.objects.filter(pk__in=queued).update(heartbeat_at=timezone.now())
    for job_id in queued:
        _send(job_id)
    if running or queued:
        logger.warning("Re-queued %s stuck and %s waiting report jobs", len(running), len(queued))
    return len(running) + len(queued)
