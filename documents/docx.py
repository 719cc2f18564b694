"""A `Document` to Word (python-docx), in the layout `documents/pdf` prints, so the văn thư can edit it.

A4 with ND 30's margins, Times New Roman; the header table (issuer over its rule and the number; the
national name, the motto underlined to its length, the place and date); the type and title in bold over a
short rule; the body; "Nơi nhận" beside the signature block, kept with the last lines of the body. Each
annex is a section of its own whose page numbers start again at 1; no paper shows a number on its first
page.
"""

from io import BytesIO

from docx import Document as new_docx
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from documents.content import LABELS, MOTTO, NATIONAL_NAME, Annex, Chart, Document, Heading, Paragraph, Table
from documents.layout import split_tail

FONT = "Times New Roman"
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
TEXT_WIDTH_MM = 210 - 30 - 15
ISSUER_WIDTH_MM = 66  # 40 % of the line, as the PDF's header
INDENT = Mm(10)


def render(*docs: Document) -> bytes:
    """DOCX bytes of one or more papers, each with its annexes."""
    out = new_docx()
    _base_style(out)
    first = True
    for doc in docs:
        doc.numbered()
        section = out.sections[0] if first else out.add_section(WD_SECTION.NEW_PAGE)
        _page_setup(section)
        _paper(out, doc)
        for annex in doc.annexes:
            _page_setup(out.add_section(WD_SECTION.NEW_PAGE))
            _annex(out, doc, annex)
        first = False
    buffer = BytesIO()
    out.save(buffer)
    return buffer.getvalue()


# --- Page and styles ------------------------------------------------------------------------


def _base_style(out) -> None:
    style = out.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing = 1.0


def _page_setup(section) -> None:
    """A4 portrait, ND 30's margins, the page number centred at the top from the paper's second page."""
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = Mm(10)
    section.different_first_page_header_footer = True
    _restart_numbers(section)
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(paragraph)
    section.first_page_header.is_linked_to_previous = False


def _restart_numbers(section) -> None:
    """<w:pgNumType w:start="1"/>, where the schema puts it in the section's properties."""
    properties = section._sectPr
    number_type = OxmlElement("w:pgNumType")
    number_type.set(qn("w:start"), "1")
    later = [properties.find(qn(f"w:{tag}")) for tag in ("cols", "formProt", "vAlign", "titlePg", "docGrid")]
    later = [e for e in later if e is not None]
    if later:
        later[0].addprevious(number_type)
    else:
        properties.append(number_type)


def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


# --- Pieces ---------------------------------------------------------------------------------


def _para(
    container,
    text="",
    *,
    bold=False,
    italic=False,
    size=14,
    align=WD_ALIGN_PARAGRAPH.CENTER,
    underline=False,
    after=0,
    caps=False,
):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(after)
    if text:
        run = paragraph.add_run(text.upper() if caps else text)
        run.bold, run.italic, run.underline = bold, italic, underline
        run.font.size = Pt(size)
    return paragraph


def _first_para(cell, text, **kwargs):
    """The cell's own first paragraph, filled (a new cell holds one empty paragraph)."""
    paragraph = cell.paragraphs[0]
    paragraph.alignment = kwargs.pop("align", WD_ALIGN_PARAGRAPH.CENTER)
    run = paragraph.add_run(text)
    run.bold = kwargs.get("bold", False)
    run.italic = kwargs.get("italic", False)
    run.font.size = Pt(kwargs.get("size", 14))
    return paragraph


def _rule(container, *, width_mm: float, line_mm: float):
    """A centred horizontal rule `line_mm` long: an empty paragraph's bottom border, indented."""
    paragraph = container.add_paragraph()
    indent = Mm(max((width_mm - line_mm) / 2, 0))
    paragraph.paragraph_format.left_indent = indent
    paragraph.paragraph_format.right_indent = indent
    paragraph.paragraph_format.space_after = Pt(4)
    paragraph.paragraph_format.line_spacing = Pt(2)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    return paragraph


def _no_borders(table) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def _widths(table, widths_mm) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(width)


def _cant_split(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _header(out, doc: Document) -> None:
    if doc.draft:
        _para(out, str(LABELS["draft"]), bold=True, size=12, align=WD_ALIGN_PARAGRAPH.RIGHT, after=4)
    table = out.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, [ISSUER_WIDTH_MM, TEXT_WIDTH_MM - ISSUER_WIDTH_MM])
    left, right = table.rows[0].cells
    lines = ([doc.issuer.parent.upper()] if doc.issuer.parent else []) + doc.issuer.name.upper().splitlines()
    _first_para(left, lines[0], size=13, bold=not doc.issuer.parent)
    for line in lines[1:]:
        _para(left, line, bold=True, size=13)
    _rule(left, width_mm=ISSUER_WIDTH_MM, line_mm=ISSUER_WIDTH_MM * 0.35)
    _para(left, doc.number_line, size=13)
    if doc.motto:
        _first_para(right, str(NATIONAL_NAME), bold=True, size=12.5)
        _para(right, str(MOTTO), bold=True, size=13.5, underline=True, after=6)
        _para(right, doc.place_date, italic=True)
    else:
        _first_para(right, doc.place_date, italic=True)
    _para(out, "", after=6)


