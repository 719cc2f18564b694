"""Creating and editing award rounds (đợt khen thưởng): dates, required documents, quotas.

The one write path of rounds and their quotas: the manager's pages (create_round, update_round) and
the plan file loader (load_round) both go through `_apply`, which checks every rule first.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

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


@dataclass
class RoundSaved:
    """What saving a round changed (the plan loader counts it)."""

    round: AwardRound
    created: bool = False
    fields_changed: bool = False
    documents_changed: bool = False
    quotas: dict[str, int] = field(default_factory=dict)  # "created", "updated", "unchanged", "deleted"


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
        problems.append(_("Kỳ đánh giá phải kết thúc sau ngày bắt đầu. Hãy sửa ngày “kỳ đánh giá đến”."))
    if period_start < campaign.starts_on or period_end > campaign.ends_on:
        problems.append(
            _(
                "Kỳ đánh giá phải nằm trong thời gian của kế hoạch (%(start)s–%(end)s). "
                "Hãy sửa lại kỳ đánh giá."
            )
            % {"start": _d(campaign.starts_on), "end": _d(campaign.ends_on)}
        )
    if closes_on < opens_on:
        problems.append(_("Hạn nộp hồ sơ phải sau ngày mở nhận hồ sơ. Hãy sửa ngày mở hoặc hạn nộp."))
    if appraisal_deadline < closes_on:
        problems.append(_("Hạn thẩm định phải sau hạn nộp hồ sơ. Hãy lùi hạn thẩm định."))
    if opens_on < period_start:
        problems.append(_("Chỉ mở nhận hồ sơ sau khi kỳ đánh giá đã bắt đầu. Hãy lùi ngày mở nhận hồ sơ."))
    if kind == AwardRound.Kind.ANNUAL:
        if year is None:
            problems.append(_("Đợt khen thưởng hằng năm cần ghi năm. Hãy nhập năm của đợt."))
        elif not (period_start.year <= year <= period_end.year):
            problems.append(
                _("Năm %(year)s không nằm trong kỳ đánh giá. Hãy sửa năm hoặc kỳ đánh giá.") % {"year": year}
            )
    elif year is not None:
        problems.append(_("Đợt khen thưởng tổng kết không gắn với một năm. Hãy để trống ô năm."))
    if not 1 <= appraisal_working_days <= 60:
        problems.append(_("Thời hạn thẩm định phải từ 1 đến 60 ngày làm việc."))
    if not 0 <= publication_days <= 30:
        problems.append(_("Số ngày công khai lấy ý kiến phải từ 0 đến 30 ngày."))
    if not Decimal("0.5") <= council_pass_ratio < Decimal("1"):
        problems.append(_("Tỷ lệ đồng ý để thông qua phải từ 0,5 (quá nửa) đến dưới 1. Hãy nhập ví dụ 0,5."))
    return problems


def _check_manager(actor) -> None:
    if not actor.has_perm("campaigns.manage_rounds"):
        raise PermissionDenied(_("Chỉ Trưởng Ban Thi đua – Khen thưởng được cấu hình đợt khen thưởng."))


def _apply(
    *,
    round_: AwardRound,
    campaign: Campaign,
    values: dict,
    required_document_types,
    quotas: dict[AwardType, int | None],
) -> RoundSaved:
    """Check every rule, then save the round, its required documents and its quotas (None: no quota)."""
    values = {k: values[k] for k in ROUND_FIELDS if k in values}
    problems = round_problems(campaign=campaign, **{**_as_dict(round_), **values})
    code = values.get("code", round_.code)
    if AwardRound.objects.filter(campaign=campaign, code=code).exclude(pk=round_.pk).exists():
        problems.append(_("Mã đợt “%(code)s” đã có trong kế hoạch này. Hãy chọn mã khác.") % {"code": code})
    docs = {d.pk for d in required_document_types}
    current_docs = set(round_.required_document_types.values_list("pk", flat=True)) if round_.pk else set()
    if round_.pk and round_.submissions_started_at and docs != current_docs:
        problems.append(
            _(
                "Đợt đã có hồ sơ nộp nên không thể thay đổi danh sách tài liệu bắt buộc. "
                "Hãy giữ nguyên danh sách này."
            )
        )
    for award_type, count in quotas.items():
        if count is not None and count < 0:
            problems.append(_("Chỉ tiêu “%(name)s” không được âm.") % {"name": award_type.short_name})
        if count is None and award_type.level == AwardType.Level.PROVINCE:
            problems.append(
                _("Hình thức “%(name)s” do cấp tỉnh quyết định nên cần chỉ tiêu. Hãy nhập số lượng.")
                % {"name": award_type.short_name}
            )
    if problems:
        raise ValidationError(problems)
    saved = RoundSaved(
        round=round_,
        created=round_.pk is None,
        fields_changed=any(getattr(round_, k) != v for k, v in values.items())
        or round_.campaign_id != campaign.pk,
        documents_changed=docs != current_docs,
    )
    if saved.created or saved.fields_changed:
        for key, value in values.items():
            setattr(round_, key, value)
        round_.campaign = campaign
        round_.save()
    if saved.documents_changed:
        round_.required_document_types.set(docs)
    existing = {q.award_type_id: q for q in RoundQuota.objects.filter(round=round_)}
    for award_type, count in quotas.items():
        quota = existing.get(award_type.pk)
        if count is None:
            if quota is not None:
                quota.delete()
                _count(saved, "deleted")
        elif quota is None:
            RoundQuota.objects.create(round=round_, award_type=award_type, max_count=count)
            _count(saved, "created")
        elif quota.max_count != count:
            quota.max_count = count
            quota.save(update_fields=["max_count"])
            _count(saved, "updated")
        else:
            _count(saved, "unchanged")
    return saved


def _count(saved: RoundSaved, what: str) -> None:
    saved.quotas[what] = saved.quotas.get(what, 0) + 1


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
    ).round


@transaction.atomic
def update_round(
    *,
    actor,
    round: AwardRound,  # noqa: A002 - the domain's word
    values: dict,
    required_document_types: list[DocumentType],
    quotas: dict[AwardType, int | None],
) -> AwardRound:
    """Change a round's dates, numbers, required documents and quotas (manager only)."""
    _check_manager(actor)
    # Lock the row: a submission setting submissions_started_at must not slip in between.
    round_ = AwardRound.objects.select_for_update().get(pk=round.pk)
    return _apply(
        round_=round_,
        campaign=round_.campaign,
        values=values,
        required_document_types=required_document_types,
        quotas=quotas,
    ).round


@transaction.atomic
def load_round(
    *,
    campaign: Campaign,
    values: dict,
    required_document_types: list[DocumentType],
    quotas: dict[AwardType, int],
) -> RoundSaved:
    """Create or update the round of `campaign` whose code is values["code"], as a plan file says.

    For the plan loader, run by the operator (no actor): the same rules as the manager's pages. The
    file lists every quota of the round: one it no longer lists is removed.
    """
    round_ = AwardRound.objects.select_for_update().filter(
        campaign=campaign, code=values["code"]
    ).first() or AwardRound(campaign=campaign)
    dropped = {}
    if round_.pk:
        dropped = {
            q.award_type: None
            for q in round_.quotas.select_related("award_type")
            if q.award_type not in quotas
        }
    return _apply(
        round_=round_,
        campaign=campaign,
        values=values,
        required_document_types=required_document_types,
        quotas={**quotas, **dropped},
    )
