"""Writing a report's file under MEDIA_ROOT atomically: a temporary file in the same folder, then rename."""

import hashlib
import os
import uuid
from pathlib import Path

from django.conf import settings

PART_SUFFIX = ".part"


def file_name_for(job) -> str:
    """The generated storage name of a job's file (relative to MEDIA_ROOT); stable across re-runs."""
    return f"reports/{job.requested_at:%Y/%m}/{job.kind}-{job.pk}.{job.format}"


def _absolute(name: str) -> Path:
    return Path(settings.MEDIA_ROOT) / name


def remove_partials(name: str) -> int:
    """Delete temporary files a killed run of this job left behind; return how many."""
    target = _absolute(name)
    if not target.parent.exists():
        return 0
    removed = 0
    for leftover in target.parent.glob(f".{target.name}.*{PART_SUFFIX}"):
        leftover.unlink(missing_ok=True)
        removed += 1
    return removed


def write_atomically(name: str, data: bytes) -> tuple[int, str]:
    """Write data at name so that readers see the old file or the whole new one, never a part.

    Returns (size, sha256). The temporary file lives in the same folder so the rename is atomic.
    """
    target = _absolute(name)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.parent / f".{target.name}.{uuid.uuid4().hex}{PART_SUFFIX}"
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o640)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    directory = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    return len(data), hashlib.sha256(data).hexdigest()


def path_of(name: str) -> Path:
    return _absolute(name)


def write_output(target: Path, data: bytes) -> None:
    """A command's output file: written beside it, then renamed, so that no half-written file is left."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.part")
    temporary.write_bytes(data)
    temporary.replace(target)
