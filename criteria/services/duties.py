"""What a unit does for the movement: register, upload its launching plan, send periodic reports;
and the deadlines Sở Nội vụ sets for them."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.files import DOCX, PDF, check_upload, store
from campaigns.models import Campaign, Unit
from campaigns.text import normalize
from criteria.models import DutyDeadline, PeriodicReport, Registration, UnitPlan

DUTY_FILE_KINDS = (PDF, DOCX)


def _check_unit(actor, unit: Unit) -> None:
    if not actor.has_perm("criteria.submit_duties", unit):
        raise PermissionDenied(_("Chỉ cán bộ của đơn vị (hoặc đơn vị cấp trên) được thực hiện việc này."))


def _check_campaign_open(campaign: Campaign) -> None:
    if campaign.status != Campaign.Status.ACTIVE:
        raise ValidationError(_("Kế hoạch không còn triển khai nên không nhận thêm hồ sơ của đơn vị."))


@transaction.atomic
def register(*, actor, campaign: Campaign, unit: Unit, commitments: str) -> Registration:
    """Register the unit for the movement with its commitments (or update them)."""
    _check_unit(actor, unit)
    _check_campaign_open(campaign)
    commitments = "\n".join(normalize(line) for line in (commitments or "").strip().splitlines())
    if len(commitments) < 20:
        raise ValidationError(
            _("Hãy ghi rõ nội dung đăng ký, cam kết thi đua của đơn vị (ít nhất 20 ký tự).")
        )
    registration, created = Registration.objects.select_for_update().get_or_create(
        campaign=campaign,
        unit=unit,
        defaults={"commitments": commitments, "registered_at": timezone.now(), "registered_by": actor},
    )
    if not created:
        registration.commitments = commitments
        registration.save(update_fields=["commitments", "updated_at"])
    return registration


def _file_fields(upload, folder: str) -> dict:
    checked = check_upload(upload, allowed=DUTY_FILE_KINDS)
    return {
        "file_name": store(checked, folder),
        "original_name": checked.original_name,
        "size": checked.size,
        "sha256": checked.sha256,
        "content_type": checked.kind.content_type,
    }


def _replace(record, fields: dict) -> None:
    old = record.file_name
    for key, value in fields.items():
        setattr(record, key, value)
    record.updated_at = timezone.now()
    record.save()
    # The old file goes only once the new row is committed.
    transaction.on_commit(lambda: default_storage.delete(old))


@transaction.atomic
def upload_plan(
    *, actor, campaign: Campaign, unit: Unit, upload, number: str, issued_on: dt.date
) -> UnitPlan:
    """Store the plan with which the unit launched the movement (replacing an earlier upload)."""
    _check_unit(actor, unit)
    _check_campaign_open(campaign)
    number = normalize(number)
    if not number:
        raise ValidationError(_("Hãy nhập số, ký hiệu của kế hoạch (ví dụ 25/KH-UBND)."))
    if issued_on is None or issued_on > timezone.localdate():
        raise ValidationError(_("Ngày ban hành kế hoạch không được sau hôm nay. Hãy sửa lại ngày."))
    if issued_on < campaign.issued_on:
        raise ValidationError(
            _(
                "Kế hoạch của đơn vị phải ban hành từ ngày %(issued_on)s (ngày ban hành kế hoạch của tỉnh). "
                "Hãy kiểm tra lại ngày."
            )
            % {"issued_on": format(campaign.issued_on, "%d/%m/%Y")}
        )
    fields = _file_fields(upload, f"duties/{campaign.pk}/plans")
    fields.update(number=number, issued_on=issued_on, uploaded_by=actor)
    existing = UnitPlan.objects.select_for_update().filter(campaign=campaign, unit=unit).first()
    if existing is not None:
        _replace(existing, fields)
        return existing
    now = timezone.now()
    return UnitPlan.objects.create(campaign=campaign, unit=unit, submitted_at=now, updated_at=now, **fields)


@transaction.atomic
def upload_report(*, actor, deadline: DutyDeadline, unit: Unit, upload, number: str = "") -> PeriodicReport:
    """Store the unit's report for one reporting deadline (replacing an earlier upload)."""
    _check_unit(actor, unit)
    _check_campaign_open(deadline.campaign)
    if deadline.kind != DutyDeadline.Kind.REPORT:
        raise ValidationError(_("Hạn này không phải là kỳ báo cáo định kỳ."))
    fields = _file_fields(upload, f"duties/{deadline.campaign_id}/reports")
    fields.update(number=normalize(number), uploaded_by=actor)
    existing = PeriodicReport.objects.select_for_update().filter(deadline=deadline, unit=unit).first()
    if existing is not None:
        _replace(existing, fields)
        return existing
    now = timezone.now()
    return PeriodicReport.objects.create(
        deadline=deadline, unit=unit, submitted_at=now, updated_at=now, **fields
    )


DEADLINE_FIELDS = ("kind", "code", "title", "period_start", "period_end", "due_on")


@transaction.atomic
def save_deadline(*, actor, campaign: Campaign, values: dict, deadline: DutyDeadline | None = None):
    """Create or change a duty deadline of a campaign (manager only)."""
    if not actor.has_perm("criteria.manage_deadlines"):
        raise PermissionDenied(_("Chỉ Trưởng Ban Thi đua – Khen thưởng được đặt hạn nhiệm vụ của đơn vị."))
    deadline = deadline or DutyDeadline(campaign=campaign)
    values = {k: values.get(k) for k in DEADLINE_FIELDS}
    problems = []
    if values["period_start"] and values["period_end"] and values["period_end"] < values["period_start"]:
        problems.append(_("Kỳ báo cáo phải kết thúc sau ngày bắt đầu. Hãy sửa lại kỳ báo cáo."))
    if values["due_on"] and values["due_on"] < campaign.issued_on:
        problems.append(_("Hạn nộp không được trước ngày ban hành kế hoạch. Hãy sửa hạn nộp."))
    others = DutyDeadline.objects.filter(campaign=campaign).exclude(pk=deadline.pk)
    if others.filter(code=values["code"]).exists():
        problems.append(
            _("Mã “%(code)s” đã dùng cho một hạn khác. Hãy chọn mã khác.") % {"code": values["code"]}
        )
    if values["kind"] != DutyDeadline.Kind.REPORT and others.filter(kind=values["kind"]).exists():
        problems.append(
            _("Kế hoạch đã có hạn cho việc này; mỗi kế hoạch chỉ một hạn đăng ký và một hạn nộp kế hoạch.")
        )
    if deadline.pk and deadline.kind != values["kind"] and deadline.reports.exists():
        problems.append(_("Đã có đơn vị nộp báo cáo cho hạn này nên không đổi được loại nhiệm vụ."))
    if problems:
        raise ValidationError(problems)
    for key, value in values.items():
        setattr(deadline, key, value)
    deadline.save()
    return deadline
