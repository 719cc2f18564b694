"""Sở Nội vụ's side: the appraisal queue, taking and assigning dossiers, the appraisal page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nominations import computed, deadlines, selectors
from nominations.completeness import criteria_for
from nominations.extensions import earlier_awards_for
from nominations.forms import AssignForm, ConcludeForm, QueueFilterForm, ReasonForm, ScoreForm
from nominations.models import State
from nominations.services import content, practice_links, workflow
from nominations.views.common import dossier_action, dossier_page, visible_nomination
from portal.web import form_markup_key, markup_key, permission_required, show_form_errors

PAGE_SIZE = 25
APPRAISE = "nominations:appraise"
_PK = 2_147_483_647  # a placeholder id: the appraisal page's address is reversed once per page
# What a queue row shows (queue.html) and the ordering needs: nothing more is read.
# Round and award type names come from the filter form's lists: two joins fewer to plan per page.
QUEUE_RELATED = ("proposing_unit", "nominee_unit", "nominee_person", "appraiser")
QUEUE_COLUMNS = (
    "state",
    "subject",
    "appraisal_due_on",
    "complete_at",
    "round_id",
    "award_type_id",
    "proposing_unit__name",
    "nominee_unit__name",
    "nominee_person__full_name",
    "appraiser__first_name",
    "appraiser__last_name",
)


def _queue_rows(nominations, form: QueueFilterForm) -> list[dict]:
    """What each row of the queue shows (queue.html writes the markup), as plain dicts: the template
    engine reads a dict's key at its first try, an object's attribute only after that failed, and a
    reverse() per row cost more than the rest of the row (bench/page_timing.py)."""
    link = reverse("nominations:appraise", args=[_PK]).replace(str(_PK), "{}")
    return [
        {
            "url": link.format(n.pk),
            "code": n.code,
            "nominee": n.nominee_name,
            "subject": n.subject_label,
            "unit": n.proposing_unit.name,
            "award_type": form.award_type_short_names.get(n.award_type_id, ""),
            "round": form.round_names.get(n.round_id, ""),
            "state": n.state,
            "state_label": n.state_label,
            "appraiser": f"{n.appraiser.last_name} {n.appraiser.first_name}" if n.appraiser_id else "",
            "due_on": n.appraisal_due_on.strftime("%d/%m/%Y") if n.appraisal_due_on else "",
            "deadline_note": n.deadline_note,
            "is_overdue": n.is_overdue,
        }
        for n in nominations
    ]


def _queue_filters(form) -> selectors.QueueFilters:
    if not form.is_valid():
        return selectors.QueueFilters()
    d = form.cleaned_data
    return selectors.QueueFilters(
        round=d["round"].pk if d["round"] else None,
        state=d["state"] or "",
        unit_kind=d["unit_kind"] or "",
        cluster=d["cluster"].pk if d["cluster"] else None,
        award_type=d["award_type"].pk if d["award_type"] else None,
        appraiser=d["appraiser"] or "",
        overdue=d["overdue"],
        q=d["q"] or "",
    )


@permission_required("nominations.view_queue")
def queue(request):
    appraisers = selectors.appraisers().only("pk", "username", "first_name", "last_name")
    form = QueueFilterForm(request.GET or None, appraisers=appraisers)
    filters = _queue_filters(form)
    page = dossier_page(
        request,
        selectors.queue(request.user, filters),
        related=QUEUE_RELATED,
        columns=QUEUE_COLUMNS,
        per_page=PAGE_SIZE,
    )
    rows = _queue_rows(page.object_list, form)
    # The unread count in the header comes from the context processor (unread_notifications).
    return render(
        request,
        "nominations/queue.html",
        {
            "form": form,
            "form_key": form_markup_key(form),
            "page": page,
            "rows": rows,
            "rows_key": markup_key(rows),
            "progress": selectors.appraiser_progress(filters.round),
            "breadcrumbs": [(_("Thẩm định hồ sơ"), None)],
        },
    )


@permission_required("nominations.view_queue")
@require_POST
def take_next(request):
    taken = workflow.take_next(actor=request.user)
    if taken is None:
        messages.info(request, _("Không còn hồ sơ nào chưa được phân công."))
        return redirect("nominations:queue")
    messages.success(request, _("Bạn đã nhận thẩm định hồ sơ %(code)s.") % {"code": taken.code})
    return redirect("nominations:appraise", pk=taken.pk)


def _appraisal_nomination(request, pk: int):
    """Sở Nội vụ's pages on a dossier: 404 for anyone else."""
    if not request.user.has_perm("nominations.view_queue"):
        raise Http404
    return visible_nomination(request, pk)


@permission_required("nominations.open_nomination")
@require_POST
def take(request, pk: int):
    nomination = _appraisal_nomination(request, pk)
    return dossier_action(
        request,
        APPRAISE,
        nomination,
        workflow.take,
        success=_("Bạn đã nhận thẩm định hồ sơ %(code)s.") % {"code": nomination.code},
    )


@permission_required("nominations.open_nomination")
@require_POST
def assign(request, pk: int):
    nomination = _appraisal_nomination(request, pk)
    if not request.user.has_perm("nominations.assign_nominations"):
        raise PermissionDenied
    return dossier_action(
        request,
        APPRAISE,
        nomination,
        workflow.assign,
        success=_("Đã phân công thẩm định."),
        form=AssignForm(request.POST, appraisers=selectors.appraisers()),
        values=lambda data: {"appraiser": data["appraiser"]},
    )


