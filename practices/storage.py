"""Uploaded files of practices and difficulties: stored with their row, or not at all."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from campaigns.files import CheckedFile, store


@contextmanager
def files_written_with_rows() -> Iterator[list[str]]:
    """Collect the names stored inside the block; if the block fails, delete them.

    Use it outside transaction.atomic(): a rollback then also removes the files from disk, so that
    a refused upload leaves nothing half-written.
    """
    stored: list[str] = []
    try:
        yield stored
    except BaseException:
        for name in stored:
            default_storage.delete(name)
        raise


def store_checked(checked: CheckedFile, folder: str, stored: list[str]) -> str:
    name = store(checked, folder)
    stored.append(name)
    return name


def file_response(item, *, inline: bool) -> FileResponse:
    """Serve a stored file of a row (already permission-checked by the caller)."""
    try:
        handle = default_storage.open(item.file, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404(_("Không tìm thấy tệp.")) from error
    response = FileResponse(
        handle, content_type=item.content_type, as_attachment=not inline, filename=item.original_name
    )
    response["Cache-Control"] = "private, no-store"
    return response
