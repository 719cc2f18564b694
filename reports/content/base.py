"""The plain data a report section is made of: its scope, and the section (tables and charts are
documents.content's)."""

import re
import time
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy

from campaigns.models import AwardRound, Campaign, Unit
from criteria.models import Criterion, EmulationContent
from documents.content import Block, Chart, Table


@dataclass
class Scope:
    """What a report covers: one campaign, a period (a year or the whole campaign), maybe one unit's tree."""

    campaign: Campaign
    period_start: date
    period_end: date
    rounds: list[AwardRound]
    year: int | None = None
    unit: Unit | None = None
    # What Sở Nội vụ wrote for the report's parts, by key ("noi-dung-1", …): paragraphs split on blank lines.
    narrative: dict[str, str] = field(default_factory=dict)
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
    # A part with sub-parts lays out its own body ("1. …", its text and tables), printed after the paragraphs.
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    annexes: list[Table] = field(default_factory=list)
    # The section's headline numbers, which the report's key-figures table repeats (one count, one place).
    figures: dict = field(default_factory=dict)
    # Sources (other apps' data) this section could not read yet: listed in docs, not printed.
    missing_sources: list[str] = field(default_factory=list)

    def printed_tables(self) -> list[Table]:
        """The tables of the part, in the order the paper prints them."""
        return [b for b in self.blocks if isinstance(b, Table)] + self.tables

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


# How a paper names a kind of unit: in full (ND 30 writes names out); the screens keep the short labels.
KIND_NAMES = {
    Unit.Kind.PROVINCE: gettext_lazy("Ủy ban nhân dân tỉnh"),
    Unit.Kind.PROVINCIAL_AGENCY: gettext_lazy("Sở, ban, ngành tỉnh"),
    Unit.Kind.DISTRICT: gettext_lazy("Ủy ban nhân dân cấp huyện"),
    Unit.Kind.COMMUNE: gettext_lazy("Ủy ban nhân dân cấp xã"),
    Unit.Kind.DIVISION: gettext_lazy("Phòng, ban chuyên môn"),
}


def kind_name(kind: str) -> str:
    return str(KIND_NAMES.get(kind) or Unit.Kind(kind).label)


# The abbreviations of bodies' names a paper writes out (a ranking group imported as "UBND cấp xã").
ABBREVIATIONS = {"UBND": gettext_lazy("Ủy ban nhân dân"), "HĐND": gettext_lazy("Hội đồng nhân dân")}
_ABBREVIATED = re.compile(r"\b(" + "|".join(ABBREVIATIONS) + r")\b")


def written_out(text: str) -> str:
    """'UBND cấp xã' -> 'Ủy ban nhân dân cấp xã': a label from the data, as a paper prints it."""
    return _ABBREVIATED.sub(lambda m: str(ABBREVIATIONS[m.group(1)]), text or "")


def narrative_paragraphs(scope: Scope, key: str) -> list[str]:
    """What Sở Nội vụ wrote under `key`, one paragraph per block of text between blank lines."""
    text = (scope.narrative or {}).get(key) or ""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def units_of(scope: Scope):
    """The scope's unit tree, or None for the whole province."""
    return Unit.objects.subtree_of(scope.unit) if scope.unit is not None else None


@dataclass(frozen=True)
class SaidUnderContents:
    """What the part on the plan's contents states in words, so that a later part does not say it again."""

    practice_kinds: frozenset[str]
    rankings: bool


def said_under_contents(campaign: Campaign) -> SaidUnderContents:
    """The practice kinds the campaign's contents count, and whether one of them brings the dân vận ranking
    (one of its criteria is computed from it)."""
    contents = EmulationContent.objects.filter(campaign=campaign)
    kinds = frozenset(k for row in contents.values_list("practice_kinds", flat=True) for k in row or [])
    ranked = contents.filter(criteria__source=Criterion.Source.DVCQ_RANKING).exists()
    return SaidUnderContents(practice_kinds=kinds, rankings=ranked)
