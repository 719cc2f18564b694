"""Asking for a report or a decision's certificates, retrying a failed job, re-queuing stuck ones;
writing the parts of the summary reports that Sở Nội vụ writes (write_part, restore_part).

With reports.jobs (the worker's side), the only writers of ReportJob rows; every change of a job's
state goes through portal.transitions.move.
"""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import CouncilSession, Decision
from campaigns.models import AwardRound, Campaign, Unit
from campaigns.roles import display_name
from portal.transitions import move
from reports import jobs as building
from reports import narrative, selectors
from reports.content.proposal import check_proposable
from reports.models import STATISTICS_KINDS, NarrativeVersion, ReportJob
from reports.signing import chosen_signers

logger = logging.getLogger(__name__)


def _send(job_id: int) -> None:
    from reports.tasks import build_report

    build_report.apply_async(kwargs={"job_id": job_id})


# The kinds asked for on the "Báo cáo" page; certificates are asked for from their decision's page.
REPORT_KINDS = (
    ReportJob.Kind.ANNUAL,
    ReportJob.Kind.FINAL,
    ReportJob.Kind.PROPOSAL,
    ReportJob.Kind.UNIT,
    ReportJob.Kind.MOVEMENTS_FORM,
    ReportJob.Kind.AWARDS_FORM,
)
# What each kind comes in: the papers in PDF or Word (and their tables in Excel); the forms PDF or Excel.
FORMATS = {kind: tuple(ReportJob.Format.values) for kind in REPORT_KINDS} | {
    kind: (ReportJob.Format.PDF, ReportJob.Format.XLSX) for kind in STATISTICS_KINDS
}
# What a job queued again starts from (a retry of a failed report, certificates asked for again).
REQUEUED = {
    "progress": 0,
    "step": "",
    "error": "",
    "attempts": 0,
    "owner": "",
    "started_at": None,
    "finished_at": None,
}


def _check_year(campaign: Campaign, year: int) -> None:
    if not campaign.starts_on.year <= year <= campaign.ends_on.year:
        raise ValidationError(
            _(
                "Năm %(year)s nằm ngoài thời gian của %(campaign)s (%(start)s – %(end)s). "
                "Hãy chọn năm trong khoảng đó."
            )
            % {
                "year": year,
                "campaign": campaign.number,
                "start": f"{campaign.starts_on:%d/%m/%Y}",
                "end": f"{campaign.ends_on:%d/%m/%Y}",
            }
        )


def _check_request(*, actor, kind, campaign, year, round, unit) -> None:
    if kind not in REPORT_KINDS:
        raise ValidationError(_("Loại báo cáo không hợp lệ. Hãy chọn một loại báo cáo trong danh sách."))
    if kind == ReportJob.Kind.UNIT:
        if unit is None:
            raise ValidationError(_("Hãy chọn đơn vị cần lập báo cáo."))
        if not actor.has_perm("reports.request_unit_report", unit):
            raise PermissionDenied(_("Bạn chỉ được lập báo cáo của đơn vị mình và các đơn vị trực thuộc."))
    elif not actor.has_perm("reports.request_summary"):
        raise PermissionDenied(_("Chỉ Sở Nội vụ và lãnh đạo UBND tỉnh được lập báo cáo tổng hợp của tỉnh."))
    if campaign is None:
        raise ValidationError(_("Hãy chọn kế hoạch thi đua."))
    if (kind == ReportJob.Kind.ANNUAL or kind in STATISTICS_KINDS) and year is None:
        raise ValidationError(_("Hãy chọn năm của báo cáo."))
    if year is not None:
        _check_year(campaign, year)
    if kind == ReportJob.Kind.PROPOSAL and (round is None or round.campaign_id != campaign.pk):
        raise ValidationError(_("Hãy chọn một đợt khen thưởng của kế hoạch này để lập tờ trình."))
    if kind == ReportJob.Kind.PROPOSAL:
        check_proposable(round)


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
    signer: int | None = None,
    decision_signer: int | None = None,
) -> ReportJob:
    """Create a job (the next version of its series) and send its task once the transaction commits.

    `signer` (and, for a tờ trình, `decision_signer` of its draft decision): the id of the official who
    signs, from the register; none chosen, the register's default. Kept in the job's parameters."""
    if format not in FORMATS.get(kind, ReportJob.Format.values):
        raise ValidationError(
            _("Định dạng tệp không hợp lệ. Hãy chọn PDF hoặc Excel.")
            if kind in STATISTICS_KINDS
            else _("Định dạng tệp không hợp lệ. Hãy chọn PDF, Word hoặc Excel.")
        )
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
    if kind in narrative.KINDS:
        # The written parts as they stand now: the job is built from these versions, whatever comes later.
        parameters["narrative"] = selectors.narrative_snapshot(campaign, kind, year)
    parameters |= chosen_signers(
        kind,
        campaign=campaign,
        unit=unit,
        chosen={"signer": signer, "decision_signer": decision_signer},
    )
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


