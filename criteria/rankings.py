"""Importing the yearly dân vận chính quyền results (QĐ 04/2025/QĐ-UBND) from a spreadsheet.

All or nothing: the file is read and checked whole first; if any row is wrong nothing is written
and each bad row is reported with its number, column and a Vietnamese reason. Importing the same
year again updates each unit's row.
"""

import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from campaigns.models import Unit
from campaigns.tabular import RowError, TableError, code_cell, read_table, text_cell
from campaigns.text import fold
from criteria.models import UnitRanking

COLUMNS = {
    "unit_code": "Mã đơn vị",
    "points": "Điểm",
    "grade": "Xếp loại",
    "rank": "Thứ hạng",
    "group": "Nhóm",
}
REQUIRED = ("unit_code", "points", "grade", "rank")
GRADES = {fold(str(label)): value for value, label in UnitRanking.Grade.choices}
MAX_POINTS = Decimal("1000")
FIRST_YEAR = 2000


@dataclass
class ParsedRow:
    number: int
    unit_code: str
    unit: Unit | None = None
    points: Decimal | None = None
    grade: str = ""
    rank: int | None = None
    group: str = ""
    errors: dict[str, str] = field(default_factory=dict)  # column label -> reason

    @property
    def grade_label(self) -> str:
        return UnitRanking.Grade(self.grade).label if self.grade else ""


@dataclass
class RankingImport:
    year: int
    rows: list[ParsedRow]
    errors: list[RowError]
    file_error: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error and bool(self.rows)


def check_year(year) -> str:
    """'' when the year is plausible, else what to fix."""
    this_year = timezone.localdate().year
    if not isinstance(year, int) or not FIRST_YEAR <= year <= this_year:
        return f"Năm đánh giá phải từ {FIRST_YEAR} đến {this_year}. Hãy nhập lại năm."
    return ""


def parse_rankings(data: bytes, filename: str, year: int) -> RankingImport:
    """Read and check every row; nothing is written."""
    problem = check_year(year)
    if problem:
        return RankingImport(year=year, rows=[], errors=[], file_error=problem)
    try:
        table = read_table(data, filename, COLUMNS, REQUIRED)
    except TableError as exc:
        return RankingImport(year=year, rows=[], errors=[], file_error=str(exc))
    if not table.rows:
        return RankingImport(
            year=year, rows=[], errors=[], file_error="Tệp không có dòng dữ liệu nào. Hãy điền từ dòng 2."
        )
    codes = {code_cell(r.values.get("unit_code")) for r in table.rows}
    units = {u.code.upper(): u for u in Unit.objects.filter(code__in=codes)}
    missing = {c.upper() for c in codes} - set(units)
    if missing:
        # Codes typed in another case still name the unit (codes are unique ignoring case in practice).
        query = Q()
        for code in missing:
            query |= Q(code__iexact=code)
        for unit in Unit.objects.filter(query):
            units.setdefault(unit.code.upper(), unit)
    rows, seen = [], {}
    for raw in table.rows:
        row = ParsedRow(number=raw.number, unit_code=code_cell(raw.values.get("unit_code")))
        _read_row(row, raw.values, units, seen)
        rows.append(row)
    _check_ranks_fit_groups(rows)
    errors = [RowError(r.number, column, reason) for r in rows for column, reason in r.errors.items()]
    return RankingImport(year=year, rows=rows, errors=errors)


def _read_row(row: ParsedRow, values: dict, units: dict, seen: dict) -> None:
    if not row.unit_code:
        row.errors[COLUMNS["unit_code"]] = "Thiếu mã đơn vị."
    else:
        row.unit = units.get(row.unit_code.upper())
        if row.unit is None:
            row.errors[COLUMNS["unit_code"]] = (
                f"Không có đơn vị mã “{row.unit_code}”. Hãy kiểm tra mã trong danh mục đơn vị."
            )
        elif row.unit.pk in seen:
            row.errors[COLUMNS["unit_code"]] = (
                f"Đơn vị “{row.unit_code}” đã có ở dòng {seen[row.unit.pk]}. Mỗi đơn vị chỉ một dòng."
            )
        else:
            seen[row.unit.pk] = row.number
    row.points = _points(values.get("points"), row)
    grade_text = text_cell(values.get("grade"))
    row.grade = GRADES.get(fold(grade_text), "")
    if not row.grade:
        allowed = ", ".join(str(label) for _, label in UnitRanking.Grade.choices)
        shown = f"“{grade_text}”" if grade_text else "trống"
        row.errors[COLUMNS["grade"]] = f"Xếp loại {shown} không hợp lệ; chọn một trong: {allowed}."
    row.rank = _rank(values.get("rank"), row)
    row.group = text_cell(values.get("group"))[:64]


