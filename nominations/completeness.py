"""What a dossier still lacks before it can be submitted: the one place that rule lives."""

from django.utils.translation import gettext as _

from criteria.models import Criterion
from nominations.models import Nomination


def criteria_for(nomination: Nomination) -> list[Criterion]:
    """The criteria of the campaign's set for the nominee's subject, in Vietnamese letter order.

    One query: a campaign has at most one set per subject (criterion_set_per_subject)."""
    return list(
        Criterion.objects.filter(
            criterion_set__campaign_id=nomination.round.campaign_id,
            criterion_set__subject=nomination.subject,
        ).order_by("sort_key", "code")
    )


def missing_items(nomination: Nomination) -> list[str]:
    """Each missing piece as a short Vietnamese phrase, in the order a unit would fix them."""
    missing: list[str] = []
    if not nomination.summary.strip():
        missing.append(_("Tóm tắt thành tích"))
    present = set(nomination.documents.values_list("document_type_id", flat=True))
    for doc_type in nomination.round.required_document_types.order_by("order", "name"):
        if doc_type.pk not in present:
            missing.append(doc_type.name)
    assessments = {a.criterion_id: a for a in nomination.assessments.prefetch_related("documents").all()}
    for criterion in criteria_for(nomination):
        if criterion.evaluation == Criterion.Evaluation.COMPUTED:
            continue  # computed from data (own plan, ranking, reporting): nothing to self-assess
        assessment = assessments.get(criterion.pk)
        if assessment is None or assessment.self_met is None:
            missing.append(_("Tự đánh giá tiêu chí %(code)s") % {"code": criterion.code})
        elif (
            criterion.evidence_required
            and assessment.self_met
            and not assessment.evidence.strip()
            and not assessment.documents.all()
        ):
            missing.append(_("Minh chứng cho tiêu chí %(code)s") % {"code": criterion.code})
    return missing


def missing_message(missing: list[str]) -> str:
    return _("Hồ sơ còn thiếu: %(items)s. Hãy bổ sung rồi nộp lại.") % {"items": "; ".join(missing)}
