"""Printable certificates: one awardee's at once; all of a decision's through a Celery task."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from awards.models import Award, CertificateBundle
from awards.services.certificates import certificate_pdf, request_certificates
from awards.views.common import report
from awards.views.decisions import visible_decision


def _pdf_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(bytes(body), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _printable(request, decision_id: int):
    decision = visible_decision(request, decision_id)
    if not request.user.has_perm("awards.print_certificates", decision):
        raise Http404
    return decision


@login_required
def certificate(request, decision_id: int, award_id: int):
    decision = _printable(request, decision_id)
    award = get_object_or_404(Award.objects.select_related("person", "unit"), pk=award_id, decision=decision)
    return _pdf_response(certificate_pdf(decision, [award]), f"chung-nhan-{award.pk}.pdf")


@login_required
def certificates(request, decision_id: int):
    """GET: the PDF when built, else its progress; POST: ask the worker to build it."""
    decision = _printable(request, decision_id)
    if request.method == "POST":
        try:
            request_certificates(actor=request.user, decision=decision)
        except ValidationError as error:
            report(request, error)
        else:
            messages.info(request, _("Đang tạo tệp giấy chứng nhận; trang sẽ tự cập nhật khi xong."))
        return redirect("awards:certificates", decision.pk)
    bundle = CertificateBundle.objects.filter(decision=decision).defer("pdf").first()
    if bundle is not None and bundle.status == CertificateBundle.Status.DONE:
        body = CertificateBundle.objects.values_list("pdf", flat=True).get(pk=bundle.pk)
        return _pdf_response(body, f"chung-nhan-qd-{decision.pk}.pdf")
    return render(
        request,
        "awards/certificates_status.html",
        {
            "decision": decision,
            "bundle": bundle,
            "breadcrumbs": [
                (decision.number, reverse("awards:decision_detail", args=[decision.pk])),
                (_("Giấy chứng nhận"), None),
            ],
        },
    )
