"""Browser imports for Sở Nội vụ staff: upload → preview with errors marked → confirm.

The preview, confirm and discard pages serve every kind of batch (campaigns.services.imports.IMPORTERS);
a higher app keeps its own upload page (criteria: rankings, with their year) and calls `start_from_form`.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns.exports import import_template as build_template
from campaigns.forms.imports import UploadForm
from campaigns.models import ImportBatch
from campaigns.services.imports import (
    COLUMNS,
    IMPORTERS,
    confirm_import,
    discard_import,
    importers_for,
    preview_import,
    start_import,
)
from campaigns.views.directory import _xlsx_response
from portal.web import act, call_service, permission_required, visible_or_404

PERM = "campaigns.import_data"
PREVIEW_LIMIT = 200


def _directory_kind_or_404(kind: str) -> str:
    """The kinds whose upload page and template are the directory's own (units, people)."""
    if kind not in COLUMNS:
        raise Http404
    return kind


def _crumbs(*extra):
    return [(_("Nhập dữ liệu"), reverse("campaigns:import_home")), *extra]


def _batch_or_404(request, pk: int) -> ImportBatch:
    # Another person's batch is invisible, not forbidden: it may hold personal data.
    return visible_or_404(
        request,
        "campaigns.confirm_import",
        ImportBatch.objects.all(),
        pk=pk,
        created_by=request.user,
        kind__in=list(IMPORTERS),
    )


def start_from_form(request, form, *, kind: str, **options):
    """Start a batch from a valid upload form: a redirect to its preview, or None (refusal on the form)."""
    started, result = call_service(
        request,
        start_import,
        form=form,
        actor=request.user,
        kind=kind,
        upload=form.cleaned_data["file"],
        **options,
    )
    return redirect("campaigns:import_preview", pk=result[0].pk) if started else None


@permission_required(PERM)
def import_home(request):
    batches = ImportBatch.objects.filter(created_by=request.user).order_by("-created_at")[:20]
    return render(
        request,
        "campaigns/imports/home.html",
        {"batches": batches, "importers": importers_for(request.user), "breadcrumbs": _crumbs()},
    )


@permission_required(PERM)
def import_template(request, kind: str):
    kind = _directory_kind_or_404(kind)
    stem = "mau-don-vi" if kind == ImportBatch.Kind.UNITS else "mau-ca-nhan"
    return _xlsx_response(build_template(kind, COLUMNS[kind]), stem)


@permission_required(PERM)
def import_upload(request, kind: str):
    kind = _directory_kind_or_404(kind)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        started = start_from_form(request, form, kind=kind)
        if started is not None:
            return started
    label = ImportBatch.Kind(kind).label
    return render(
        request,
        "campaigns/imports/upload.html",
        {
            "form": form,
            "kind": kind,
            "label": label,
            "columns": COLUMNS[kind].values(),
            "breadcrumbs": _crumbs((label, None)),
        },
    )


def _preview_context(batch: ImportBatch, result) -> dict:
    headers = result.headers
    rows = [r for r in result.rows if r.errors] if result.errors else result.rows
    shown = []
    for row in rows[:PREVIEW_LIMIT]:
        bad = {e.column for e in row.errors}
        cells = [(value, header in bad) for value, header in zip(row.cells, headers, strict=False)]
        shown.append({"row": row, "cells": cells})
    return {
        "batch": batch,
        "result": result,
        "shown": shown,
        "hidden": max(len(rows) - PREVIEW_LIMIT, 0),
        "report": result.report_lines()[:500],
        "upload_url": IMPORTERS[batch.kind].upload_url,
        "breadcrumbs": _crumbs((batch.get_kind_display(), None)),
    }


@permission_required(PERM)
def import_preview(request, pk: int):
    batch = _batch_or_404(request, pk)
    if batch.state != ImportBatch.State.PREVIEWED:
        return render(
            request,
            "campaigns/imports/done.html",
            {
                "batch": batch,
                "list_url": IMPORTERS[batch.kind].list_url,
                "breadcrumbs": _crumbs((batch.original_name, None)),
            },
        )
    ok, result = call_service(request, preview_import, actor=request.user, batch=batch)
    if not ok:
        return redirect(IMPORTERS[batch.kind].upload_url)
    return render(request, "campaigns/imports/preview.html", _preview_context(batch, result))


@require_POST
@permission_required(PERM)
def import_confirm(request, pk: int):
    batch = _batch_or_404(request, pk)
    ok, result = call_service(request, confirm_import, actor=request.user, batch=batch)
    if not ok:
        return redirect("campaigns:import_home")
    if not result.written:
        messages.error(request, result.summary())
        return render(request, "campaigns/imports/preview.html", _preview_context(batch, result))
    messages.success(request, result.summary())
    return redirect("campaigns:import_preview", pk=batch.pk)


@require_POST
@permission_required(PERM)
def import_discard(request, pk: int):
    return act(
        request,
        discard_import,
        back="campaigns:import_home",
        success=_("Đã hủy lượt nhập; không có dữ liệu nào được ghi."),
        batch=_batch_or_404(request, pk),
    )
