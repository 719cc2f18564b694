"""Browser imports for Sở Nội vụ staff: upload → preview (a dry run) → confirm, all or nothing.

Every kind of import goes through these batches: the units and people of the directory, and what a
higher app registers with `register_importer` (criteria: the dân vận chính quyền results).

The uploaded file is kept under MEDIA_ROOT between preview and confirmation (an ImportBatch row
points to it) and deleted once the batch is confirmed or discarded: it holds personal data.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.files import TABULAR_KINDS, check_upload, store
from campaigns.imports import PEOPLE_COLUMNS, UNIT_COLUMNS, ImportResult, import_people, import_units
from campaigns.models import ImportBatch
from campaigns.tabular import TableError
from portal.transitions import lock, move


@dataclass(frozen=True)
class Importer:
    """One kind of import: how its file is read and written, who may import it, where its pages are.

    `run(data, filename, *, dry_run)` (and `year=` when `yearly`) returns an ImportResult and writes
    nothing unless every row is valid; it raises tabular.TableError when the file itself is unreadable.
    """

    run: Callable[..., ImportResult]
    permission: str
    upload_url: str
    template_url: str
    list_url: str
    yearly: bool = False


def _directory_importer(kind: str, run: Callable[..., ImportResult], list_url: str) -> Importer:
    """An import of the directory (units, people): its pages are the campaigns app's upload and template."""
    return Importer(
        run=run,
        permission="campaigns.import_data",
        upload_url=reverse_lazy("campaigns:import_upload", args=[kind]),
        template_url=reverse_lazy("campaigns:import_template", args=[kind]),
        list_url=reverse_lazy(list_url),
    )


IMPORTERS: dict[str, Importer] = {
    kind: _directory_importer(kind, run, list_url)
    for kind, run, list_url in (
        (ImportBatch.Kind.UNITS, import_units, "campaigns:unit_list"),
        (ImportBatch.Kind.PEOPLE, import_people, "campaigns:person_list"),
    )
}
# The columns of the directory imports, for their upload page and template.
COLUMNS = {ImportBatch.Kind.UNITS: UNIT_COLUMNS, ImportBatch.Kind.PEOPLE: PEOPLE_COLUMNS}


def register_importer(kind: str, importer: Importer) -> None:
    """Add a kind of import from a higher app (called from its AppConfig.ready)."""
    IMPORTERS[kind] = importer


def importers_for(user) -> list[tuple[str, str, Importer]]:
    """(kind, label, importer) of every import the user may start, in the order of ImportBatch.Kind."""
    return [
        (kind, label, IMPORTERS[kind])
        for kind, label in ImportBatch.Kind.choices
        if kind in IMPORTERS and user.has_perm(IMPORTERS[kind].permission)
    ]


def _importer(kind: str) -> Importer:
    if kind not in IMPORTERS:
        raise ValidationError(_("Loại dữ liệu nhập không hợp lệ."))
    return IMPORTERS[kind]


def _check_owner(actor, batch: ImportBatch) -> Importer:
    importer = _importer(batch.kind)
    if not actor.has_perm("campaigns.confirm_import", batch) or not actor.has_perm(importer.permission):
        raise PermissionDenied(_("Lượt nhập này không phải của bạn."))
    return importer


def _run(batch: ImportBatch, data: bytes, *, dry_run: bool) -> ImportResult:
    importer = _importer(batch.kind)
    options = {"year": batch.year} if importer.yearly else {}
    try:
        return importer.run(data, batch.original_name, dry_run=dry_run, **options)
    except TableError as exc:
        raise ValidationError(str(exc)) from exc


def _read(batch: ImportBatch) -> bytes:
    if not batch.file or not default_storage.exists(batch.file):
        raise ValidationError(_("Tệp của lượt nhập này không còn trên máy chủ. Hãy tải tệp lên lại."))
    with default_storage.open(batch.file, "rb") as handle:
        return handle.read()


def _refuse_finished(batch: ImportBatch, doing: str) -> ValidationError:
    return ValidationError(_("Lượt nhập này đã được xác nhận hoặc đã hủy."))


@transaction.atomic
def start_import(*, actor, kind: str, upload, year: int | None = None) -> tuple[ImportBatch, ImportResult]:
    """Check the uploaded file, keep it, and validate every row without writing (the preview)."""
    if not actor.has_perm("campaigns.import_data") or (
        kind in IMPORTERS and not actor.has_perm(IMPORTERS[kind].permission)
    ):
        raise PermissionDenied(_("Chỉ cán bộ Sở Nội vụ được nhập dữ liệu."))
    importer = _importer(kind)
    if importer.yearly and year is None:
        raise ValidationError(_("Hãy nhập năm của dữ liệu."))
    checked = check_upload(upload, allowed=TABULAR_KINDS)
    batch = ImportBatch(
        kind=kind,
        created_by=actor,
        original_name=checked.original_name,
        sha256=checked.sha256,
        year=year if importer.yearly else None,
    )
    result = _run(batch, checked.data, dry_run=True)
    batch.file = store(checked, "imports")
    batch.row_count, batch.error_count = len(result.rows), len(result.errors)
    batch.save()
    return batch, result


def preview_import(*, actor, batch: ImportBatch) -> ImportResult:
    """Validate the kept file again against today's data, writing nothing."""
    _check_owner(actor, batch)
    if batch.state != ImportBatch.State.PREVIEWED:
        raise ValidationError(_("Lượt nhập này đã kết thúc. Hãy tải tệp lên lại nếu cần nhập tiếp."))
    return _run(batch, _read(batch), dry_run=True)


def confirm_import(*, actor, batch: ImportBatch) -> ImportResult:
    """Write every row of the kept file, or nothing when any row is invalid now."""
    _check_owner(actor, batch)
    with transaction.atomic():
        # Lock the batch: a double click confirms once.
        locked = lock(batch)
        if locked.state != ImportBatch.State.PREVIEWED:
            raise _refuse_finished(locked, "")
        result = _run(locked, _read(locked), dry_run=False)
        if not result.written:
            locked.error_count = len(result.errors)
            locked.save(update_fields=["error_count"])
            return result
        _forget_file(locked.file)
        move(
            batch,
            locked=locked,
            to=ImportBatch.State.CONFIRMED,
            allowed=[ImportBatch.State.PREVIEWED],
            refuse=_refuse_finished,
            error_count=0,
            confirmed_at=timezone.now(),
            created_count=result.created,
            updated_count=result.updated,
            file="",
        )
    return result


@transaction.atomic
def discard_import(*, actor, batch: ImportBatch) -> None:
    """Drop a previewed batch and its file."""
    _check_owner(actor, batch)
    locked = lock(batch)
    _forget_file(locked.file)  # dropped with the transaction when the batch cannot be discarded
    move(
        batch,
        locked=locked,
        to=ImportBatch.State.DISCARDED,
        allowed=[ImportBatch.State.PREVIEWED],
        refuse=lambda row, doing: ValidationError(_("Lượt nhập này đã kết thúc.")),
        file="",
    )


def _forget_file(name: str) -> None:
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))
