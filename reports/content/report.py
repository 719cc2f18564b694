"""What a report job builds: one or more papers (documents.content.Document) and the tables of its XLSX.

The sections (reports.content.*) gather plain data; this module turns them into a paper's blocks: a
Roman-numbered part per section, its paragraphs, tables and charts, and the long lists as annexes.
"""

from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _

from documents.content import Annex, Block, Document, Heading, Paragraph, Table, roman
from reports.content.base import Section


@dataclass
class Report:
    """The papers of one job (a tờ trình and its draft decision, or one report) and its title."""

    title: str
    documents: list[Document]
    sections: list[Section]
    # The written parts (reports.narrative) a summary report lacks: it is a draft until they are written.
    unwritten: list[str] = field(default_factory=list)
    # The tables that open the paper before its parts (the key figures, the figures by year).
    lead_tables: list[Table] = field(default_factory=list)

    def tables(self) -> list[Table]:
        """The opening tables, every table of the sections, then their annexes in full (a long list is only
        here): the sheets of the XLSX, in order. A report without sections (a tờ trình) gives its papers'
        annex tables."""
        if not self.sections:
            return [
                b for doc in self.documents for a in doc.annexes for b in a.blocks if isinstance(b, Table)
            ]
        return (
            self.lead_tables
            + [t for s in self.sections for t in s.printed_tables()]
            + [t for s in self.sections for t in s.annexes]
        )

    def missing_sources(self) -> list[str]:
        return sorted({m for s in self.sections for m in s.missing_sources})


def paragraph(item) -> Block:
    """A section's paragraph: a sentence, (bold lead, sentence) as in "Điều 1. …", or a block as it is
    (a written part's paragraphs and numbered lines)."""
    if isinstance(item, Paragraph | Heading):
        return item
    if isinstance(item, tuple):
        return Paragraph(item[1], lead=item[0])
    return Paragraph(item)


def body_of(sections: list[Section], *, numbered: bool = True) -> list[Block]:
    """The body of a paper: each section a part ("I. …"), its paragraphs, own blocks, tables and charts."""
    blocks: list[Block] = []
    for i, section in enumerate(sections, 1):
        if section.heading:
            blocks.append(Heading(section.heading, numeral=roman(i) if numbered else ""))
        blocks.extend(paragraph(p) for p in section.paragraphs)
        blocks.extend(section.blocks)
        blocks.extend(section.tables)
        blocks.extend(section.charts)
    return blocks


def combined(key: str, heading: str, parts: list[Section]) -> Section:
    """One part of a report made of sections, each under its own numbered sub-heading ("1. …"); their
    annexes and figures are the part's."""
    out = Section(key=key, heading=heading)
    for i, part in enumerate(parts, 1):
        out.blocks.append(Heading(part.heading, numeral=str(i), level=2))
        out.blocks.extend(paragraph(p) for p in part.paragraphs)
        out.blocks.extend(part.blocks)
        out.blocks.extend(part.tables)
        out.blocks.extend(part.charts)
        out.annexes.extend(part.annexes)
        out.figures.update(part.figures)
        out.missing_sources.extend(part.missing_sources)
    return out


# A list longer than this is not printed: the paper says where it is in the workbook (a leader reads the
# PDF on a phone; 1,135 ineligible dossiers belong in Excel).
PRINTED_ROWS = 40


def annexes_of(sections: list[Section]) -> list[Annex]:
    """The sections' lists, each an annex of its own: Phụ lục I, II, … — a long one as a pointer to the
    workbook's sheet of the same title."""
    tables = [t for s in sections for t in s.annexes]
    annexes = []
    for i, table in enumerate(tables, 1):
        if len(table.rows) > PRINTED_ROWS:
            blocks = [
                Paragraph(
                    _(
                        "Danh sách gồm %(n)s dòng, không in kèm báo cáo này: xem trang tính “%(title)s” "
                        "trong tệp Excel của báo cáo (tải ở trang Báo cáo, định dạng Excel)."
                    )
                    % {"n": len(table.rows), "title": table.title}
                )
            ]
        else:
            blocks = [replace(table, caption=False)]  # under the annex's title; the workbook's keeps it
        annexes.append(Annex(_("Phụ lục %(n)s") % {"n": roman(i)}, table.title, blocks))
    return annexes
