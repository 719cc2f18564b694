"""What a report job builds: one or more papers (documents.content.Document) and the tables of its XLSX.

The sections (reports.content.*) gather plain data; this module turns them into a paper's blocks: a
Roman-numbered part per section, its paragraphs, tables and charts, and the long lists as annexes.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from documents.content import Annex, Block, Document, Heading, Paragraph, Table, roman
from reports.content.base import Section


@dataclass
class Report:
    """The papers of one job (a tờ trình and its draft decision, or one report) and its title."""

    title: str
    documents: list[Document]
    sections: list[Section]

    def tables(self) -> list[Table]:
        """Every table of the sections, then of the annexes: the sheets of the XLSX, in order."""
        out = []
        for section in self.sections:
            out.extend(section.tables)
        for doc in self.documents:
            out.extend(b for a in doc.annexes for b in a.blocks if isinstance(b, Table))
        return out

    def missing_sources(self) -> list[str]:
        return sorted({m for s in self.sections for m in s.missing_sources})


def paragraph(item) -> Paragraph:
    """A section's paragraph: a sentence, or (bold lead, sentence) as in "Điều 1. …"."""
    if isinstance(item, tuple):
        return Paragraph(item[1], lead=item[0])
    return Paragraph(item)


def body_of(sections: list[Section], *, numbered: bool = True) -> list[Block]:
    """The body of a paper: each section a part ("I. …"), its paragraphs, tables and charts."""
    blocks: list[Block] = []
    for i, section in enumerate(sections, 1):
        if section.heading:
            blocks.append(Heading(section.heading, numeral=roman(i) if numbered else ""))
        blocks.extend(paragraph(p) for p in section.paragraphs)
        blocks.extend(section.tables)
        blocks.extend(section.charts)
    return blocks


def annexes_of(sections: list[Section]) -> list[Annex]:
    """The sections' long lists, each an annex of its own: Phụ lục I, II, …"""
    tables = [t for s in sections for t in s.annexes]
    return [
        Annex(_("Phụ lục %(n)s") % {"n": roman(i)}, t.title, [uncaptioned(t)])
        for i, t in enumerate(tables, 1)
    ]


def uncaptioned(table: Table) -> Table:
    """A table under an annex's title: no 'Bảng N.' caption of its own."""
    table.caption = False
    return table
