"""Certificates (Bằng khen, Giấy khen) as PDF: rendered only through campaigns.pdf.render_pdf."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import CertificateBundle
from awards.services.common import require_perm
from campaigns.pdf import render_pdf

logger = logging.getLogger(__name__)


def certificate_pdf(decision, awards) -> bytes:
    """The given awards of a decision as certificates, one A4 landscape page each."""
    html = render_to_string("awards/pdf/certificate.html", {"decision": decision, "awards": awards})
    return render_pdf(html)


@transaction.atomic
def request_certificates(*, actor, decision) -> CertificateBundle:
    """Queue the PDF of all the decision's certificates (once; a failed one is queued again)."""
    require_perm(actor, "awards.print_certificates", decision)
    bundle, created = CertificateBundle.objects.select_for_update().get_or_create(
        decision=decision, defaults={"requested_by": actor}
    )
    if not created and bundle.status != CertificateBundle.Status.FAILED:
        return bundle
    if not decision.awards.exists():
        raise ValidationError(
            _("Quyết định chưa có người được khen thưởng nên chưa có giấy chứng nhận để in.")
        )
    bundle.status, bundle.requested_by, bundle.error = CertificateBundle.Status.QUEUED, actor, ""
    bundle.save(update_fields=["status", "requested_by", "error"])
    from awards.tasks import build_certificates

    transaction.on_commit(lambda: build_certificates.delay(bundle_id=bundle.pk))
    return bundle


def build_bundle(*, bundle_id: int) -> str:
    """Render the bundle's PDF (called by the Celery task); idempotent once done."""
    with transaction.atomic():
        bundle = CertificateBundle.objects.select_for_update().filter(pk=bundle_id).first()
        if bundle is None or bundle.status == CertificateBundle.Status.DONE:
            return "skipped"
        bundle.status = CertificateBundle.Status.RUNNING
        bundle.save(update_fields=["status"])
    decision = bundle.decision
    awards = list(decision.awards.select_related("person", "unit").order_by("subject", "pk"))
    try:
        body = certificate_pdf(decision, awards)
    except Exception:
        logger.exception("Certificates of decision %s failed", decision.pk)
        CertificateBundle.objects.filter(pk=bundle_id).update(
            status=CertificateBundle.Status.FAILED, error="render failed", finished_at=timezone.now()
        )
        return "failed"
    CertificateBundle.objects.filter(pk=bundle_id).update(
        status=CertificateBundle.Status.DONE, pdf=body, pages=len(awards), finished_at=timezone.now()
    )
    return "done"
