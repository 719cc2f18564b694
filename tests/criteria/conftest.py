"""Fixtures of the criteria tests: plan 169 loaded from its file, small spreadsheets, uploads."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from criteria.plan_loader import load_plan_file

ROOT = Path(__file__).resolve().parents[2]
PLAN_169 = ROOT / "plans" / "169-KH-UBND.yaml"


@pytest.fixture
def plan(db):
    """Kế hoạch 169 loaded from plans/169-KH-UBND.yaml; returns the Campaign."""
    return load_plan_file(PLAN_169).campaign


def xlsx(header: list, rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(header: list, rows: list[list], *, bom: bool = False, delimiter: str = ",") -> bytes:
    def cell(value) -> str:
        text = "" if value is None else str(value)
        return f'"{text}"' if delimiter in text else text

    lines = [delimiter.join(cell(v) for v in line) for line in [header, *rows]]
    data = "\r\n".join(lines).encode("utf-8")
    return b"\xef\xbb\xbf" + data if bom else data


def pdf_upload(name: str = "ke-hoach.pdf") -> SimpleUploadedFile:
    body = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    return SimpleUploadedFile(name, body, content_type="application/pdf")