def request_certificates(*, actor, decision: Decision) -> ReportJob:
    """Queue the PDF of all the decision's certificates (once; a failed one is queued again)."""
    return request_decision_file(actor=actor, decision=decision, kind=ReportJob.Kind.CERTIFICATES)


# What each file of a decision is made from, and the formats it comes in.
DECISION_FILES = {
    ReportJob.Kind.CERTIFICATES: (ReportJob.Format.PDF,),
    ReportJob.Kind.DECISION: (ReportJob.Format.PDF, ReportJob.Format.DOCX),
}


@transaction.atomic
def request_decision_file(
    *, actor, decision: Decision, kind: str, format: str = ReportJob.Format.PDF
) -> ReportJob:
    """Queue a file of a recorded decision — its certificates, or its paper in PDF or Word.

    A decision does not change, so each file is built once: asking again returns the same job, and only
    a failed one is put back in the queue (same row, same version).
    """
    if format not in DECISION_FILES.get(kind, ()):
        raise ValidationError(_("Định dạng tệp không hợp lệ. Hãy chọn PDF hoặc Word."))
    if not actor.has_perm("awards.print_certificates", decision):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))
    # Lock the decision row: two requests at once make one job.
    decision = Decision.objects.select_for_update().select_related("round").get(pk=decision.pk)
    if not decision.awards.exists():
        raise ValidationError(
            _("Quyết định chưa có người được khen thưởng nên chưa có giấy chứng nhận để in.")
            if kind == ReportJob.Kind.CERTIFICATES
            else _("Quyết định chưa có người được khen thưởng: hãy ghi danh sách trước khi in.")
        )
    series = f"{kind}:{decision.pk}" + ("" if kind == ReportJob.Kind.CERTIFICATES else f":{format}")
    return _queue_once(
        actor=actor,
        series=series,
        kind=kind,
        format=format,
        campaign_id=decision.round.campaign_id,
        round=decision.round,
        decision=decision,
        parameters={"decision": decision.number, "format": format},
    )


MINUTES_FORMATS = (ReportJob.Format.PDF, ReportJob.Format.DOCX)


@transaction.atomic
def request_minutes(
    *, actor, round: AwardRound, format: str = ReportJob.Format.PDF, signer: int | None = None
) -> ReportJob:
    """Queue the minutes of the round's council meeting, once it has closed (built once, as a decision),
    signed as the council's chair by `signer` (an official's id; none chosen, the register's default)."""
    if format not in MINUTES_FORMATS:
        raise ValidationError(_("Định dạng tệp không hợp lệ. Hãy chọn PDF hoặc Word."))
    if not actor.has_perm("awards.manage_council"):
        raise PermissionDenied(_("Chỉ lãnh đạo Sở Nội vụ được lập biên bản họp Hội đồng."))
    session = CouncilSession.objects.select_for_update().filter(round=round).first()
    if session is None or session.closed_at is None:
        raise ValidationError(
            _("Phiên họp của Hội đồng chưa kết thúc: hãy kết thúc phiên họp rồi lập biên bản.")
        )
    return _queue_once(
        actor=actor,
        series=f"{ReportJob.Kind.MINUTES}:{session.pk}:{format}",
        kind=ReportJob.Kind.MINUTES,
        format=format,
        campaign_id=round.campaign_id,
        round=round,
        parameters={
            "round": round.code,
            "format": format,
            **chosen_signers(
                ReportJob.Kind.MINUTES, campaign=round.campaign, round=round, chosen={"signer": signer}
            ),
        },
    )


def _queue_once(*, actor, series: str, **fields) -> ReportJob:
    """The job of a file that never changes: the existing one, a failed one queued again, or a new one."""
    job = ReportJob.objects.filter(series=series).order_by("-version").first()
    if job is not None and job.state != ReportJob.State.FAILED:
        return job
    if job is not None:
        # Asked for again after a failure: with what was asked this time (another signer, say).
        job = move(
            job,
            to=ReportJob.State.QUEUED,
            allowed=[ReportJob.State.FAILED],
            requested_by=actor,
            parameters=fields["parameters"],
            **REQUEUED,
        )
    else:
        job = ReportJob.objects.create(series=series, version=1, requested_by=actor, **fields)
    transaction.on_commit(lambda: _send(job.pk))
    return job


def _refuse_retry(job: ReportJob, doing: str) -> ValidationError:
    return ValidationError(_("Chỉ thử lại được báo cáo bị lỗi; báo cáo này đang chờ, đang tạo hoặc đã xong."))


@transaction.atomic
def retry_report(*, actor, job: ReportJob) -> ReportJob:
    """Put a failed job back in the queue (same row, same version) and send its task after commit."""
    job = move(
        job,
        to=ReportJob.State.QUEUED,
        allowed=[ReportJob.State.FAILED],
        actor=actor,
        permission="reports.view_job",
        denied=_("Bạn không có quyền với báo cáo này."),
        refuse=_refuse_retry,
        **REQUEUED,
    )
    transaction.on_commit(lambda: _send(job.pk))
    return job


