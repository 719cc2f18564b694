"""Browser imports for Sở Nội vụ staff: upload → preview with errors marked → confirm."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rules.contrib.views import permission_required

from campaigns.exports import import_template as build_template
from campaigns.forms.imports import UploadForm
from campaigns.models import ImportBatch
from campaigns.services.imports import COLUMNS, confirm_import, discard_import, preview_import, start_import
from campaigns.views.directory import _xlsx_response

PERM = "campaigns.import_data"
PREVIEW_LIMIT = 200


def _kind_or_404(kind: str) -> str:
    if kind not in ImportBatch.Kind.values:
        raise Http404
    return kind


def _crumbs(*extra):
    return [(_("Nhập dữ liệu"), reverse("campaigns:import_home")), *extra]


def _batch_or_404(request, pk: int) -> ImportBatch:
    # Another person's batch is invisible, not forbidden: it may hold personal data.
    batch = get_object_or_404(ImportBatch, pk=pk)
    if not request.user.has_perm("campaigns.confirm_import", batch):
        raise Http404
    return batch


@login_required
@permission_required(PERM, raise_exception=True)
def import_home(request):
    batches = ImportBatch.objects.filter(created_by=request.user).order_by("-created_at")[:20]
    return render(
        request,
        "campaigns/imports/home.html",
        {"batches": batches, "kinds": ImportBatch.Kind.choices, "breadcrumbs": _crumbs()},
    )


@login_required
@permission_required(PERM, raise_exception=True)
def import_template(request, kind: str):
    kind = _kind_or_404(kind)
    stem = "mau-don-vi" if kind == ImportBatch.Kind.UNITS else "mau-ca-nhan"
    return _xlsx_response(build_template(kind, COLUMNS[kind]), stem)


@login_required
@permission_required(PERM, raise_exception=True)
def import_upload(request, kind: str):
    kind = _kind_or_404(kind)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch, _result = start_import(actor=request.user, kind=kind, upload=form.cleaned_data["file"])
        except ValidationError as error:
            for message in error.messages:
                form.add_error("file", message)
        else:
            return redirect("campaigns:import_preview", pk=batch.pk)
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
        "breadcrumbs": _crumbs((batch.get_kind_display(), None)),
    }


@login_required
@permission_required(PERM, raise_exception=True)
def import_preview(request, pk: int):
    batch = _batch_or_404(request, pk)
    if batch.state != ImportBatch.State.PREVIEWED:
        return render(
            request,
            "campaigns/imports/done.html",
            {"batch": batch, "breadcrumbs": _crumbs((batch.original_name, None))},
        )
    try:
        result = preview_import(actor=request.user, batch=batch)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("campaigns:import_upload", kind=batch.kind)
    return render(request, "campaigns/imports/preview.html", _preview_context(batch, result))


@require_POST
@login_required
@permission_required(PERM, raise_exception=True)
def import_confirm(request, pk: int):
    batch = _batch_or_404(request, pk)
    try:
        result = confirm_import(actor=request.user, batch=batch)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("campaigns:import_home")
    if not result.written:
        messages.error(request, result.summary())
        return render(request, "campaigns/imports/preview.html", _preview_context(batch, result))
    messages.success(request, result.summary())
    return redirect("campaigns:import_preview", pk=batch.pk)


@require_POST
@login_required
@permission_required(PERM, raise_exception=True)
def import_discard(request, pk: int):
    batch = _batch_or_404(request, pk)
    try:
        discard_import(actor=request.user, batch=batch)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.info(request, _("Đã hủy lượt nhập; không có dữ liệu nào được ghi."))
    return redirect("campaigns:import_home")
