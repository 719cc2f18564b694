"""Dossier files, served only to users allowed to see the dossier: attachments, or PDFs inline."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET

from nominations.models import DossierDocument
from nominations.views.common import visible_nomination
from portal.web import permission_required


def _open(request, pk: int, doc_pk: int):
    nomination = visible_nomination(request, pk)
    document = get_object_or_404(DossierDocument, pk=doc_pk, nomination=nomination)
    try:
        handle = default_storage.open(document.storage_name, "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return document, handle


@permission_required("nominations.open_nomination")
@require_GET
def download(request, pk: int, doc_pk: int):
    document, handle = _open(request, pk, doc_pk)
    response = FileResponse(
        handle, as_attachment=True, filename=document.original_name, content_type=document.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@permission_required("nominations.open_nomination")
@require_GET
@xframe_options_sameorigin
def view_pdf(request, pk: int, doc_pk: int):
    """A PDF shown inside the appraisal page's viewer (same origin only)."""
    document, handle = _open(request, pk, doc_pk)
    if not document.is_pdf:
        handle.close()
        raise Http404
    response = FileResponse(
        handle, as_attachment=False, filename=document.original_name, content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    # This response only: the portal's own pages may frame it (the middleware keeps what is set here).
    response["Content-Security-Policy"] = "frame-ancestors 'self'"
    return response
