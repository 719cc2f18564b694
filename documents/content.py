"""A paper the portal issues, as plain data (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Every paper — a tờ trình, a decision and its annex, a council's minutes, a report — is one `Document`:
the issuer's header, the number, place and date, the type and title, the body as a list of blocks, the
recipients, the signature blocks and the annexes. `documents.pdf` and `documents.docx` render the same
`Document` to PDF and to Word, with one layout; nothing else decides how a paper looks.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

NATIONAL_NAME = gettext_lazy("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
MOTTO = gettext_lazy("Độc lập - Tự do - Hạnh phúc")
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
# The words of the layout itself, the same in both renderers.
LABELS = {
    "draft": gettext_lazy("DỰ THẢO"),
    "addressee": gettext_lazy("Kính gửi:"),
    "decides": gettext_lazy("QUYẾT ĐỊNH:"),
    "recipients": gettext_lazy("Nơi nhận:"),
    "table": gettext_lazy("Bảng"),
    "chart": gettext_lazy("Biểu đồ"),
    "empty": gettext_lazy("Không có số liệu."),
}
# Tables of at most this many rows (total included) stay on one page.
SHORT_TABLE_ROWS = 12
# A number or a day written in by hand when the paper is signed: a run of no-break spaces keeps the gap.
BLANK = "\u00a0" * 6


def roman(n: int) -> str:
    """1 → 'I'; past the table, the Arabic number."""
    return ROMAN[n - 1] if 0 < n <= len(ROMAN) else str(n)


@dataclass(frozen=True)
class Issuer:
    """Who issues a paper, as its header prints it.

    `name` is the issuing body's full official name ("SỞ NỘI VỤ", "ỦY BAN NHÂN DÂN XÃ NHƯ QUỲNH");
    `parent` the line ND 30 wants above it for a body with a direct parent ("UBND TỈNH HƯNG YÊN"), empty
    for a People's Committee; `abbreviation` ends the number ("/TTr-SNV"); `locality` opens the place
    line; `running_name` is how the body is named in running text ("Sở Nội vụ").
    """

    name: str
    abbreviation: str
    locality: str
    running_name: str
    parent: str = ""


@dataclass(frozen=True)
class Signature:
    """One signature block: the authority line ("KT. GIÁM ĐỐC"), the title, the space, the full name."""

    title: str
    name: str
    authority: str = ""

    @property
    def lines(self) -> list[str]:
        return [line for line in (self.authority, self.title) if line]

    @property
    def one_line(self) -> str:
        """The block on one line, as a list of signers shows it: 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Lê Văn A'."""
        return " / ".join([*self.lines, self.name])


# --- The body's blocks ----------------------------------------------------------------------


@dataclass
class Paragraph:
    """Body text: justified, first line indented. `lead` is a bold opening ("Điều 1."); `basis` makes
    a legal ground of a decision (italic); `plain` drops the indent (a list's lines, a tally); `italic`
    is a remark about the paper itself (a part of a draft not written yet); `keep_with_next` keeps a
    sentence that introduces a table on the table's page."""

    text: str
    lead: str = ""
    basis: bool = False
    plain: bool = False
    italic: bool = False
    keep_with_next: bool = False


@dataclass
class Heading:
    """A part of the body: level 1 is Roman-numbered in bold capitals ("I. KẾT QUẢ …"), level 2 an
    Arabic-numbered bold line ("1. Tập thể"), level 3 an italic line ("a) …")."""

    text: str
    numeral: str = ""
    level: int = 1

    @property
    def display(self) -> str:
        text = self.text.upper() if self.level == 1 else self.text
        if not self.numeral:
            return text
        return f"{self.numeral}) {text}" if self.level == 3 else f"{self.numeral}. {text}"


@dataclass
class Table:
    """One table: printed in the paper and, in reports, written as one sheet of the XLSX."""

    key: str
    title: str
    columns: list[str]
    rows: list[list]
    total: list | None = None
    # Relative widths of the columns (they sum to about 100).
    widths: list[int] | None = None
    note: str = ""
    # Numbered "Bảng N." by the renderer when captioned; a list of a decision has no caption.
    caption: bool = True
    number: int | None = None

    @property
    def short(self) -> bool:
        """A table this short is not split across two pages (a row left alone on the next one)."""
        return len(self.rows) + (1 if self.total else 0) <= SHORT_TABLE_ROWS

    def display_rows(self) -> list[list[tuple[str, bool]]]:
        return [[display_cell(c) for c in row] for row in self.rows]

    def display_total(self) -> list[tuple[str, bool]] | None:
        return [display_cell(c) for c in self.total] if self.total else None


