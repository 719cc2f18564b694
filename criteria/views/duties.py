"""Units' duties: the Sở Nội vụ table of all units, and each unit's own page to register, upload
its launching plan and send its periodic reports."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns.models import Campaign, Cluster, Unit
from campaigns.roles import unit_of
from campaigns.views.plan import active_campaign
from criteria.duty_status import deadlines_of, duties_for_units
from criteria.forms import DeadlineForm, PlanUploadForm, RegistrationForm, ReportUploadForm
from criteria.models import DutyDeadline, PeriodicReport, UnitPlan
from criteria.selectors import PARTICIPANT_KINDS, PROBLEM_FILTERS, duty_units
from criteria.services import duties as services_duties
from portal.web import paginate, permission_required, submit_form

PAGE_SIZE = 50


def _campaign(request) -> Campaign:
    """The campaign asked for (?campaign=id), else the active one."""
    pk = request.GET.get("campaign") or request.POST.get("campaign")
    if pk:
        if not str(pk).isdigit():
            raise Http404
        return get_object_or_404(Campaign, pk=pk)
    campaign = active_campaign()
    if campaign is None:
        raise Http404(_("Chưa có kế hoạch nào."))
    return campaign


@permission_required("criteria.view_duties")
def duties(request):
    campaign = _campaign(request)
    kind = request.GET.get("kind", "")
    kind = kind if kind in PARTICIPANT_KINDS else ""
    cluster = request.GET.get("cluster", "")
    cluster = int(cluster) if cluster.isdigit() else None
    problem = request.GET.get("state", "")
    problem = problem if problem in PROBLEM_FILTERS else ""
    q = request.GET.get("q", "").strip()[:100]
    units = duty_units(request.user, campaign, kind=kind, cluster=cluster, q=q, problem=problem)
    page = paginate(request, units, PAGE_SIZE)
    deadlines = deadlines_of(campaign)
    rows = duties_for_units(campaign, list(page.object_list), deadlines)
    own = unit_of(request.user)
    return render(
        request,
        "criteria/duties.html",
        {
            "campaign": campaign,
            "page": page,
            "rows": rows,
            "deadlines": deadlines,
            "kinds": [(k.value, k.label) for k in PARTICIPANT_KINDS],
            "clusters": Cluster.objects.order_by("kind", "name"),
            "problems": PROBLEM_FILTERS.items(),
            "filters": {"kind": kind, "cluster": cluster, "q": q, "state": problem},
            "own_unit": own
            if own is not None and request.user.has_perm("criteria.submit_duties", own)
            else None,
            "can_manage_deadlines": request.user.has_perm("criteria.manage_deadlines"),
            "breadcrumbs": [(_("Nhiệm vụ đơn vị"), None)],
        },
    )


def _visible_unit(request, pk: int, **_url_kwargs) -> Unit:
    """The unit, if the user may see its duties; 404 otherwise (another unit's id tells nothing).

    Also the object of the views' permission (the other URL arguments, e.g. deadline_pk, are not its own).
    """
    unit = Unit.objects.select_related("parent", "cluster").filter(pk=pk).first()
    if unit is None or not request.user.has_perm("criteria.view_unit_duties", unit):
        raise Http404
    return unit


@permission_required("criteria.view_duties")
def unit_duties(request, pk: int):
    return _unit_page(request, _visible_unit(request, pk))


def _unit_page(request, unit: Unit, forms: dict | None = None):
    """The unit's duties page; `forms` holds the posted form that failed, shown with its errors."""
    campaign = _campaign(request)
    deadlines = deadlines_of(campaign)
    row = duties_for_units(campaign, [unit], deadlines)[0]
    forms = forms or {}
    registration = row.registration.record
    report_rows = [
        {
            "deadline": deadline,
            "cell": cell,
            "form": forms.get(f"report-{deadline.pk}") or ReportUploadForm(prefix=f"r{deadline.pk}"),
        }
        for deadline, cell in zip(deadlines["reports"], row.reports, strict=True)
    ]
    return render(
        request,
        "criteria/unit_duties.html",
        {
            "campaign": campaign,
            "unit": unit,
            "row": row,
            "deadlines": deadlines,
            "report_rows": report_rows,
            "can_submit": request.user.has_perm("criteria.submit_duties", unit)
            and campaign.status == Campaign.Status.ACTIVE,
            "registration_form": forms.get("registration")
            or RegistrationForm(initial={"commitments": registration.commitments if registration else ""}),
            "plan_form": forms.get("plan") or PlanUploadForm(),
            "breadcrumbs": [(_("Nhiệm vụ đơn vị"), reverse("criteria:duties")), (unit.name, None)],
        },
    )


def _back(unit: Unit, campaign: Campaign, anchor: str = ""):
    return redirect(f"{reverse('criteria:unit_duties', args=[unit.pk])}?campaign={campaign.pk}{anchor}")


def _submit(request, unit: Unit, form, *, key: str, service, success: str, back, values):
    """A unit's duty form posted: on a valid form the service with `values(cleaned_data)`, then back to the
    unit's page at `back`; otherwise the unit's page again with the form's errors under `key`."""
    done, _result = submit_form(request, form, service, success=success, values=values, unit=unit)
    if done:
        return back
    return _unit_page(request, unit, forms={key: form})


@permission_required("criteria.submit_duties", fn=_visible_unit)
@require_POST
def register(request, pk: int):
    unit, campaign = _visible_unit(request, pk), _campaign(request)
    return _submit(
        request,
        unit,
        RegistrationForm(request.POST),
        key="registration",
        service=services_duties.register,
        success=_("Đã lưu đăng ký thi đua của đơn vị."),
        back=_back(unit, campaign, "#dang-ky"),
        values=lambda data: {"campaign": campaign, "commitments": data["commitments"]},
    )


@permission_required("criteria.submit_duties", fn=_visible_unit)
@require_POST
def upload_plan(request, pk: int):
    unit, campaign = _visible_unit(request, pk), _campaign(request)
    return _submit(
        request,
        unit,
        PlanUploadForm(request.POST, request.FILES),
        key="plan",
        service=services_duties.upload_plan,
        success=_("Đã tải lên kế hoạch phát động phong trào thi đua của đơn vị."),
        back=_back(unit, campaign, "#ke-hoach"),
        values=lambda data: {
            "campaign": campaign,
            "upload": data["file"],
            "number": data["number"],
            "issued_on": data["issued_on"],
        },
    )


@permission_required("criteria.submit_duties", fn=_visible_unit)
@require_POST
def upload_report(request, pk: int, deadline_pk: int):
    unit = _visible_unit(request, pk)
    deadline = get_object_or_404(DutyDeadline.objects.select_related("campaign"), pk=deadline_pk)
    return _submit(
        request,
        unit,
        ReportUploadForm(request.POST, request.FILES, prefix=f"r{deadline.pk}"),
        key=f"report-{deadline.pk}",
        service=services_duties.upload_report,
        success=_("Đã nộp “%(title)s”.") % {"title": deadline.title},
        back=_back(unit, deadline.campaign, "#bao-cao"),
        values=lambda data: {"deadline": deadline, "upload": data["file"], "number": data["number"]},
    )


def _serve(record) -> FileResponse:
    try:
        handle = default_storage.open(record.file_name, "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle, as_attachment=True, filename=record.original_name, content_type=record.content_type
    )


@permission_required("criteria.view_unit_duties", fn=_visible_unit)
def plan_file(request, pk: int):
    unit = _visible_unit(request, pk)
    campaign = _campaign(request)
    return _serve(get_object_or_404(UnitPlan, campaign=campaign, unit=unit))


@permission_required("criteria.view_unit_duties", fn=_visible_unit)
def report_file(request, pk: int, deadline_pk: int):
    unit = _visible_unit(request, pk)
    return _serve(get_object_or_404(PeriodicReport, deadline_id=deadline_pk, unit=unit))


@permission_required("criteria.manage_deadlines")
def deadlines(request, pk: int | None = None):
    """The manager's list of duty deadlines of the campaign, with a form to add or change one."""
    campaign = _campaign(request)
    deadline = get_object_or_404(DutyDeadline, pk=pk, campaign=campaign) if pk else None
    form = DeadlineForm(request.POST or None, instance=deadline)
    done, _result = submit_form(
        request,
        form,
        services_duties.save_deadline,
        success=_("Đã lưu hạn nhiệm vụ."),
        values=lambda data: {"values": {k: data.get(k) for k in services_duties.DEADLINE_FIELDS}},
        campaign=campaign,
        deadline=deadline,
    )
    if done:
        return redirect(f"{reverse('criteria:deadlines')}?campaign={campaign.pk}")
    return render(
        request,
        "criteria/deadlines.html",
        {
            "campaign": campaign,
            "form": form,
            "editing": deadline,
            "deadline_list": DutyDeadline.objects.filter(campaign=campaign).order_by("due_on", "code"),
            "breadcrumbs": [(_("Nhiệm vụ đơn vị"), reverse("criteria:duties")), (_("Hạn nhiệm vụ"), None)],
        },
    )
