"""The same tables as the PDF, one sheet each, as an XLSX workbook (openpyxl)."""

import io
from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from reports.content.report import Report

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
INVALID_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})


def _cell_value(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bool):
        return _("Có") if value else ""
    if value is None or isinstance(value, int | float | date | str):
        return value
    return str(value)  # lazy translations and the like


SHEET_NAME_LENGTH = 31  # Excel's limit


def sheet_name(index: int, title: str, used: set[str]) -> str:
    """'03 Hồ sơ theo trạng thái': the number and as many whole words of the title as Excel allows."""
    name = f"{index:02d}"
    for word in str(title).translate(INVALID_SHEET_CHARS).split():
        if len(name) + 1 + len(word) > SHEET_NAME_LENGTH:
            break
        name = f"{name} {word}"
    return name if name not in used else f"{index:02d}"


def build_xlsx(report: Report) -> bytes:
    """A cover sheet saying what the workbook holds, then one sheet per table, titled, with bold headers
    and borders; numbers stay numbers."""
    wb = Workbook()
    cover = wb.active
    cover.title = _("Mục lục")
    cover.append([report.title])
    cover["A1"].font = Font(bold=True, size=13)
    made = f"{timezone.localtime():%H:%M %d/%m/%Y}"
    cover.append([_("Lập lúc %(at)s từ dữ liệu của cổng thông tin.") % {"at": made}])
    cover.append([])
    cover.append([_("Trang tính"), _("Nội dung"), _("Số dòng")])
    for cell in cover[cover.max_row]:
        cell.font = Font(bold=True)
    cover.column_dimensions["A"].width = 34
    cover.column_dimensions["B"].width = 80
    used: set[str] = set()
    for index, table in enumerate(report.tables(), 1):
        name = sheet_name(index, table.title, used)
        used.add(name)
        cover.append([name, table.title, len(table.rows)])
        ws = wb.create_sheet(name)
        ws.append([table.title])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append([])
        ws.append(list(table.columns))
        header_row = ws.max_row
        for cell in ws[header_row]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = BOX
        rows = [*table.rows, *([table.total] if table.total else [])]
        for row in rows:
            ws.append([_cell_value(v) for v in row])
            for cell in ws[ws.max_row]:
                cell.border = BOX
                if isinstance(cell.value, date):
                    cell.number_format = "DD/MM/YYYY"
                elif isinstance(cell.value, int | float):
                    cell.number_format = "#,##0.##" if isinstance(cell.value, float) else "#,##0"
                else:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        if table.total:
            for cell in ws[ws.max_row]:
                cell.font = Font(bold=True)
        if table.note:
            ws.append([])
            ws.append([table.note])
            ws.cell(row=ws.max_row, column=1).font = Font(italic=True)
        for col, title in enumerate(table.columns, 1):
            longest = max([len(str(title))] + [len(str(r[col - 1] or "")) for r in rows[:500]])
            ws.column_dimensions[get_column_letter(col)].width = min(max(8, longest + 2), 60)
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    if len(wb.sheetnames) == 1:
        cover.append(["", _("Không có bảng số liệu.")])
    wb.properties.title = report.title
    wb.properties.creator = _("Cổng thông tin Thi đua – Khen thưởng")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
