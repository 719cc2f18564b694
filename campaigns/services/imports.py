"""Browser imports for Sở Nội vụ staff: upload → preview (a dry run) → confirm, all or nothing.

The uploaded file is kept under MEDIA_ROOT between preview and confirmation (an ImportBatch row
points to it) and deleted once the batch is confirmed or discarded: it holds personal data.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from campaigns.files import TABULAR_KINDS, check_upload, store
from campaigns.imports import PEOPLE_COLUMNS, UNIT_COLUMNS, ImportResult, import_people, import_units
from campaigns.models import ImportBatch
from campaigns.tabular import TableError

IMPORTERS = {ImportBatch.Kind.UNITS: import_units, ImportBatch.Kind.PEOPLE: import_people}
COLUMNS = {ImportBatch.Kind.UNITS: UNIT_COLUMNS, ImportBatch.Kind.PEOPLE: PEOPLE_COLUMNS}


def _run(batch: ImportBatch, data: bytes, *, dry_run: bool) -> ImportResult:
    try:
        return IMPORTERS[batch.kind](data, batch.original_name, dry_run=dry_run)
    except TableError as exc:
        raise ValidationError(str(exc)) from exc


def _read(batch: ImportBatch) -> bytes:
    if not batch.file or not default_storage.exists(batch.file):
        raise ValidationError("Tệp của lượt nhập này không còn trên máy chủ. Hãy tải tệp lên lại.")
    with default_storage.open(batch.file, "rb") as handle:
        return handle.read()


@transaction.atomic
def start_import(*, actor, kind: str, upload) -> tuple[ImportBatch, ImportResult]:
    """Check the uploaded file, keep it, and validate every row without writing (the preview)."""
    if not actor.has_perm("campaigns.import_data"):
        raise PermissionDenied("Chỉ cán bộ Sở Nội vụ được nhập dữ liệu.")
    if kind not in IMPORTERS:
        raise ValidationError("Loại dữ liệu nhập không hợp lệ.")
    checked = check_upload(upload, allowed=TABULAR_KINDS)
    batch = ImportBatch(
        kind=kind, created_by=actor, original_name=checked.original_name, sha256=checked.sha256
    )
    result = _run(batch, checked.data, dry_run=True)
    batch.file = store(checked, "imports")
    batch.row_count, batch.error_count = len(result.rows), len(result.errors)
    batch.save()
    return batch, result


def preview_import(*, actor, batch: ImportBatch) -> ImportResult:
    """Validate the kept file again against today's data, writing nothing."""
    if not actor.has_perm("campaigns.confirm_import", batch):
        raise PermissionDenied("Lượt nhập này không phải của bạn.")
    if batch.state != ImportBatch.State.PREVIEWED:
        raise ValidationError("Lượt nhập này đã kết thúc. Hãy tải tệp lên lại nếu cần nhập tiếp.")
    return _run(batch, _read(batch), dry_run=True)


def confirm_import(*, actor, batch: ImportBatch) -> ImportResult:
    """Write every row of the kept file, or nothing when any row is invalid now."""
    if not actor.has_perm("campaigns.confirm_import", batch):
        raise PermissionDenied("Lượt nhập này không phải của bạn.")
    with transaction.atomic():
        # Lock the batch: a double click confirms once.
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.state != ImportBatch.State.PREVIEWED:
            raise ValidationError("Lượt nhập này đã được xác nhận hoặc đã hủy.")
        result = _run(batch, _read(batch), dry_run=False)
        batch.error_count = len(result.errors)
        if result.written:
            batch.state = ImportBatch.State.CONFIRMED
            batch.confirmed_at = timezone.now()
            batch.created_count, batch.updated_count = result.created, result.updated
            _forget_file(batch)
        batch.save()
    return result


@transaction.atomic
def discard_import(*, actor, batch: ImportBatch) -> None:
    """Drop a previewed batch and its file."""
    if not actor.has_perm("campaigns.confirm_import", batch):
        raise PermissionDenied("Lượt nhập này không phải của bạn.")
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.state != ImportBatch.State.PREVIEWED:
        raise ValidationError("Lượt nhập này đã kết thúc.")
    batch.state = ImportBatch.State.DISCARDED
    _forget_file(batch)
    batch.save()


def _forget_file(batch: ImportBatch) -> None:
    name = batch.file
    batch.file = ""
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))