def _points(value, row: ParsedRow) -> Decimal | None:
    text = text_cell(value).replace(" ", "")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = repr(value)
    elif text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")  # 85,5 written the Vietnamese way
    try:
        points = Decimal(text).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        row.errors[COLUMNS["points"]] = (
            f"Điểm “{text_cell(value)}” không phải là số. Hãy nhập số, ví dụ 85,5."
        )
        return None
    if not Decimal("0") <= points <= MAX_POINTS:
        row.errors[COLUMNS["points"]] = f"Điểm {points} phải từ 0 đến {MAX_POINTS}."
        return None
    return points


def _rank(value, row: ParsedRow) -> int | None:
    text = text_cell(value)
    try:
        rank = int(Decimal(text.replace(",", ".")))
        exact = Decimal(text.replace(",", ".")) == rank
    except (InvalidOperation, ValueError):
        rank, exact = None, False
    if rank is None or not exact or rank < 1:
        row.errors[COLUMNS["rank"]] = f"Thứ hạng “{text}” phải là số nguyên từ 1 trở lên."
        return None
    return rank


def _check_ranks_fit_groups(rows: list[ParsedRow]) -> None:
    sizes: dict[str, int] = {}
    for row in rows:
        sizes[fold(row.group)] = sizes.get(fold(row.group), 0) + 1
    for row in rows:
        size = sizes[fold(row.group)]
        if row.rank is not None and row.rank > size:
            group = f"nhóm “{row.group}”" if row.group else "tệp"
            row.errors.setdefault(
                COLUMNS["rank"],
                f"Thứ hạng {row.rank} lớn hơn số đơn vị trong {group} ({size}). Hãy kiểm tra lại thứ hạng.",
            )


@dataclass
class ImportResult:
    created: int
    updated: int


def apply_rankings(*, actor, parsed: RankingImport) -> ImportResult:
    """Write a checked import (actor None: the command line, run by the operator)."""
    if actor is not None and not actor.has_perm("criteria.import_rankings"):
        raise PermissionDenied("Chỉ chuyên viên Sở Nội vụ được nhập kết quả xếp hạng dân vận chính quyền.")
    if not parsed.ok:
        raise ValueError("apply_rankings needs an import without errors")
    created = updated = 0
    with transaction.atomic():
        existing = {
            r.unit_id: r
            for r in UnitRanking.objects.select_for_update().filter(
                year=parsed.year, unit__in=[row.unit for row in parsed.rows]
            )
        }
        to_create, to_update = [], []
        for row in parsed.rows:
            ranking = existing.get(row.unit.pk)
            if ranking is None:
                to_create.append(
                    UnitRanking(
                        unit=row.unit,
                        year=parsed.year,
                        points=row.points,
                        grade=row.grade,
                        rank=row.rank,
                        group_label=row.group,
                    )
                )
            else:
                ranking.points, ranking.grade, ranking.rank = row.points, row.grade, row.rank
                ranking.group_label = row.group
                to_update.append(ranking)
        UnitRanking.objects.bulk_create(to_create)
        UnitRanking.objects.bulk_update(to_update, ["points", "grade", "rank", "group_label"])
        created, updated = len(to_create), len(to_update)
        _refresh_group_sizes(parsed.year)
    return ImportResult(created=created, updated=updated)


def _refresh_group_sizes(year: int) -> None:
    """Each ranking's group size is the number of units ranked in its group that year."""
    for group in UnitRanking.objects.filter(year=year).values("group_label").annotate(n=Count("id")):
        UnitRanking.objects.filter(year=year, group_label=group["group_label"]).update(group_size=group["n"])


def template_workbook() -> bytes:
    """The XLSX template offered for download on the import page."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Xếp hạng dân vận CQ"
    sheet.append([COLUMNS[k] for k in ("unit_code", "points", "grade", "rank", "group")])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(["H-VANLAM", 92.5, "Tốt", 1, "Cấp huyện"])
    sheet.append(["H-ANTHI", 85, "Khá", 2, "Cấp huyện"])
    for column, width in zip("ABCDE", (16, 10, 18, 12, 22), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
