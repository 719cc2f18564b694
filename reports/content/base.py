"""The plain data a report section is made of: its scope, and the section (tables and charts are
documents.content's)."""

import time
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings

from campaigns.models import AwardRound, Campaign, Unit
from documents.content import Chart, Table


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
    # The parts Sở Nội vụ writes (reports.narrative), by part key: the versions the job was asked with.
    narrative: dict[str, str] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        return list(range(self.period_start.year, self.period_end.year + 1))

    def pause(self) -> None:
        if self.section_delay and not settings.PRODUCTION:
            time.sleep(min(self.section_delay, 30.0))


@dataclass
class Section:
    key: str
    heading: str
    # Sentences, (bold lead, sentence) pairs, or blocks as they are (Paragraph, Heading).
    paragraphs: list = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    annexes: list[Table] = field(default_factory=list)
    # The section's headline numbers, which the report's key-figures table repeats (one count, one place).
    figures: dict = field(default_factory=dict)
    # Sources (other apps' data) this section could not read yet: listed in docs, not printed.
    missing_sources: list[str] = field(default_factory=list)

    def add_annex(self, key: str, title: str, columns: list[str], rows: list, widths: list[int]) -> None:
        """An annex of the section, its rows numbered in a first column "STT"; an empty list is left out of
        the report. `widths` are those of `columns`."""
        if rows:
            numbered = [[i, *row] for i, row in enumerate(rows, 1)]
            self.annexes.append(Table(key, title, ["STT", *columns], numbered, widths=[6, *widths]))


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
