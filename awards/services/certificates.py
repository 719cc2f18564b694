"""Certificates (Bằng khen, Giấy khen) as PDF pages: rendered only through campaigns.pdf.render_pdf.

All of a decision's certificates in one file are a report job (reports.services.request_certificates),
built by the reports worker with this same function.
"""

from django.template.loader import render_to_string

from awards.papers import certificate_face, certificate_recipient
from campaigns.pdf import render_pdf


def certificate_pdf(decision, awards) -> bytes:
    """The given awards of a decision as certificates, one A4 landscape page each."""
    html = render_to_string(
        "awards/pdf/certificate.html",
        {
            "decision": decision,
            "face": certificate_face(decision),
            "recipients": [certificate_recipient(a) for a in awards],
        },
    )
    return render_pdf(html)
