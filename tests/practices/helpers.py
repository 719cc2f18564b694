"""Test data for practices: real files (PNG, PDF) and practices in each state, made through the services."""

import datetime
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

from campaigns.files import IMAGE_KINDS, check_upload
from practices.models import Field, Topic
from practices.services import difficulties as difficulty_services
from practices.services import practices as services


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


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_upload(name: str = "anh-mo-hinh.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def pdf_upload(name: str = "bao-cao.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def checked_photo(name: str = "anh.png"):
    return check_upload(png_upload(name), allowed=IMAGE_KINDS)


def checked_pdf(name: str = "bao-cao.pdf"):
    return check_upload(pdf_upload(name))


def register(actor, name="Bộ phận một cửa thân thiện", field=Field.POLITICAL_SYSTEM, **extra):
    values = {
        "name": name,
        "field": field,
        "place": "Bộ phận một cửa UBND huyện",
        "description": "Niêm yết công khai thủ tục, hướng dẫn tận tình người dân.",
        "results": "100% hồ sơ trả đúng hạn; 98% người dân hài lòng.",
        "started_on": datetime.date(2025, 3, 1),
    }
    values.update(extra)
    return services.register_practice(actor=actor, **values)


def recognise(practice, actor, number="1234/QĐ-UBND", date=datetime.date(2025, 10, 15)):
    return services.recognise_practice(
        actor=actor,
        practice=practice,
        decision_number=number,
        decision_date=date,
        issuer="UBND tỉnh Hưng Yên",
    )


def featured(practice, actor):
    return services.feature_practice(actor=actor, practice=recognise(practice, actor))


def raise_difficulty(actor, title="Thiếu kinh phí cho mô hình", topic=Topic.RESOURCES, **extra):
    values = {
        "topic": topic,
        "title": title,
        "description": "Đơn vị chưa được bố trí kinh phí để duy trì mô hình.",
    }
    values.update(extra)
    return difficulty_services.raise_difficulty(actor=actor, **values)
