"""The unit's side: "Hồ sơ của đơn vị" — list, create, edit, documents, self-assessment, submit, withdraw."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nominations import computed, selectors
from nominations.completeness import criteria_for, missing_items
from nominations.extensions import earlier_awards_for
from nominations.forms import DocumentUploadForm, NominationCreateForm, SelfAssessmentForm, SummaryForm
from nominations.models import DossierDocument, Notification, State
from nominations.services import content, practice_links, workflow
from nominations.views.common import dossier_action, dossier_page, visible_nomination
from portal.web import call_service, paginate, permission_required

PAGE_SIZE = 25
# What a row of the unit's list shows (unit_list.html) and its ordering needs.
UNIT_LIST_RELATED = ("round", "award_type", "proposing_unit", "nominee_unit", "nominee_person")
UNIT_LIST_COLUMNS = (
    "state",
    "subject",
    "appraisal_due_on",
    "updated_at",
    "round__name",
    "round__closes_on",
    "round__appraisal_deadline",
    "award_type__short_name",
    "proposing_unit__name",
    "nominee_unit__name",
    "nominee_person__full_name",
)


DETAIL = "nominations:detail"


def _crumbs(*extra):
    return [(_("Hồ sơ của đơn vị"), reverse("nominations:unit_list")), *extra]


@permission_required("nominations.view_unit_dossiers")
def unit_list(request):
    page = dossier_page(
        request,
        selectors.unit_dossiers(request.user),
        related=UNIT_LIST_RELATED,
        columns=UNIT_LIST_COLUMNS,
        per_page=PAGE_SIZE,
    )
    # The template links each notice by nomination_id: the dossier itself is not read.
    notices = list(
        Notification.objects.filter(user=request.user, read_at__isnull=True).only(
            "nomination_id", "message", "created_at"
        )[:5]
    )
    return render(
        request,
        "nominations/unit_list.html",
        {"page": page, "notices": notices, "breadcrumbs": [(_("Hồ sơ của đơn vị"), None)]},
    )


@permission_required("nominations.create_nomination")
@require_http_methods(["GET", "POST"])
def create(request):
    form = NominationCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        created, nomination = call_service(
            request,
            workflow.create_draft,
            success=_("Đã lập hồ sơ dự thảo. Hãy tải tài liệu và tự đánh giá các tiêu chí."),
            actor=request.user,
            **form.cleaned_data,
        )
        if created:
            return redirect(DETAIL, pk=nomination.pk)
    return render(
        request,
        "nominations/create.html",
        {"form": form, "breadcrumbs": _crumbs((_("Lập hồ sơ mới"), None))},
    )


def _criteria_rows(nomination):
    """Each criterion with the unit's self-assessment, the appraiser's score and, if computed, its result."""
    criteria = criteria_for(nomination)
    assessments = {a.criterion_id: a for a in nomination.assessments.prefetch_related("documents")}
    results = computed.evaluate_all(criteria, nomination)
    rows = [
        {"criterion": c, "assessment": assessments.get(c.pk), "computed": results.get(c.pk)} for c in criteria
    ]
    return criteria, assessments, rows


@permission_required("nominations.open_nomination")
def detail(request, pk: int):
    nomination = visible_nomination(request, pk)
    user = request.user
    can_change = user.has_perm("nominations.change_nomination", nomination)
    _criteria, _assessments, rows = _criteria_rows(nomination)
    context = {
        "n": nomination,
        "documents": nomination.documents.select_related("document_type", "uploaded_by"),
        "criteria_rows": rows,
        "history": selectors.history(nomination),
        "missing": missing_items(nomination) if nomination.state in (State.DRAFT, State.RETURNED) else [],
        "return_reason": selectors.last_return_reason(nomination)
        if nomination.state == State.RETURNED
        else "",
        "can_change": can_change,
        "can_submit": user.has_perm("nominations.submit_nomination", nomination),
        "can_withdraw": user.has_perm("nominations.withdraw_nomination", nomination),
        "upload_form": DocumentUploadForm() if can_change else None,
        "summary_form": SummaryForm(initial={"summary": nomination.summary}) if can_change else None,
        "earlier_awards": earlier_awards_for(nomination),
        "practice_links": practice_links.linked_practices(nomination),
        "linkable_practices": list(practice_links.linkable_practices(nomination)) if can_change else [],
        "breadcrumbs": _crumbs((nomination.code, None))
        if user.has_perm("nominations.view_unit_dossiers")
        else [(nomination.code, None)],
    }
    return render(request, "nominations/detail.html", context)


@permission_required("nominations.open_nomination")
@require_POST
def edit_summary(request, pk: int):
    return dossier_action(
        request,
        DETAIL,
        visible_nomination(request, pk),
        content.update_summary,
        success=_("Đã lưu tóm tắt thành tích."),
        form=SummaryForm(request.POST),
    )


@permission_required("nominations.open_nomination")
@require_POST
def link_practice(request, pk: int):
    nomination = visible_nomination(request, pk)
    try:
        practice_id = int(request.POST.get("practice", ""))
    except ValueError:
        messages.error(request, _("Hãy chọn một mô hình, sáng kiến trong danh sách."))
        return redirect(DETAIL, pk=pk)
    return dossier_action(
        request,
        DETAIL,
        nomination,
        practice_links.link_practice,
        success=_("Đã thêm mô hình, sáng kiến làm minh chứng."),
        practice_id=practice_id,
    )


@permission_required("nominations.open_nomination")
@require_POST
def unlink_practice(request, pk: int, link_pk: int):
    return dossier_action(
        request,
        DETAIL,
        visible_nomination(request, pk),
        practice_links.unlink_practice,
        success=_("Đã bỏ mô hình, sáng kiến khỏi hồ sơ."),
        link_id=link_pk,
    )


@permission_required("nominations.open_nomination")
@require_POST
def upload(request, pk: int):
    nomination = visible_nomination(request, pk)
    if not request.user.has_perm("nominations.view_unit_dossiers"):
        raise PermissionDenied
    form = DocumentUploadForm(request.POST, request.FILES)
    return dossier_action(
        request,
        DETAIL,
        nomination,
        content.add_document,
        success=lambda _document: (
            _("Đã tải lên tài liệu “%(name)s”.") % {"name": form.cleaned_data["file"].name}
        ),
        form=form,
        values=lambda data: {
            "document_type": data["document_type"],
            "upload": data["file"],
            "title": data["title"],
        },
    )


@permission_required("nominations.open_nomination")
@require_POST
def delete_document(request, pk: int, doc_pk: int):
    nomination = visible_nomination(request, pk)
    document = get_object_or_404(DossierDocument, pk=doc_pk, nomination=nomination)
    return dossier_action(
        request, DETAIL, nomination, content.remove_document, success=_("Đã xóa tài liệu."), document=document
    )


@permission_required("nominations.open_nomination")
@require_http_methods(["GET", "POST"])
def self_assess(request, pk: int):
    nomination = visible_nomination(request, pk)
    if not request.user.has_perm("nominations.change_nomination", nomination):
        if request.method == "POST" or not request.user.has_perm("nominations.view_unit_dossiers"):
            raise PermissionDenied
        messages.info(request, _("Hồ sơ đã khóa: chỉ tự đánh giá khi hồ sơ là dự thảo hoặc bị trả lại."))
        return redirect(DETAIL, pk=pk)
    criteria, assessments, rows = _criteria_rows(nomination)
    form = SelfAssessmentForm(
        request.POST or None,
        criteria=criteria,
        assessments=assessments,
        documents=nomination.documents.select_related("document_type"),
    )
    if request.method == "POST" and form.is_valid():
        saved, _count = call_service(
            request,
            content.save_self_assessments,
            success=_("Đã lưu tự đánh giá."),
            actor=request.user,
            nomination=nomination,
            rows=list(form.cleaned_rows()),
        )
        if saved:
            return redirect(DETAIL, pk=pk)
    computed_rows = [r for r in rows if r["computed"] is not None]
    return render(
        request,
        "nominations/self_assess.html",
        {
            "n": nomination,
            "form": form,
            "computed_rows": computed_rows,
            "breadcrumbs": _crumbs(
                (nomination.code, reverse("nominations:detail", args=[pk])), (_("Tự đánh giá"), None)
            ),
        },
    )


@permission_required("nominations.open_nomination")
@require_POST
def submit(request, pk: int):
    nomination = visible_nomination(request, pk)
    if nomination.state == State.RETURNED:
        service, success = workflow.resubmit, _("Đã nộp lại hồ sơ sau khi bổ sung.")
    else:
        service, success = workflow.submit, _("Đã nộp hồ sơ lên Sở Nội vụ. Tài liệu và tự đánh giá đã khóa.")
    return dossier_action(request, DETAIL, nomination, service, success=success)


@permission_required("nominations.open_nomination")
@require_POST
def withdraw(request, pk: int):
    return dossier_action(
        request,
        DETAIL,
        visible_nomination(request, pk),
        workflow.withdraw,
        success=_("Đã rút hồ sơ."),
        reason=request.POST.get("reason", ""),
    )


@permission_required("nominations.view_concluded")
def concluded(request):
    return render(
        request,
        "nominations/concluded.html",
        {
            "page": paginate(request, selectors.concluded_dossiers(), PAGE_SIZE),
            "breadcrumbs": [(_("Hồ sơ đã thẩm định"), None)],
        },
    )