@dataclass
class Chart:
    """A chart: the SVG in the PDF; Word gets its figures as a table (`table`)."""

    title: str
    svg: SafeString
    table: Table | None = None
    number: int | None = None


Block = Paragraph | Heading | Table | Chart


@dataclass
class Annex:
    """A list or table attached to a paper: its own pages, numbered from 1 again."""

    heading: str  # "Phụ lục I", "DANH SÁCH"
    title: str
    blocks: list[Block] = field(default_factory=list)
    # "(Kèm theo …)": filled from the paper by `Document.annex_reference()` when left empty.
    reference: str = ""


@dataclass
class Document:
    issuer: Issuer
    doc_type: str  # "TỜ TRÌNH", "QUYẾT ĐỊNH", "BÁO CÁO", "BIÊN BẢN"
    type_code: str  # "TTr", "QĐ", "BC", "BB": the number reads "Số: 12/TTr-SNV"
    title_lines: list[str]
    day: date | None = None  # None: "ngày    tháng    năm 2026", filled in when signed
    year: int | None = None  # the year of a paper not dated yet
    number: str = ""  # "" until the văn thư gives it
    addressee: list[str] = field(default_factory=list)  # "Kính gửi: …"
    authority: str = ""  # a decision's centred line: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN"
    bases: list[str] = field(default_factory=list)  # "Căn cứ …;"
    body: list[Block] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    draft: bool = False  # the "DỰ THẢO" mark
    # A paper with no national motto (a list attached to another paper): only the issuer's block.
    motto: bool = True

    @property
    def full_number(self) -> str:
        """'12/TTr-SNV'; a recorded paper's number as issued ('1234/QĐ-UBND'); '      /TTr-SNV' while the
        number is to be written in by hand."""
        if "/" in self.number:
            return self.number
        return f"{self.number or BLANK}/{self.type_code}-{self.issuer.abbreviation}"

    @property
    def number_line(self) -> str:
        """'Số: 12/TTr-SNV'."""
        return _("Số: %(number)s") % {"number": self.full_number}

    @property
    def number_text(self) -> str:
        """'số 12/TTr-SNV' for running text."""
        return _("số %(number)s") % {"number": self.full_number}

    @property
    def place_date(self) -> str:
        return place_date(self.issuer.locality, self.day, year=self.year)

    def annex_reference(self, annex: Annex) -> str:
        if annex.reference:
            return annex.reference
        day = date_words(self.day, year=self.year)
        return _("(Kèm theo %(doc_type)s %(number)s %(day)s của %(issuer)s)") % {
            "doc_type": self.doc_type.lower().capitalize(),
            "number": self.number_text,
            "day": day,
            "issuer": self.issuer.running_name,
        }

    def numbered(self) -> "Document":
        """Number the captioned tables and the charts of the body and the annexes (Bảng 1, Biểu đồ 1)."""
        tables = charts = 0
        for block in self.body + [b for a in self.annexes for b in a.blocks]:
            if isinstance(block, Table) and block.caption:
                tables += 1
                block.number = tables
            elif isinstance(block, Chart):
                charts += 1
                block.number = charts
        return self


def date_words(day: date | None, *, year: int | None = None) -> str:
    """'ngày 05 tháng 02 năm 2026' — days below 10 and months 1–2 take a leading zero (ND 30, Phụ lục I);
    without a day, the blanks to write it in by hand."""
    if day is None:
        return _("ngày %(blank)s tháng %(blank)s năm %(year)s") % {"blank": BLANK, "year": year or ""}
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return _("ngày %(day)s tháng %(month)s năm %(year)s") % {
        "day": f"{day.day:02d}",
        "month": month,
        "year": day.year,
    }


def place_date(place: str, day: date | None, *, year: int | None = None) -> str:
    """'Hưng Yên, ngày 05 tháng 02 năm 2026'."""
    return f"{place}, {date_words(day, year=year)}"


def display_cell(value) -> tuple[str, bool]:
    """(text, is_number) with Vietnamese number formatting: 1.234.567 and 12,5."""
    if value is None:
        return ("", False)
    if isinstance(value, bool):
        return ("x" if value else "", False)
    if isinstance(value, int):
        return (f"{value:,}".replace(",", "."), True)
    if isinstance(value, Decimal | float):
        text = f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{int(value):,}"
        return (text.replace(",", "\x00").replace(".", ",").replace("\x00", "."), True)
    if isinstance(value, date):
        return (value.strftime("%d/%m/%Y"), False)
    return (str(value), False)