def requeue_stuck_jobs(now=None) -> int:
    """Send again the jobs whose worker stopped (running past the lease) or whose message was lost."""
    running, queued = building.stuck_jobs(now)
    for job_id in running:
        job = building.reset_stuck(job_id)
        if job is not None and job.state == ReportJob.State.QUEUED:
            transaction.on_commit(lambda pk=job.pk: _send(pk))
    if queued:
        # Their message was lost (or the queue is long): send again, at most once per lease.
        ReportJob.objects.filter(pk__in=queued).update(heartbeat_at=timezone.now())
    for job_id in queued:
        _send(job_id)
    if running or queued:
        logger.warning("Re-queued %s stuck and %s waiting report jobs", len(running), len(queued))
    return len(running) + len(queued)


# --- The written parts of the annual and end-of-campaign reports -------------------------------


def _check_part(*, actor, campaign: Campaign, kind: str, year: int | None, key: str) -> narrative.Part:
    """The part being written, once the actor may write it and the report has it."""
    if not actor.has_perm("reports.write_narrative"):
        raise PermissionDenied(
            _("Chỉ chuyên viên và lãnh đạo Ban Thi đua – Khen thưởng (Sở Nội vụ) được viết dự thảo báo cáo.")
        )
    if kind not in narrative.KINDS:
        raise ValidationError(
            _("Chỉ báo cáo kết quả năm và báo cáo tổng kết phong trào có phần do Sở Nội vụ viết.")
        )
    if kind == ReportJob.Kind.FINAL and year is not None:
        raise ValidationError(_("Báo cáo tổng kết là của cả thời gian kế hoạch: không ghi năm."))
    if kind == ReportJob.Kind.ANNUAL:
        if year is None:
            raise ValidationError(_("Hãy chọn năm của báo cáo."))
        _check_year(campaign, year)
    part = next((p for p in narrative.parts_of(campaign, kind, year) if p.key == key), None)
    if part is None:
        raise ValidationError(
            _("Báo cáo này không có phần “%(key)s”. Hãy chọn một phần trên trang Dự thảo báo cáo.")
            % {"key": key}
        )
    return part


def _stale(part: narrative.Part, latest: NarrativeVersion | None) -> ValidationError:
    if latest is None:
        return ValidationError(
            _("Bản bạn đang sửa không phải bản hiện tại của phần “%(part)s”. Hãy tải lại trang rồi sửa tiếp.")
            % {"part": part.label}
        )
    return ValidationError(
        _(
            "Trong lúc bạn sửa, %(who)s đã lưu phần “%(part)s” lúc %(time)s ngày %(day)s (bản "
            "%(version)s) nên bản của bạn chưa được lưu. Nội dung bạn viết vẫn còn trong ô soạn thảo: hãy "
            "đọc bản mới ở trên, giữ lại những gì cần rồi bấm “Lưu thay đổi” lần nữa."
        )
        % {
            "who": display_name(latest.written_by),
            "part": part.label,
            "time": f"{timezone.localtime(latest.written_at):%H:%M}",
            "day": f"{timezone.localtime(latest.written_at):%d/%m/%Y}",
            "version": latest.version,
        }
    )


@transaction.atomic
def write_part(
    *,
    actor,
    campaign: Campaign,
    kind: str,
    year: int | None,
    key: str,
    text: str,
    based_on: int | None,
) -> NarrativeVersion | None:
    """Save a part's text as its next version; None when it is already the current text.

    `based_on` is the id of the version the writer started from (None: the part was not written yet).
    When someone saved the part since, nothing is written and the refusal says who and when.
    """
    part = _check_part(actor=actor, campaign=campaign, kind=kind, year=year, key=key)
    text = narrative.clean_text(text)
    if len(text) > narrative.MAX_CHARS:
        raise ValidationError(
            {
                "text": _(
                    "Phần “%(part)s” dài %(length)s ký tự, quá giới hạn %(max)s ký tự. Hãy viết gọn lại; "
                    "số liệu chi tiết đã có trong các bảng và phụ lục của báo cáo."
                )
                % {"part": part.label, "length": len(text), "max": narrative.MAX_CHARS}
            }
        )
    # Lock the campaign row: two saves of one part get consecutive versions, the second one refused.
    Campaign.objects.select_for_update().filter(pk=campaign.pk).first()
    latest = (
        NarrativeVersion.objects.filter(campaign=campaign, kind=kind, year=year, key=key)
        .select_related("written_by")
        .order_by("-version")
        .first()
    )
    if (latest.pk if latest else None) != based_on:
        raise _stale(part, latest)
    if text == (latest.text if latest else ""):
        return None
    return NarrativeVersion.objects.create(
        campaign=campaign,
        kind=kind,
        year=year,
        key=key,
        version=(latest.version if latest else 0) + 1,
        text=text,
        written_by=actor,
    )


def restore_part(*, actor, version: NarrativeVersion, based_on: int | None) -> NarrativeVersion | None:
    """Make an earlier version's text current again: written as the part's next version."""
    return write_part(
        actor=actor,
        campaign=version.campaign,
        kind=version.kind,
        year=version.year,
        key=version.key,
        text=version.text,
        based_on=based_on,
    )
