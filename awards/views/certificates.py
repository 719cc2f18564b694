"""One awardee's printable certificate. All of a decision's are a report job (reports.views.certificates)."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from awards.models import Award
from awards.services.certificates import certificate_pdf
from awards.views.decisions import visible_decision
from portal.web import call_service, permission_required


def printable_decision(request, decision_id: int, **kwargs):
    """The decision if the user may print its certificates; 404 otherwise (as for one they cannot see)."""
    decision = visible_decision(request, decision_id)
    if not request.user.has_perm("awards.print_certificates", decision):
        raise Http404
    return decision


@permission_required("awards.print_certificates", fn=printable_decision)
def certificate(request, decision_id: int, award_id: int):
    decision = printable_decision(request, decision_id)
    award = get_object_or_404(Award.objects.select_related("person", "unit"), pk=award_id, decision=decision)
    # What the data lacks to print it (no signer on the register, no deciding body) is said on the page.
    ok, data = call_service(request, certificate_pdf, decision=decision, awards=[award])
    if not ok:
        return redirect("awards:decision_detail", decision.pk)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="chung-nhan-{award.pk}.pdf"'
    return response
