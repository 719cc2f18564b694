"""The same tables as the PDF, one sheet each, as an XLSX workbook (openpyxl)."""

import io
from datetime import date
from decimal import Decimal

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


def build_xlsx(report: Report) -> bytes:
    """One sheet per table, titled, with bold headers and borders; numbers stay numbers."""
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for index, table in enumerate(report.tables(), 1):
        name = f"{index:02d} {table.title}".translate(INVALID_SHEET_CHARS)[:31]
        while name in used:
            name = name[:28] + f"~{len(used)}"
        used.add(name)
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
        for col, title in enumerate(table.columns, 1):
            longest = max([len(str(title))] + [len(str(r[col - 1] or "")) for r in rows[:500]])
            ws.column_dimensions[get_column_letter(col)].width = min(max(8, longest + 2), 60)
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    if not wb.sheetnames:
        wb.create_sheet(_("Báo cáo")).append([report.title, _("Không có bảng số liệu.")])
    wb.properties.title = report.title
    wb.properties.creator = _("Cổng thông tin Thi đua – Khen thưởng")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
