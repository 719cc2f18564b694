"""An official document (Nghị định 30/2020/NĐ-CP) as data: header blocks, title, body, annexes, signature."""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports.content.base import Section, Table

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
NATIONAL_NAME = gettext_lazy("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
MOTTO = gettext_lazy("Độc lập - Tự do - Hạnh phúc")
# The number is written in by hand when the document is signed: keep the blank visible in HTML.
NBSP = "\u00a0"


@dataclass
class Annex:
    numeral: str
    table: Table


@dataclass
class Part:
    """One document: a report, a tờ trình, its list, a draft decision. A PDF holds one or more."""

    parent_body: str
    issuing_body: str
    number: str
    place_date: str
    doc_type: str
    title_lines: list[str]
    intro: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signature_lines: list[str] = field(default_factory=list)
    signer_name: str = ""
    annexes: list[Annex] = field(default_factory=list)
    # Who issues it, in running text ("Sở Nội vụ"): annexes say "kèm theo … của <issuer_name>".
    issuer_name: str = gettext_lazy("Sở Nội vụ")
    addressee: str = ""
    # Centred bold line above the legal bases of a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …").
    authority: str = ""
    # "DỰ THẢO" stamp of a draft decision; a list attached to another part has no motto block.
    draft: bool = False
    numbered_sections: bool = True

    @property
    def number_text(self) -> str:
        """'số      /BC-SNV' for running text."""
        return self.number.replace(_("Số:"), _("số"), 1)

    def attach_annexes(self) -> None:
        """Collect every section's long lists as numbered annexes (Phụ lục I, II, …)."""
        tables = [t for s in self.sections for t in s.annexes]
        self.annexes = [Annex(ROMAN[i] if i < len(ROMAN) else str(i + 1), t) for i, t in enumerate(tables)]


@dataclass
class Report:
    """What the builders render: the document parts, and the tables in the order the XLSX lists them."""

    title: str
    parts: list[Part]

    def tables(self) -> list[Table]:
        out = []
        for part in self.parts:
            for section in part.sections:
                out.extend(section.tables)
            out.extend(a.table for a in part.annexes)
        return out

    def missing_sources(self) -> list[str]:
        return sorted({m for p in self.parts for s in p.sections for m in s.missing_sources})


def place_date(place: str, day: date) -> str:
    """'Hưng Yên, ngày 05 tháng 02 năm 2026': days below 10 and months 1–2 take a leading zero (NĐ 30)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return _("%(place)s, ngày %(day)s tháng %(month)s năm %(year)s") % {
        "place": place,
        "day": f"{day.day:02d}",
        "month": month,
        "year": day.year,
    }


def province_body() -> str:
    return getattr(settings, "PORTAL_ISSUER", _("UBND TỈNH HƯNG YÊN")).upper()


def department_signature() -> tuple[list[str], str]:
    title = getattr(settings, "REPORTS_SIGNER_TITLE", _("GIÁM ĐỐC"))
    return [title], getattr(settings, "REPORTS_SIGNER_NAME", "")
