"""The unit's side: "Hồ sơ của đơn vị" — list, create, edit, documents, self-assessment, submit, withdraw."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from rules.contrib.views import permission_required

from nominations import computed, practice_links, selectors, services, workflow
from nominations.completeness import criteria_for, missing_items
from nominations.extensions import earlier_awards_for
from nominations.forms import DocumentUploadForm, NominationCreateForm, SelfAssessmentForm, SummaryForm
from nominations.models import DossierDocument, Notification, State
from nominations.views.common import form_errors, run_service, visible_nomination

PAGE_SIZE = 25
# What a row of the unit's list shows (unit_list.html, includes/state.html) and its ordering needs.
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


def _crumbs(*extra):
    return [(_("Hồ sơ của đơn vị"), reverse("nominations:unit_list")), *extra]


@permission_required("nominations.view_unit_dossiers", raise_exception=True)
def unit_list(request):
    rows = (
        selectors.unit_dossiers(request.user)
        .select_related(None)
        .select_related(*UNIT_LIST_RELATED)
        .only(*UNIT_LIST_COLUMNS)
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    selectors.annotate_deadlines(page.object_list)
    selectors.annotate_labels(page.object_list)
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


@permission_required("nominations.create_nomination", raise_exception=True)
@require_http_methods(["GET", "POST"])
def create(request):
    form = NominationCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        result = {}

        def action():
            result["n"] = workflow.create_draft(actor=request.user, **form.cleaned_data)

        if run_service(
            request, action, _("Đã lập hồ sơ dự thảo. Hãy tải tài liệu và tự đánh giá các tiêu chí.")
        ):
            return redirect("nominations:detail", pk=result["n"].pk)
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


@require_POST
def edit_summary(request, pk: int):
    nomination = visible_nomination(request, pk)
    form = SummaryForm(request.POST)
    if form.is_valid():
        run_service(
            request,
            lambda: services.update_summary(actor=request.user, nomination=nomination, **form.cleaned_data),
            _("Đã lưu tóm tắt thành tích."),
        )
    return redirect("nominations:detail", pk=pk)


@require_POST
def link_practice(request, pk: int):
    nomination = visible_nomination(request, pk)
    try:
        practice_id = int(request.POST.get("practice", ""))
    except ValueError:
        messages.error(request, _("Hãy chọn một mô hình, sáng kiến trong danh sách."))
        return redirect("nominations:detail", pk=pk)
    run_service(
        request,
        lambda: practice_links.link_practice(
            actor=request.user, nomination=nomination, practice_id=practice_id
        ),
        _("Đã thêm mô hình, sáng kiến làm minh chứng."),
    )
    return redirect("nominations:detail", pk=pk)


@require_POST
def unlink_practice(request, pk: int, link_pk: int):
    nomination = visible_nomination(request, pk)
    run_service(
        request,
        lambda: practice_links.unlink_practice(actor=request.user, nomination=nomination, link_id=link_pk),
        _("Đã bỏ mô hình, sáng kiến khỏi hồ sơ."),
    )
    return redirect("nominations:detail", pk=pk)


@require_POST
def upload(request, pk: int):
    nomination = visible_nomination(request, pk)
    if not request.user.has_perm("nominations.view_unit_dossiers"):
        raise PermissionDenied
    form = DocumentUploadForm(request.POST, request.FILES)
    if form.is_valid():
        run_service(
            request,
            lambda: services.add_document(
                actor=request.user,
                nomination=nomination,
                document_type=form.cleaned_data["document_type"],
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
            ),
            _("Đã tải lên tài liệu “%(name)s”.") % {"name": form.cleaned_data["file"].name},
        )
    else:
        form_errors(request, form)
    return redirect("nominations:detail", pk=pk)


@require_POST
def delete_document(request, pk: int, doc_pk: int):
    nomination = visible_nomination(request, pk)
    document = get_object_or_404(DossierDocument, pk=doc_pk, nomination=nomination)
    run_service(
        request,
        lambda: services.remove_document(actor=request.user, nomination=nomination, document=document),
        _("Đã xóa tài liệu."),
    )
    return redirect("nominations:detail", pk=pk)


@require_http_methods(["GET", "POST"])
def self_assess(request, pk: int):
    nomination = visible_nomination(request, pk)
    if not request.user.has_perm("nominations.change_nomination", nomination):
        if request.method == "POST" or not request.user.has_perm("nominations.view_unit_dossiers"):
            raise PermissionDenied
        messages.info(request, _("Hồ sơ đã khóa: chỉ tự đánh giá khi hồ sơ là dự thảo hoặc bị trả lại."))
        return redirect("nominations:detail", pk=pk)
    criteria, assessments, rows = _criteria_rows(nomination)
    form = SelfAssessmentForm(
        request.POST or None,
        criteria=criteria,
        assessments=assessments,
        documents=nomination.documents.select_related("document_type"),
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            request,
            lambda: services.save_self_assessments(
                actor=request.user, nomination=nomination, rows=list(form.cleaned_rows())
            ),
            _("Đã lưu tự đánh giá."),
        )
        if saved:
            return redirect("nominations:detail", pk=pk)
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


@require_POST
def submit(request, pk: int):
    nomination = visible_nomination(request, pk)
    if nomination.state == State.RETURNED:
        run_service(
            request,
            lambda: workflow.resubmit(actor=request.user, nomination=nomination),
            _("Đã nộp lại hồ sơ sau khi bổ sung."),
        )
    else:
        run_service(
            request,
            lambda: workflow.submit(actor=request.user, nomination=nomination),
            _("Đã nộp hồ sơ lên Sở Nội vụ. Tài liệu và tự đánh giá đã khóa."),
        )
    return redirect("nominations:detail", pk=pk)


@require_POST
def withdraw(request, pk: int):
    nomination = visible_nomination(request, pk)
    run_service(
        request,
        lambda: workflow.withdraw(
            actor=request.user, nomination=nomination, reason=request.POST.get("reason", "")
        ),
        _("Đã rút hồ sơ."),
    )
    return redirect("nominations:detail", pk=pk)


@permission_required("nominations.view_concluded", raise_exception=True)
def concluded(request):
    page = Paginator(selectors.concluded_dossiers(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "nominations/concluded.html",
        {"page": page, "breadcrumbs": [(_("Hồ sơ đã thẩm định"), None)]},
    )
