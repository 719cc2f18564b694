"""The plain data a report is made of: scope, tables, charts, sections."""

import time
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.utils.safestring import SafeString

from campaigns.models import AwardRound, Campaign, Unit


@dataclass
class Scope:
    """What a report covers: one campaign, a period (a year or the whole campaign), maybe one unit's tree."""

    campaign: Campaign
    period_start: date
    period_end: date
    rounds: list[AwardRound]
    year: int | None = None
    unit: Unit | None = None
    # Tests make a job slow enough to kill its worker in the middle; refused in production.
    section_delay: float = 0.0

    @property
    def years(self) -> list[int]:
        return list(range(self.period_start.year, self.period_end.year + 1))

    def pause(self) -> None:
        if self.section_delay and not settings.PRODUCTION:
            time.sleep(min(self.section_delay, 30.0))


@dataclass
class Table:
    """One table: printed in the PDF and written as one sheet of the XLSX."""

    key: str
    title: str
    columns: list[str]
    rows: list[list]
    total: list | None = None
    # Relative widths of the columns in the PDF (they sum to about 100).
    widths: list[int] | None = None
    note: str = ""

    def display_rows(self) -> list[list[tuple[str, bool]]]:
        return [[display_cell(c) for c in row] for row in self.rows]

    def display_total(self) -> list[tuple[str, bool]] | None:
        return [display_cell(c) for c in self.total] if self.total else None


@dataclass
class Chart:
    title: str
    svg: SafeString


@dataclass
class Section:
    key: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    annexes: list[Table] = field(default_factory=list)
    # Sources (other apps' data) this section could not read yet: listed in docs, not printed.
    missing_sources: list[str] = field(default_factory=list)

    def add_annex(self, key: str, title: str, columns: list[str], rows: list, widths: list[int]) -> None:
        """An annex of the section, its rows numbered in a first column "STT"; an empty list is left out of
        the report. `widths` are those of `columns`."""
        if rows:
            numbered = [[i, *row] for i, row in enumerate(rows, 1)]
            self.annexes.append(Table(key, title, ["STT", *columns], numbered, widths=[6, *widths]))


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


def money(value: Decimal | int | None) -> str:
    """1234567 -> '1.234.567' (đồng)."""
    if value is None:
        return ""
    return f"{int(value):,}".replace(",", ".")


def percent(part: int, whole: int) -> str:
    if not whole:
        return "0%"
    value = round(part * 100 / whole, 1)
    return f"{value:g}%".replace(".", ",")
