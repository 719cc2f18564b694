"""Printable certificates (Bằng khen, Giấy khen): one per awardee, or all of a decision in one PDF."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string

from campaigns.pdf import render_pdf

from ..models import Award
from .decisions import visible_decision


def certificate_pdf(decision, awards) -> bytes:
    """All the given awards of a decision as certificates, one A4 landscape page each."""
    html = render_to_string("awards/pdf/certificate.html", {"decision": decision, "awards": awards})
    return render_pdf(html)


def _pdf_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
def certificate(request, decision_id: int, award_id: int):
    decision = visible_decision(request, decision_id)
    if not request.user.has_perm("awards.print_certificates", decision):
        raise Http404
    award = get_object_or_404(Award.objects.select_related("person", "unit"), pk=award_id, decision=decision)
    return _pdf_response(certificate_pdf(decision, [award]), f"chung-nhan-{award.pk}.pdf")


@login_required
def certificates(request, decision_id: int):
    decision = visible_decision(request, decision_id)
    if not request.user.has_perm("awards.print_certificates", decision):
        raise Http404
    awards = list(decision.awards.select_related("person", "unit").order_by("subject", "pk"))
    return _pdf_response(certificate_pdf(decision, awards), f"chung-nhan-qd-{decision.pk}.pdf")