def _title(out, doc: Document) -> None:
    _para(out, doc.doc_type, bold=True, caps=True)
    for line in doc.title_lines:
        _para(out, line, bold=True)
    _rule(out, width_mm=TEXT_WIDTH_MM, line_mm=TEXT_WIDTH_MM * 0.3)
    if doc.addressee:
        _para(out, f"{LABELS['addressee']} {'; '.join(doc.addressee)}.", after=6)
    if doc.authority:
        _para(out, doc.authority, bold=True, caps=True, after=6)
    for basis in doc.bases:
        _body_paragraph(out, Paragraph(basis, basis=True))
    if doc.authority:
        _para(out, str(LABELS["decides"]), bold=True, after=6)


def _body_paragraph(out, item: Paragraph, *, keep=False):
    paragraph = out.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = None if item.plain else INDENT
    paragraph.paragraph_format.space_after = Pt(6)
    paragraph.paragraph_format.keep_with_next = keep or item.keep_with_next
    if item.lead:
        paragraph.add_run(item.lead + " ").bold = True
    run = paragraph.add_run(item.text)
    run.italic = item.basis or item.italic
    return paragraph


def _heading(out, item: Heading) -> None:
    paragraph = out.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = INDENT
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.space_after = Pt(6)
    paragraph.paragraph_format.keep_with_next = True
    run = paragraph.add_run(item.display)
    run.bold = item.level < 3
    run.italic = item.level == 3


def _table(out, item: Table, caption: str = "") -> None:
    if caption:
        _para(out, caption, bold=True, size=13, after=3).paragraph_format.keep_with_next = True
    table = out.add_table(rows=1, cols=len(item.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    head = table.rows[0]
    head._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, text in zip(head.cells, item.columns, strict=True):
        _first_para(cell, str(text), bold=True, size=12)
    rows = item.display_rows() or [[(str(LABELS["empty"]), False)] + [("", False)] * (len(item.columns) - 1)]
    total = item.display_total()
    for values in rows + ([total] if total else []):
        row = table.add_row()
        _cant_split(row)
        for cell, (text, is_number) in zip(row.cells, values, strict=False):
            align = WD_ALIGN_PARAGRAPH.RIGHT if is_number else WD_ALIGN_PARAGRAPH.LEFT
            _first_para(cell, text, size=12, align=align, bold=values is total)
    if item.widths:
        scale = TEXT_WIDTH_MM / sum(item.widths)
        _widths(table, [w * scale for w in item.widths])
    if item.note:
        _para(out, item.note, italic=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT, after=6)
    else:
        _para(out, "", size=6)


def _blocks(out, blocks, *, keep=False) -> None:
    for block in blocks:
        if isinstance(block, Paragraph):
            _body_paragraph(out, block, keep=keep)
        elif isinstance(block, Heading):
            _heading(out, block)
        elif isinstance(block, Table):
            caption = ""
            if block.caption:
                caption = f"{LABELS['table']} {block.number}. {block.title}" if block.number else block.title
            _table(out, block, caption)
        elif isinstance(block, Chart):
            caption = f"{LABELS['chart']} {block.number}. {block.title}"
            if block.table is not None:
                _table(out, block.table, caption)
            else:
                _para(out, caption, italic=True, size=12, after=6)


def _closing(out, doc: Document) -> None:
    beside = bool(doc.recipients) and len(doc.signatures) == 1
    cells = 2 if beside else max(len(doc.signatures), 1)
    table = out.add_table(rows=1, cols=cells)
    _no_borders(table)
    _cant_split(table.rows[0])
    signature_cells = table.rows[0].cells[1:] if beside else table.rows[0].cells
    if beside:
        _widths(table, [TEXT_WIDTH_MM * 0.45, TEXT_WIDTH_MM * 0.55])
        _recipients(table.rows[0].cells[0], doc.recipients)
    for cell, signature in zip(signature_cells, doc.signatures, strict=False):
        lines = signature.lines
        _first_para(cell, lines[0] if lines else "", bold=True)
        for line in lines[1:]:
            _para(cell, line, bold=True)
        for _ in range(4):
            _para(cell, "")
        _para(cell, signature.name, bold=True)
    if doc.recipients and not beside:
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[-1]) if len(row.cells) > 1 else row.cells[0]
        _recipients(merged, doc.recipients)


def _recipients(cell, recipients) -> None:
    _first_para(
        cell, str(LABELS["recipients"]), bold=True, italic=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT
    )
    for r in recipients:
        _para(cell, f"- {r}", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)


def _paper(out, doc: Document) -> None:
    _header(out, doc)
    _title(out, doc)
    body, tail = split_tail(doc.body)
    _blocks(out, body)
    _blocks(out, tail, keep=True)
    if tail:
        out.paragraphs[-1].paragraph_format.keep_with_next = True
    _closing(out, doc)


def _annex(out, doc: Document, annex: Annex) -> None:
    # A new section's first paragraph already exists only in a fresh document: add the annex's own.
    _para(out, annex.heading, bold=True)
    _para(out, annex.title, bold=True, caps=True)
    _para(out, doc.annex_reference(annex), italic=True)
    _rule(out, width_mm=TEXT_WIDTH_MM, line_mm=TEXT_WIDTH_MM * 0.3)
    _blocks(out, annex.blocks)
