"""Changes to a dossier's content (summary, documents, self-assessment, appraisal scores).

State changes live in nominations.services.workflow; these functions only change content, and only while the
state allows it: the unit in DRAFT/RETURNED inside the window, the appraiser while IN_REVIEW.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from campaigns.files import DOCUMENT_KINDS, check_upload, store
from campaigns.models import DocumentType
from criteria.models import Criterion
from nominations import rules as perms
from nominations.completeness import criteria_for
from nominations.models import CriterionAssessment, DossierDocument, Nomination, State
from nominations.services.workflow import ensure_unit_may_edit, lock_as


def lock_for_unit(actor, nomination: Nomination) -> Nomination:
    """The dossier locked for a change by its unit: in scope, and in a state and window that allow it."""
    locked = lock_as(actor, nomination, perms.may_prepare, _("Bạn không có quyền sửa hồ sơ này."))
    ensure_unit_may_edit(locked)
    return locked


def _lock_for_appraiser(actor, nomination: Nomination) -> Nomination:
    locked = lock_as(
        actor, nomination, perms.may_appraise, _("Bạn không được phân công thẩm định hồ sơ này.")
    )
    if locked.state != State.IN_REVIEW:
        raise ValidationError(
            _("Hồ sơ đang ở trạng thái “%(state)s”: chỉ chấm điểm khi hồ sơ đang thẩm định.")
            % {"state": locked.get_state_display()}
        )
    return locked


@transaction.atomic
def update_summary(*, actor, nomination: Nomination, summary: str) -> Nomination:
    """Change the summary of achievements of a draft or returned dossier."""
    locked = lock_for_unit(actor, nomination)
    locked.summary = summary.strip()
    locked.save(update_fields=["summary", "updated_at"])
    nomination.summary = locked.summary
    return locked


@transaction.atomic
def add_document(
    *, actor, nomination: Nomination, document_type: DocumentType, upload, title: str = ""
) -> DossierDocument:
    """Check the file by its content, store it under a generated name, attach it to the dossier."""
    locked = lock_for_unit(actor, nomination)
    checked = check_upload(upload, allowed=DOCUMENT_KINDS)
    name = store(checked, f"dossiers/{locked.pk}")
    # The file is on disk before the row exists: remove it again if the row cannot be written.
    try:
        return DossierDocument.objects.create(
            nomination=locked,
            document_type=document_type,
            title=title.strip()[:255],
            storage_name=name,
            original_name=checked.original_name,
            kind=checked.kind.code,
            content_type=checked.kind.content_type,
            size=checked.size,
            sha256=checked.sha256,
            uploaded_by=actor,
        )
    except Exception:
        default_storage.delete(name)
        raise


@transaction.atomic
def remove_document(*, actor, nomination: Nomination, document: DossierDocument) -> None:
    """Remove a document from a draft or returned dossier (the file goes once the removal commits)."""
    locked = lock_for_unit(actor, nomination)
    if document.nomination_id != locked.pk:
        raise PermissionDenied(_("Tài liệu không thuộc hồ sơ này."))
    name = document.storage_name
    document.delete()
    transaction.on_commit(lambda: default_storage.delete(name))


def _points(value, criterion: Criterion, label: str) -> Decimal | None:
    if value in (None, ""):
        return None
    value = Decimal(str(value))
    if value < 0 or value > criterion.max_points:
        raise ValidationError(
            _("%(label)s của tiêu chí %(code)s phải từ 0 đến %(max)s.")
            % {"label": label, "code": criterion.code, "max": criterion.max_points.normalize()}
        )
    return value


@transaction.atomic
def save_self_assessment(
    *,
    actor,
    nomination: Nomination,
    criterion: Criterion,
    met: bool | None,
    points=None,
    evidence: str = "",
    documents=(),
) -> CriterionAssessment:
    """Record the unit's own view of one criterion: met or not, points, evidence, linked documents."""
    locked = lock_for_unit(actor, nomination)
    if criterion.pk not in {c.pk for c in criteria_for(locked)}:
        raise ValidationError(_("Tiêu chí không thuộc bộ tiêu chí của hồ sơ này."))
    if criterion.evaluation == Criterion.Evaluation.COMPUTED:
        raise ValidationError(
            _("Tiêu chí %(code)s được tính tự động từ dữ liệu, đơn vị không tự đánh giá.")
            % {"code": criterion.code}
        )
    documents = list(documents)
    if any(d.nomination_id != locked.pk for d in documents):
        raise ValidationError(_("Chỉ liên kết được tài liệu của chính hồ sơ này."))
    assessment, _created = CriterionAssessment.objects.get_or_create(nomination=locked, criterion=criterion)
    assessment.self_met = met
    assessment.self_points = _points(points, criterion, _("Điểm tự chấm"))
    assessment.evidence = (evidence or "").strip()
    assessment.save()
    assessment.documents.set(documents)
    return assessment


@transaction.atomic
def record_scores(*, actor, nomination: Nomination, scores: dict[int, tuple]) -> int:
    """Store the appraiser's points and comment per criterion ({criterion_id: (points, comment)})."""
    locked = _lock_for_appraiser(actor, nomination)
    criteria = {c.pk: c for c in criteria_for(locked)}
    unknown = set(scores) - set(criteria)
    if unknown:
        raise ValidationError(_("Có tiêu chí không thuộc bộ tiêu chí của hồ sơ này."))
    checked = {
        pk: (_points(points, criteria[pk], _("Điểm thẩm định")), (comment or "").strip())
        for pk, (points, comment) in scores.items()
    }
    existing = {a.criterion_id: a for a in CriterionAssessment.objects.filter(nomination=locked)}
    for pk, (points, comment) in checked.items():
        assessment = existing.get(pk) or CriterionAssessment(nomination=locked, criterion=criteria[pk])
        assessment.appraiser_points = points
        assessment.appraiser_comment = comment
        assessment.save()
    return len(checked)


@transaction.atomic
def save_self_assessments(*, actor, nomination: Nomination, rows) -> int:
    """Save several criteria at once, all or nothing: rows of (criterion, met, points, evidence, docs)."""
    count = 0
    for criterion, met, points, evidence, documents in rows:
        save_self_assessment(
            actor=actor,
            nomination=nomination,
            criterion=criterion,
            met=met,
            points=points,
            evidence=evidence,
            documents=documents,
        )
        count += 1
    return count
