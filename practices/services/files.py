"""The row of an uploaded file of a practice or a difficulty, written with the file it stores."""

from campaigns.files import CheckedFile
from practices.storage import store_checked


def create_file_row(model, *, actor, checked: CheckedFile, folder: str, stored: list[str], **fields):
    """A new row of `model` (PracticeFile, DifficultyFile) for a checked upload stored under `folder`;
    `stored` is files_written_with_rows()'s list, so that a rollback removes the file again."""
    return model.objects.create(
        file=store_checked(checked, folder, stored),
        kind=checked.kind.code,
        content_type=checked.kind.content_type,
        original_name=checked.original_name,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor,
        **fields,
    )
