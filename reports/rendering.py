"""Render a gathered report as an official document: HTML from a template, then PDF through campaigns.pdf."""

from django.template.loader import render_to_string
from django.utils import timezone

from campaigns.pdf import render_pdf
from reports.content.report import MOTTO, NATIONAL_NAME, ROMAN, Report


def _paragraphs(items) -> list[dict]:
    return [{"lead": p[0], "text": p[1]} if isinstance(p, tuple) else {"lead": "", "text": p} for p in items]


def render_html(report: Report) -> str:
    """The report as one HTML document (every part on its own pages), ready for WeasyPrint."""
    parts = []
    for part in report.parts:
        sections = []
        numbered = [s for s in part.sections]
        for i, section in enumerate(numbered):
            sections.append(
                {
                    "numeral": ROMAN[i] if part.numbered_sections and i < len(ROMAN) else "",
                    "heading": section.heading,
                    "paragraphs": _paragraphs(section.paragraphs),
                    "tables": section.tables,
                    "charts": section.charts,
                }
            )
        parts.append({"part": part, "sections": sections, "intro": _paragraphs(part.intro)})
    chart_no = 0
    table_no = 0
    for p in parts:
        for s in p["sections"]:
            for chart in s["charts"]:
                chart_no += 1
                chart.number = chart_no
            for table in s["tables"]:
                table_no += 1
                table.number = table_no
    return render_to_string(
        "reports/pdf/document.html",
        {
            "report": report,
            "parts": parts,
            "national_name": NATIONAL_NAME,
            "motto": MOTTO,
            "today": timezone.localdate(),
        },
    )


def build_pdf(report: Report) -> bytes:
    """PDF bytes of the report: WeasyPrint through the portal's only fetcher (campaigns.pdf.render_pdf)."""
    return render_pdf(render_html(report))
