"""Uploaded files: recognised by content, limited in size, stored under generated names.

Shared by dossier documents, units' plans and reports, and good-practice photos. Files are stored
under MEDIA_ROOT (outside the web root) and only ever served by permission-checked views.
"""

import hashlib
import io
import uuid
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext, gettext_noop


@dataclass(frozen=True)
class FileKind:
    code: str
    name: str  # marked with gettext_noop; `label` is its translation now
    extension: str
    content_type: str

    @property
    def label(self) -> str:
        return gettext(self.name)


PDF = FileKind("pdf", "PDF", ".pdf", "application/pdf")
DOCX = FileKind(
    "docx", "Word (DOCX)", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
XLSX = FileKind(
    "xlsx", "Excel (XLSX)", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)
JPEG = FileKind("jpeg", gettext_noop("Ảnh JPEG"), ".jpg", "image/jpeg")
PNG = FileKind("png", gettext_noop("Ảnh PNG"), ".png", "image/png")
# Text has no magic bytes: a .csv is accepted only where CSV is allowed and it decodes as UTF-8.
CSV = FileKind("csv", "CSV (UTF-8)", ".csv", "text/csv")
DOCUMENT_KINDS = (PDF, DOCX, XLSX, JPEG, PNG)
TABULAR_KINDS = (XLSX, CSV)
IMAGE_KINDS = (JPEG, PNG)

_EXTENSIONS = {
    ".pdf": PDF,
    ".docx": DOCX,
    ".xlsx": XLSX,
    ".jpg": JPEG,
    ".jpeg": JPEG,
    ".png": PNG,
    ".csv": CSV,
}
# Markup that must never appear near the start of a file we accept (HTML/SVG polyglots).
_MARKUP = (b"<html", b"<script", b"<!doctype", b"<svg", b"<body", b"<iframe", b"<?xml")


def sniff(head: bytes, data: bytes) -> FileKind | None:
    """The file's kind from its bytes, or None when it is none of the accepted kinds."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" not in names:
            return None
        if any(n.startswith("word/") for n in names):
            return DOCX
        if any(n.startswith("xl/") for n in names):
            return XLSX
    return None


@dataclass(frozen=True)
class CheckedFile:
    kind: FileKind
    original_name: str
    size: int
    sha256: str
    data: bytes


def check_upload(upload, allowed=DOCUMENT_KINDS) -> CheckedFile:
    """Validate an uploaded file; raise a Vietnamese ValidationError saying what to do."""
    name = str(getattr(upload, "name", "") or "")
    if not name or "/" in name or "\\" in name or "\x00" in name or name.startswith("."):
        raise ValidationError(
            gettext("Tên tệp không hợp lệ (có đường dẫn hoặc ký tự lạ). Hãy đổi tên tệp rồi tải lên lại.")
        )
    size = upload.size
    limit = settings.UPLOAD_MAX_BYTES
    if size > limit:
        raise ValidationError(
            gettext(
                "Tệp “%(name)s” dung lượng %(size)s, vượt mức tối đa %(limit)s. "
                "Hãy nén hoặc tách tệp rồi tải lên lại."
            )
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)}
        )
    if size == 0:
        raise ValidationError(gettext("Tệp “%(name)s” rỗng. Hãy chọn đúng tệp.") % {"name": name})
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    kind = sniff(data[:16], data)
    if kind is None and CSV in allowed and name.lower().endswith(".csv"):
        kind = _sniff_csv(data)
    labels = ", ".join(k.label for k in allowed)
    if kind is None or kind not in allowed:
        raise ValidationError(
            gettext(
                "Tệp “%(name)s” không phải là %(kinds)s thật (nội dung không khớp). "
                "Hãy xuất lại tệp đúng định dạng."
            )
            % {"name": name, "kinds": labels}
        )
    declared = _EXTENSIONS.get("." + name.rsplit(".", 1)[-1].lower()) if "." in name else None
    if declared != kind:
        raise ValidationError(
            gettext(
                "Tệp “%(name)s” có phần mở rộng không khớp với nội dung (%(kind)s). "
                "Hãy đặt tên tệp với đuôi %(extension)s."
            )
            % {"name": name, "kind": kind.label, "extension": kind.extension}
        )
    lowered = data[:4096].lower()
    if kind in (PNG, JPEG, PDF) and any(tag in lowered for tag in _MARKUP if tag != b"<?xml"):
        raise ValidationError(
            gettext("Tệp “%(name)s” chứa mã HTML/SVG bên trong nên không được chấp nhận.") % {"name": name}
        )
    return CheckedFile(
        kind=kind, original_name=name[:255], size=size, sha256=hashlib.sha256(data).hexdigest(), data=data
    )


def _sniff_csv(data: bytes) -> FileKind | None:
    if b"\x00" in data:
        return None
    try:
        head = data[:4096].decode("utf-8-sig", errors="strict" if len(data) <= 4096 else "ignore").lower()
    except UnicodeDecodeError:
        return None
    if any(tag.decode() in head for tag in _MARKUP):
        return None
    return CSV


def store(checked: CheckedFile, folder: str) -> str:
    """Save under a generated name in MEDIA_ROOT/folder; return the storage name."""
    name = f"{folder.strip('/')}/{uuid.uuid4().hex}{checked.kind.extension}"
    return default_storage.save(name, ContentFile(checked.data))
