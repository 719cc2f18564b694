"""The bytes of test files, built in memory: real PDF, PNG and DOCX uploads, the bad ones the upload
check must refuse, and spreadsheets as people really send them."""

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

# --- Uploads --------------------------------------------------------------------------------

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
HOSTILE_HTML = b"<html><script>alert(1)</script></html>"


def png_bytes(width: int = 8, height: int = 6, rgb=(164, 22, 26)) -> bytes:
    """A real, decodable PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def pdf_upload(name: str = "bao-cao.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def png_upload(name: str = "anh-mo-hinh.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def docx_upload(name: str = "to-trinh.docx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue(), "application/octet-stream")


def html_as_pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("bao-cao.pdf", HOSTILE_HTML, "application/pdf")


def png_html_polyglot() -> SimpleUploadedFile:
    return SimpleUploadedFile("anh.png", png_bytes() + HOSTILE_HTML, "image/png")


def stored_pdf_fields(user, when, *, file_name: str, original_name: str, size: int = 10) -> dict:
    """The file fields of a duty's plan or report uploaded by `user` at `when`, with no file behind them."""
    return dict(
        submitted_at=when,
        updated_at=when,
        uploaded_by=user,
        file_name=file_name,
        original_name=original_name,
        size=size,
        sha256="0" * 64,
        content_type="application/pdf",
    )


# --- Spreadsheets ---------------------------------------------------------------------------

UNIT_HEADER = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên", "Cụm/Khối thi đua"]
PEOPLE_HEADER = [
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Chức vụ",
    "Mã đơn vị",
    "Đối tượng",
    "Số định danh cá nhân",
]


def xlsx(header: list, rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(header: list, rows: list[list], *, delimiter: str = ",", bom: bool = False) -> bytes:
    def quote(value) -> str:
        text = "" if value is None else str(value)
        if delimiter in text or '"' in text:
            text = '"' + text.replace('"', '""') + '"'
        return text

    lines = [delimiter.join(quote(v) for v in line) for line in [header, *rows]]
    data = "\r\n".join(lines).encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data
