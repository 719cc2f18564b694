"""Biểu 0601.N and 0603.N as files: the PDF in the form's own layout (landscape A4) and the XLSX with the
same row codes and a sheet of the records behind every cell."""

import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from campaigns.pdf import render_pdf
from campaigns.roles import display_name
from documents.content import Signature, date_words
from documents.issuers import campaign_unit, issuer_for, signature_for
from reports.content.statistics import CIRCULAR, RECEIVED_ON, RECEIVER, StatisticsForm

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


@dataclass
class Reporting:
    """Who reports: the body's full name, its locality for the date line, its head and who prepared it."""

    reporter: str
    locality: str
    head: Signature
    preparer: str


def reporting_of(campaign, user) -> Reporting:
    """The province reports (the campaign's deciding body, signed by its head today); `user` prepared it."""
    day = timezone.localdate()
    unit = campaign_unit(campaign, "deciding")
    issuer = issuer_for(unit, day)
    return Reporting(
        reporter=issuer.running_name,
        locality=issuer.locality,
        head=signature_for(unit, day),
        preparer=display_name(user) if user is not None else "",
    )


def statistics_pdf(form: StatisticsForm, reporting: Reporting) -> bytes:
    html = render_to_string(
        "reports/pdf/statistics_form.html",
        {
            "form": form,
            "r": reporting,
            "circular": CIRCULAR,
            "received_on": RECEIVED_ON,
            "receiver": RECEIVER,
            "date_line": f"{reporting.locality}, {date_words(None, year=form.year)}",
            "numbers": range(1, len(form.columns) + 1),
        },
    )
    return render_pdf(html)


def statistics_xlsx(form: StatisticsForm, reporting: Reporting) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = form.number.split("/")[0].replace(_("Biểu số"), _("Biểu"))
    bold = Font(bold=True)
    head = [
        [form.number, "", form.title],
        [str(CIRCULAR), "", _("Năm %(year)s") % {"year": form.year}],
        [str(RECEIVED_ON)],
        [_("Đơn vị báo cáo: %(name)s") % {"name": reporting.reporter}],
        [_("Đơn vị nhận báo cáo: %(name)s") % {"name": RECEIVER}],
        [form.measure] if form.measure else [],
        [],
    ]
    for line in head:
        ws.append(line)
    ws["A1"].font = ws["C1"].font = bold
    measure = [] if form.measure else [_("Đơn vị tính")]
    letters = ["A", "B", *(["C"] if not form.measure else [])]
    ws.append([_("Chỉ tiêu"), _("Mã số"), *measure, *form.columns])
    ws.append([*letters, *range(1, len(form.columns) + 1)])
    for row in ws.iter_rows(min_row=ws.max_row - 1, max_row=ws.max_row):
        for cell in row:
            cell.font = bold
            cell.border = BOX
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r in form.rows:
        indent = "    " * r.level + ("– " if r.level == 1 else "+ " if r.level == 2 else "")
        values = [] if r.is_heading else [c.value for c in r.cells]
        ws.append(
            [
                indent + r.label if r.code else r.label,
                r.code,
                *([r.measure] if not form.measure else []),
                *values,
            ]
        )
        for cell in ws[ws.max_row]:
            cell.border = BOX
        if r.is_heading or r.level == 0:
            ws.cell(row=ws.max_row, column=1).font = bold
    if form.note:
        ws.append([])
        ws.append([form.note])
    ws.column_dimensions["A"].width = 62
    ws.column_dimensions["B"].width = 8
    for i in range(len(letters) + 1, len(letters) + len(form.columns) + 1):
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = 16
    sources = wb.create_sheet(_("Nguồn số liệu"))
    sources.append([_("Mã số"), _("Cột"), _("Bản ghi")])
    for cell in sources[1]:
        cell.font = bold
    for r in form.rows:
        for column, cell in enumerate(r.cells, 1):
            for record in cell.records:
                sources.append([r.code, column, record])
    sources.column_dimensions["C"].width = 80
    wb.properties.title = f"{form.number} – {form.year}"
    wb.properties.creator = _("Cổng thông tin Thi đua – Khen thưởng")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
