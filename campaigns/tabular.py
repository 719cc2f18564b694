"""Reading spreadsheets that people really send: XLSX, or CSV in UTF-8 with or without BOM.

Headers match ignoring case, diacritics and surrounding spaces; cells are normalised to NFC and
trimmed; dates are dd/mm/yyyy or Excel dates. Every import (units, people, rankings, …) uses this.
"""

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from campaigns.text import fold, normalize


class TableError(Exception):
    """The file as a whole cannot be read (wrong format, missing columns); message in Vietnamese."""


@dataclass
class Row:
    number: int  # the row number people see in their spreadsheet (header is row 1)
    values: dict  # column key -> raw cell value (str, number, date or None)


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class Table:
    rows: list[Row]
    missing_optional: list[str] = field(default_factory=list)


def _header_key(text) -> str:
    # "Mã  đơn vị ", "MA DON VI" and "madonvi" are the same column; a BOM may cling to the first one.
    return "".join(fold(str(text or "").replace("\ufeff", "")).split())


def read_table(data: bytes, filename: str, columns: dict[str, str], required: tuple[str, ...]) -> Table:
    """Read rows keyed by column key. columns maps key -> the Vietnamese header ('Mã đơn vị')."""
    lowered = filename.lower()
    if lowered.endswith(".xlsx") or data[:4] == b"PK\x03\x04":
        raw_rows = _xlsx_rows(data)
    elif lowered.endswith(".csv") or lowered.endswith(".txt"):
        raw_rows = _csv_rows(data)
    else:
        raise TableError(
            _("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (UTF-8). Hãy lưu lại tệp theo một trong hai định dạng.")
        )
    header_index = next((i for i, r in enumerate(raw_rows) if any(c not in (None, "") for c in r)), None)
    if header_index is None:
        raise TableError(_("Tệp không có dữ liệu. Hãy dùng tệp mẫu và điền từ dòng 2."))
    header = [_header_key(c) for c in raw_rows[header_index]]
    wanted = {_header_key(label): key for key, label in columns.items()}
    positions = {wanted[h]: i for i, h in enumerate(header) if h in wanted}
    missing = [columns[k] for k in required if k not in positions]
    if missing:
        raise TableError(
            _(
                "Thiếu cột: %(columns)s. "
                "Hãy dùng đúng tiêu đề cột như tệp mẫu (không phân biệt hoa thường, dấu)."
            )
            % {"columns": ", ".join(f"“{m}”" for m in missing)}
        )
    rows = []
    for offset, raw in enumerate(raw_rows[header_index + 1 :], start=header_index + 2):
        values = {key: (raw[pos] if pos < len(raw) else None) for key, pos in positions.items()}
        values = {k: (normalize(v) if isinstance(v, str) else v) for k, v in values.items()}
        if all(v in (None, "") for v in values.values()):
            continue
        rows.append(Row(number=offset, values=values))
    return Table(rows=rows, missing_optional=[columns[k] for k in columns if k not in positions])


def _xlsx_rows(data: bytes) -> list[list]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise TableError(_("Không đọc được tệp Excel. Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.")) from exc
    sheet = workbook.worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def _csv_rows(data: bytes) -> list[list]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TableError(_("Tệp CSV không ở mã UTF-8. Hãy lưu lại tệp với “CSV UTF-8”.")) from exc
    # Excel in a Vietnamese locale saves "CSV" with semicolons: take the separator the header uses
    # most (csv.Sniffer guesses wrong on names that contain commas).
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first_line.count)
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def text_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalize(str(value))


def code_cell(value) -> str:
    """A code typed in Excel may arrive as a number (1.0) or with a leading apostrophe."""
    return text_cell(value).lstrip("'")


def digits_cell(value, width: int) -> str:
    """A number typed in Excel loses its leading zeros (033… becomes 33…): put them back."""
    if isinstance(value, bool):
        return text_cell(value)
    if isinstance(value, (int, float)) and float(value).is_integer():
        digits = str(int(value))
        # Only a province code 00x/0xx can lose one or two zeros; anything shorter is a wrong number.
        return digits.zfill(width) if width - 2 <= len(digits) < width else digits
    return "".join(code_cell(value).replace(".", " ").split())


def date_cell(value) -> dt.date | None:
    """dd/mm/yyyy text, an Excel date, or an Excel serial number; None when empty.

    Raises ValueError with a Vietnamese message for an impossible date.
    """
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)):
        if 1 <= value < 2958466:
            return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
        raise ValueError(_("“%(value)s” không phải là ngày hợp lệ") % {"value": value})
    text = normalize(str(value))
    if text.isdigit() and 3 <= len(text) <= 6:
        # An Excel serial number that went through a CSV export.
        return date_cell(int(text))
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(_("“%(value)s” không phải là ngày hợp lệ (định dạng dd/mm/yyyy)") % {"value": text})
