"""The "Báo cáo" pages: ask for a report, follow its progress, download it, see the history; and a
decision's certificates, which are a job of the same kind (asked for from the decision's page)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from awards.views.certificates import printable_decision
from portal.web import act, call_service, paginate, permission_required, submit_form, visible_or_404
from reports import selectors, services, storage
from reports.forms import ReportRequestForm
from reports.models import ReportJob

PAGE_SIZE = 20
CONTENT_TYPES = {
    ReportJob.Format.PDF: "application/pdf",
    ReportJob.Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ReportJob.Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _visible_job(request, pk: int) -> ReportJob:
    """The job if this user may see it; 404 otherwise (another unit's report does not exist for them)."""
    return visible_or_404(request, "reports.view_job", selectors.visible_jobs(request.user), pk=pk)


def _stored_file(job: ReportJob):
    """The path of a done job's file on the server; 404 while it is not built or when it is gone."""
    if job.state != ReportJob.State.DONE or not job.file:
        raise Http404(_("Báo cáo chưa tạo xong."))
    path = storage.path_of(job.file.name)
    if not path.is_file():
        raise Http404(_("Tệp báo cáo không còn trên máy chủ."))
    return path


def _request_report(**kwargs) -> ReportJob:
    """request_report, its refusal of a kind or unit outside the user's reach shown on the form like its
    other sentences (the form only offers what the user may ask for; this is a forged or stale POST)."""
    try:
        return services.request_report(**kwargs)
    except PermissionDenied as error:
        raise ValidationError(str(error)) from error


@permission_required("reports.view_reports")
def home(request):
    form = ReportRequestForm(request.POST or None, user=request.user)
    ok, job = submit_form(
        request,
        form,
        _request_report,
        success=_("Đã nhận yêu cầu. Báo cáo đang được tạo, hãy theo dõi tiến độ bên dưới."),
    )
    if ok:
        return redirect("reports:job", pk=job.pk)
    return render(
        request,
        "reports/home.html",
        {
            "form": form,
            "page": paginate(request, selectors.visible_jobs(request.user), PAGE_SIZE),
            "breadcrumbs": [(_("Báo cáo"), None)],
        },
    )


@permission_required("reports.view_reports")
def job(request, pk: int):
    job = _visible_job(request, pk)
    versions = selectors.visible_jobs(request.user).filter(series=job.series).order_by("-version")[:20]
    if job.kind == ReportJob.Kind.CERTIFICATES:
        back = (job.decision.number, reverse("awards:decision_detail", args=[job.decision_id]))
    else:
        back = (_("Báo cáo"), reverse("reports:home"))
    return render(
        request,
        "reports/job.html",
        {
            "job": job,
            "versions": versions,
            "breadcrumbs": [
                back,
                (_("%(title)s – bản %(version)s") % {"title": job.title, "version": job.version}, None),
            ],
        },
    )


@never_cache
@require_GET
@permission_required("reports.view_reports")
def job_status(request, pk: int):
    job = _visible_job(request, pk)
    return JsonResponse(
        {
            "state": job.state,
            "state_label": job.get_state_display(),
            "progress": job.progress,
            "step": job.step,
            "error": job.error,
            "finished": job.is_finished,
            "download_url": reverse("reports:download", args=[job.pk])
            if job.state == ReportJob.State.DONE
            else None,
        }
    )


@require_GET
@permission_required("reports.view_reports")
def download(request, pk: int):
    job = _visible_job(request, pk)
    path = _stored_file(job)
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=job.download_name(),
        content_type=CONTENT_TYPES[job.format],
    )


@require_POST
@permission_required("reports.view_reports")
def retry(request, pk: int):
    job = _visible_job(request, pk)
    return act(
        request,
        services.retry_report,
        back=reverse("reports:job", args=[job.pk]),
        success=_("Đã gửi lại yêu cầu tạo báo cáo."),
        job=job,
    )


@permission_required("awards.print_certificates", fn=printable_decision)
def certificates(request, decision_id: int):
    """All certificates of a decision in one PDF. GET: the PDF once built, the job's page while it is
    being built or has failed, else a button to ask for it; POST: ask the worker to build it."""
    decision = printable_decision(request, decision_id)
    if request.method == "POST":
        ok, job = call_service(
            request,
            services.request_certificates,
            success=_("Đang tạo tệp giấy chứng nhận; trang sẽ tự cập nhật khi xong."),
            actor=request.user,
            decision=decision,
        )
        return redirect("reports:job", pk=job.pk) if ok else redirect("reports:certificates", decision.pk)
    job = selectors.certificates_job(decision)
    if job is None:
        return render(
            request,
            "reports/certificates.html",
            {
                "decision": decision,
                "breadcrumbs": [
                    (decision.number, reverse("awards:decision_detail", args=[decision.pk])),
                    (_("Giấy chứng nhận"), None),
                ],
            },
        )
    if job.state != ReportJob.State.DONE:
        return redirect("reports:job", pk=job.pk)
    response = HttpResponse(_stored_file(job).read_bytes(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="chung-nhan-qd-{decision.pk}.pdf"'
    return response
