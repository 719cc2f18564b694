"""Creating and editing award rounds (đợt khen thưởng): dates, required documents, quotas."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from campaigns.models import AwardRound, AwardType, Campaign, DocumentType, RoundQuota

# Fields of a round that the manager sets (status and decision date are derived or set elsewhere).
ROUND_FIELDS = (
    "code",
    "name",
    "kind",
    "year",
    "period_start",
    "period_end",
    "opens_on",
    "closes_on",
    "appraisal_deadline",
    "appraisal_working_days",
    "publication_days",
    "council_pass_ratio",
)


def _d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def round_problems(
    *,
    campaign: Campaign,
    kind: str,
    year: int | None,
    period_start: dt.date,
    period_end: dt.date,
    opens_on: dt.date,
    closes_on: dt.date,
    appraisal_deadline: dt.date,
    appraisal_working_days: int,
    publication_days: int,
    council_pass_ratio: Decimal,
    **_ignored,
) -> list[str]:
    """Every rule a round's dates and numbers must keep, as Vietnamese sentences (empty: valid)."""
    problems = []
    if period_end < period_start:
        problems.append("Kỳ đánh giá phải kết thúc sau ngày bắt đầu. Hãy sửa ngày “kỳ đánh giá đến”.")
    if period_start < campaign.starts_on or period_end > campaign.ends_on:
        problems.append(
            f"Kỳ đánh giá phải nằm trong thời gian của kế hoạch ({_d(campaign.starts_on)}–"
            f"{_d(campaign.ends_on)}). Hãy sửa lại kỳ đánh giá."
        )
    if closes_on < opens_on:
        problems.append("Hạn nộp hồ sơ phải sau ngày mở nhận hồ sơ. Hãy sửa ngày mở hoặc hạn nộp.")
    if appraisal_deadline < closes_on:
        problems.append("Hạn thẩm định phải sau hạn nộp hồ sơ. Hãy lùi hạn thẩm định.")
    if opens_on < period_start:
        problems.append("Chỉ mở nhận hồ sơ sau khi kỳ đánh giá đã bắt đầu. Hãy lùi ngày mở nhận hồ sơ.")
    if kind == AwardRound.Kind.ANNUAL:
        if year is None:
            problems.append("Đợt khen thưởng hằng năm cần ghi năm. Hãy nhập năm của đợt.")
        elif not (period_start.year <= year <= period_end.year):
            problems.append(f"Năm {year} không nằm trong kỳ đánh giá. Hãy sửa năm hoặc kỳ đánh giá.")
    elif year is not None:
        problems.append("Đợt khen thưởng tổng kết không gắn với một năm. Hãy để trống ô năm.")
    if not 1 <= appraisal_working_days <= 60:
        problems.append("Thời hạn thẩm định phải từ 1 đến 60 ngày làm việc.")
    if not 0 <= publication_days <= 30:
        problems.append("Số ngày công khai lấy ý kiến phải từ 0 đến 30 ngày.")
    if not Decimal("0.5") <= council_pass_ratio < Decimal("1"):
        problems.append("Tỷ lệ đồng ý để thông qua phải từ 0,5 (quá nửa) đến dưới 1. Hãy nhập ví dụ 0,5.")
    return problems


def _check_manager(actor) -> None:
    if not actor.has_perm("campaigns.manage_rounds"):
        raise PermissionDenied("Chỉ Trưởng Ban Thi đua – Khen thưởng được cấu hình đợt khen thưởng.")


def _apply(
    *,
    round_: AwardRound,
    campaign: Campaign,
    values: dict,
    required_document_types,
    quotas: dict[AwardType, int | None],
) -> AwardRound:
    values = {k: values[k] for k in ROUND_FIELDS if k in values}
    problems = round_problems(campaign=campaign, **{**_as_dict(round_), **values})
    code = values.get("code", round_.code)
    if AwardRound.objects.filter(campaign=campaign, code=code).exclude(pk=round_.pk).exists():
        problems.append(f"Mã đợt “{code}” đã có trong kế hoạch này. Hãy chọn mã khác.")
    docs = {d.pk for d in required_document_types}
    if round_.pk and round_.submissions_started_at:
        current = set(round_.required_document_types.values_list("pk", flat=True))
        if docs != current:
            problems.append(
                "Đợt đã có hồ sơ nộp nên không thể thay đổi danh sách tài liệu bắt buộc. "
                "Hãy giữ nguyên danh sách này."
            )
    for award_type, count in quotas.items():
        if count is not None and count < 0:
            problems.append(f"Chỉ tiêu “{award_type.short_name}” không được âm.")
        if count is None and award_type.level == AwardType.Level.PROVINCE:
            problems.append(
                f"Hình thức “{award_type.short_name}” do cấp tỉnh quyết định nên cần chỉ tiêu. "
                "Hãy nhập số lượng."
            )
    if problems:
        raise ValidationError(problems)
    for key, value in values.items():
        setattr(round_, key, value)
    round_.campaign = campaign
    round_.save()
    round_.required_document_types.set(docs)
    for award_type, count in quotas.items():
        if count is None:
            RoundQuota.objects.filter(round=round_, award_type=award_type).delete()
        else:
            RoundQuota.objects.update_or_create(
                round=round_, award_type=award_type, defaults={"max_count": count}
            )
    return round_


def _as_dict(round_: AwardRound) -> dict:
    return {k: getattr(round_, k, None) for k in ROUND_FIELDS}


@transaction.atomic
def create_round(
    *,
    actor,
    campaign: Campaign,
    values: dict,
    required_document_types: list[DocumentType],
    quotas: dict[AwardType, int | None],
) -> AwardRound:
    """Create a round of a campaign with its required documents and quotas (manager only)."""
    _check_manager(actor)
    return _apply(
        round_=AwardRound(campaign=campaign),
        campaign=campaign,
        values=values,
        required_document_types=required_document_types,
        quotas=quotas,
    )


@transaction.atomic
def update_round(
    *,
    actor,
    round_: AwardRound,
    values: dict,
    required_document_types: list[DocumentType],
    quotas: dict[AwardType, int | None],
) -> AwardRound:
    """Change a round's dates, numbers, required documents and quotas (manager only)."""
    _check_manager(actor)
    # Lock the row: a submission setting submissions_started_at must not slip in between.
    locked = AwardRound.objects.select_for_update().get(pk=round_.pk)
    return _apply(
        round_=locked,
        campaign=locked.campaign,
        values=values,
        required_document_types=required_document_types,
        quotas=quotas,
    )