def _documents_and_evidence(nomination):
    """The dossier's documents and, per self-assessment, the documents it cites: one query."""
    documents, evidence, seen = [], {}, {}
    rows = nomination.documents.select_related("document_type").annotate(cited_by=F("assessments__pk"))
    for document in rows:
        first = seen.setdefault(document.pk, document)
        if first is document:
            documents.append(document)
        if document.cited_by is not None:
            evidence.setdefault(document.cited_by, []).append(first)
    return documents, evidence


def _appraisal_forms(nomination, *, can_assign: bool, can_appraise: bool) -> dict:
    """The page's small forms the user may use, each with the key its fields' markup is kept under
    (appraise.html): Django's widget templates cost more than the rest of the page's markup."""
    forms = {}
    if can_assign:
        forms["assign_form"] = AssignForm(
            appraisers=selectors.appraisers(), initial={"appraiser": nomination.appraiser_id}
        )
    if can_appraise:
        forms["return_form"] = ReasonForm(prefix="return")
        forms["conclude_form"] = ConcludeForm(prefix="conclude")
    return {**forms, **{f"{name}_key": form_markup_key(form) for name, form in forms.items()}}


@permission_required("nominations.open_nomination")
def appraise(request, pk: int):
    nomination = _appraisal_nomination(request, pk)
    user = request.user
    criteria = criteria_for(nomination)
    assessments = {a.criterion_id: a for a in nomination.assessments.all()}
    documents, evidence = _documents_and_evidence(nomination)
    results = computed.evaluate_all(criteria, nomination)
    suggestions = {pk_: r.points for pk_, r in results.items() if r.points is not None}
    can_appraise = user.has_perm("nominations.appraise_nomination", nomination)
    can_assign = user.has_perm("nominations.assign_nomination", nomination)
    score_form = ScoreForm(criteria=criteria, assessments=assessments, suggestions=suggestions)
    rows = []
    for c in criteria:
        assessment = assessments.get(c.pk)
        rows.append(
            {
                "criterion": c,
                "assessment": assessment,
                "evidence_documents": evidence.get(assessment.pk, []) if assessment else [],
                "computed": results.get(c.pk),
                "points": score_form[f"c{c.pk}_points"],
                "comment": score_form[f"c{c.pk}_comment"],
            }
        )
    days_left = None
    if nomination.appraisal_due_on and nomination.state in (State.SUBMITTED, State.IN_REVIEW):
        days_left = deadlines.working_days_left(
            timezone.localdate(), nomination.appraisal_due_on, deadlines.holidays()
        )
    return render(
        request,
        "nominations/appraise.html",
        {
            "n": nomination,
            "rows": rows,
            "documents": documents,
            "first_pdf": next((d for d in documents if d.is_pdf), None),
            "history": selectors.history(nomination),
            "earlier_awards": earlier_awards_for(nomination),
            "practice_links": practice_links.linked_practices(nomination),
            "days_left": days_left,
            "is_overdue": days_left is not None and timezone.localdate() > nomination.appraisal_due_on,
            "can_appraise": can_appraise,
            "can_take": user.has_perm("nominations.take_nomination", nomination),
            "can_assign": can_assign,
            **_appraisal_forms(nomination, can_assign=can_assign, can_appraise=can_appraise),
            "total": sum(
                (a.appraiser_points for a in assessments.values() if a.appraiser_points is not None), 0
            ),
            "breadcrumbs": [(_("Thẩm định hồ sơ"), reverse("nominations:queue")), (nomination.code, None)],
        },
    )


@permission_required("nominations.open_nomination")
@require_POST
def score(request, pk: int):
    nomination = _appraisal_nomination(request, pk)
    form = ScoreForm(request.POST, criteria=criteria_for(nomination), assessments={}, suggestions={})
    if form.is_valid():
        return dossier_action(
            request,
            APPRAISE,
            nomination,
            content.record_scores,
            success=_("Đã lưu điểm thẩm định."),
            scores=form.scores(),
        )
    if not request.user.has_perm("nominations.appraise_nomination", nomination):
        raise PermissionDenied
    show_form_errors(request, form)
    return redirect(APPRAISE, pk=pk)


@permission_required("nominations.open_nomination")
@require_POST
def return_for_supplement(request, pk: int):
    nomination = _appraisal_nomination(request, pk)
    form = ReasonForm(request.POST, prefix="return")
    form.is_valid()
    return dossier_action(
        request,
        APPRAISE,
        nomination,
        workflow.return_for_supplement,
        success=_("Đã trả lại hồ sơ %(code)s để đơn vị bổ sung.") % {"code": nomination.code},
        reason=form.cleaned_data.get("reason", ""),
    )


@permission_required("nominations.open_nomination")
@require_POST
def conclude(request, pk: int):
    nomination = _appraisal_nomination(request, pk)
    form = ConcludeForm(request.POST, prefix="conclude")
    if not form.is_valid():
        if not request.user.has_perm("nominations.appraise_nomination", nomination):
            raise PermissionDenied
        messages.error(request, _("Hãy chọn kết luận: đủ hoặc không đủ điều kiện."))
        return redirect(APPRAISE, pk=pk)
    reason = form.cleaned_data["reason"]
    if form.cleaned_data["verdict"] == "eligible":
        service, success = workflow.conclude_eligible, _("Đã kết luận hồ sơ %(code)s đủ điều kiện.")
        explanation = {"comment": reason}
    else:
        service, success = workflow.conclude_ineligible, _("Đã kết luận hồ sơ %(code)s không đủ điều kiện.")
        explanation = {"reason": reason}
    return dossier_action(
        request, APPRAISE, nomination, service, success=success % {"code": nomination.code}, **explanation
    )
