"""The "Báo cáo" pages: ask for a report, follow its progress, download it, see the history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from rules.contrib.views import permission_required

from reports import selectors, services, storage
from reports.forms import ReportRequestForm
from reports.models import ReportJob

PAGE_SIZE = 20


def _visible_job(request, pk: int) -> ReportJob:
    """The job if this user may see it; 404 otherwise (another unit's report does not exist for them)."""
    job = get_object_or_404(selectors.visible_jobs(request.user), pk=pk)
    if not request.user.has_perm("reports.view_job", job):
        raise Http404
    return job


@login_required
@permission_required("reports.view_reports", raise_exception=True)
def home(request):
    form = ReportRequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            job = services.request_report(actor=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error.messages if isinstance(error, ValidationError) else str(error))
        else:
            messages.success(
                request, "Đã nhận yêu cầu. Báo cáo đang được tạo, hãy theo dõi tiến độ bên dưới."
            )
            return redirect("reports:job", pk=job.pk)
    page = Paginator(selectors.visible_jobs(request.user), PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(
        request,
        "reports/home.html",
        {"form": form, "page": page, "breadcrumbs": [("Báo cáo", None)]},
    )


@login_required
@permission_required("reports.view_reports", raise_exception=True)
def job(request, pk: int):
    job = _visible_job(request, pk)
    versions = selectors.visible_jobs(request.user).filter(series=job.series).order_by("-version")[:20]
    return render(
        request,
        "reports/job.html",
        {
            "job": job,
            "versions": versions,
            "breadcrumbs": [("Báo cáo", reverse("reports:home")), (f"{job.title} – bản {job.version}", None)],
        },
    )


@never_cache
@require_GET
@login_required
@permission_required("reports.view_reports", raise_exception=True)
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
@login_required
@permission_required("reports.view_reports", raise_exception=True)
def download(request, pk: int):
    job = _visible_job(request, pk)
    if job.state != ReportJob.State.DONE or not job.file:
        raise Http404("Báo cáo chưa tạo xong.")
    path = storage.path_of(job.file.name)
    if not path.is_file():
        raise Http404("Tệp báo cáo không còn trên máy chủ.")
    content_type = (
        "application/pdf"
        if job.format == ReportJob.Format.PDF
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=job.download_name(), content_type=content_type
    )


@require_POST
@login_required
@permission_required("reports.view_reports", raise_exception=True)
def retry(request, pk: int):
    job = _visible_job(request, pk)
    try:
        services.retry_report(actor=request.user, job=job)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Đã gửi lại yêu cầu tạo báo cáo.")
    return redirect("reports:job", pk=job.pk)
