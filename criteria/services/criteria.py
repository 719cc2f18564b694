"""Changing a campaign's criteria (manager, until dossiers are submitted); computed criteria.

`evaluate_computed` (criteria a, d, g computed from data) and `evaluate_all` (every computed
criterion of a dossier, the unit's data read once) live in criteria.evaluators and are re-exported by
criteria.services: nominations calls `criteria.services.evaluate_all`.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from campaigns.models import AwardRound, Campaign
from campaigns.text import VIETNAMESE_ALPHABET, normalize
from criteria.models import Criterion, CriterionSet, Subject

MAX_POINTS_LIMIT = Decimal("100")
# What each source can compute from: a unit's plan, its ranking and its reports are collective data.
COLLECTIVE_ONLY_SOURCES = {
    Criterion.Source.OWN_PLAN,
    Criterion.Source.DVCQ_RANKING,
    Criterion.Source.REPORTING,
}


def criteria_frozen_reason(campaign: Campaign) -> str:
    """Why the campaign's criteria can no longer change ('' while they still can)."""
    round_ = (
        AwardRound.objects.filter(campaign=campaign, submissions_started_at__isnull=False)
        .order_by("submissions_started_at")
        .first()
    )
    if round_ is None:
        return ""
    return _(
        "Đợt “%(round)s” đã có hồ sơ nộp từ %(day)s nên không thể sửa tiêu chí nữa "
        "(hồ sơ đã tự chấm theo bộ tiêu chí này)."
    ) % {"round": round_.name, "day": round_.submissions_started_at.strftime("%d/%m/%Y")}


def criterion_problems(
    *, subject: str, code: str, text: str, max_points, evaluation: str, source: str, **_ignored
) -> list[str]:
    """The rules a criterion must keep, as Vietnamese sentences (empty: valid)."""
    problems = []
    code = normalize(code).lower()
    if len(code) != 1 or code not in VIETNAMESE_ALPHABET:
        problems.append(
            _("Mã tiêu chí “%(code)s” phải là một chữ cái tiếng Việt (a, b, c, d, đ, e, g, …).")
            % {"code": code}
        )
    if not normalize(text):
        problems.append(_("Hãy nhập nội dung tiêu chí."))
    if max_points is None or not Decimal("0") < Decimal(max_points) <= MAX_POINTS_LIMIT:
        problems.append(_("Điểm tối đa phải lớn hơn 0 và không quá 100."))
    if evaluation == Criterion.Evaluation.COMPUTED:
        if not source:
            problems.append(_("Tiêu chí tính tự động cần chọn nguồn dữ liệu."))
        elif source not in Criterion.Source.values:
            problems.append(_("Nguồn dữ liệu “%(source)s” không hợp lệ.") % {"source": source})
        elif subject == Subject.INDIVIDUAL and source in COLLECTIVE_ONLY_SOURCES:
            problems.append(
                _("Nguồn dữ liệu này chỉ tính được cho tập thể. Hãy để chuyên viên thẩm định chấm.")
            )
    elif source:
        problems.append(_("Tiêu chí do chuyên viên chấm thì không chọn nguồn dữ liệu. Hãy bỏ chọn nguồn."))
    return problems


def _check(actor, criterion_set: CriterionSet) -> None:
    if not actor.has_perm("criteria.manage_criteria"):
        raise PermissionDenied(_("Chỉ Trưởng Ban Thi đua – Khen thưởng được sửa bộ tiêu chí."))
    # Lock the campaign row so that the freeze check and the write see the same state.
    campaign = Campaign.objects.select_for_update().get(pk=criterion_set.campaign_id)
    reason = criteria_frozen_reason(campaign)
    if reason:
        raise ValidationError(reason)


def _validate(criterion_set: CriterionSet, values: dict, exclude_pk=None) -> dict:
    values = {**values, "code": normalize(values.get("code", "")).lower(), "text": normalize(values["text"])}
    values["source"] = values.get("source") or ""
    values["short_text"] = normalize(values.get("short_text") or "")
    values["evidence_required"] = bool(values.get("evidence_required"))
    values["evaluation"] = values.get("evaluation") or Criterion.Evaluation.APPRAISER
    problems = criterion_problems(subject=criterion_set.subject, **values)
    taken = Criterion.objects.filter(criterion_set=criterion_set, code=values["code"]).exclude(pk=exclude_pk)
    if values["code"] and taken.exists():
        problems.append(
            _("Bộ tiêu chí đã có tiêu chí “%(code)s”. Hãy chọn mã khác.") % {"code": values["code"]}
        )
    if problems:
        raise ValidationError(problems)
    return values


EDITABLE = ("code", "text", "short_text", "max_points", "evidence_required", "evaluation", "source")


@transaction.atomic
def create_criterion(*, actor, criterion_set: CriterionSet, values: dict) -> Criterion:
    """Add a criterion to a set, unless the campaign's criteria are frozen."""
    _check(actor, criterion_set)
    clean = _validate(criterion_set, {k: values.get(k) for k in EDITABLE})
    return Criterion.objects.create(criterion_set=criterion_set, **clean)


@transaction.atomic
def update_criterion(*, actor, criterion: Criterion, values: dict) -> Criterion:
    """Change a criterion's text, points, evidence flag or evaluation, unless frozen."""
    _check(actor, criterion.criterion_set)
    clean = _validate(criterion.criterion_set, {k: values.get(k) for k in EDITABLE}, exclude_pk=criterion.pk)
    for key, value in clean.items():
        setattr(criterion, key, value)
    criterion.save()
    return criterion


@transaction.atomic
def delete_criterion(*, actor, criterion: Criterion) -> None:
    """Remove a criterion from its set, unless frozen."""
    _check(actor, criterion.criterion_set)
    try:
        criterion.delete()
    except ProtectedError as exc:
        raise ValidationError(
            _(
                "Tiêu chí “%(code)s” đã được dùng trong hồ sơ đang lập nên không xóa được. "
                "Hãy sửa nội dung tiêu chí thay vì xóa."
            )
            % {"code": criterion.code}
        ) from exc
