"""Importing the yearly dân vận chính quyền results (QĐ 04/2025/QĐ-UBND) from a spreadsheet.

All or nothing: the file is read and checked whole first; if any row is wrong nothing is written
and each bad row is reported with its number, column and a Vietnamese reason. Importing the same
year again updates each unit's row. In the browser it is a kind of the directory's import batches
(upload → preview → confirm, campaigns.services.imports); `import_rankings` is what a batch runs.
"""

import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from campaigns.imports.common import CONCURRENT_CHANGE, ImportResult, PreviewRow
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
# The preview shows the unit each code names, beside the file's columns.
UNIT_NAME = gettext_lazy("Tên đơn vị (theo danh mục)")
REQUIRED = ("unit_code", "points", "grade", "rank")
GRADES = {fold(str(label)): value for value, label in UnitRanking.Grade.choices}
MAX_POINTS = Decimal("1000")
FIRST_YEAR = 2000


@dataclass
class ParsedRow:
    number: int
    unit_code: str
    cells: dict[str, str] = field(default_factory=dict)  # column key -> the cell as written
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
        return _("Năm đánh giá phải từ %(first)s đến %(last)s. Hãy nhập lại năm.") % {
            "first": FIRST_YEAR,
            "last": this_year,
        }
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
            year=year, rows=[], errors=[], file_error=_("Tệp không có dòng dữ liệu nào. Hãy điền từ dòng 2.")
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
        row = ParsedRow(
            number=raw.number,
            unit_code=code_cell(raw.values.get("unit_code")),
            cells={key: text_cell(raw.values.get(key)) for key in COLUMNS},
        )
        _read_row(row, raw.values, units, seen)
        rows.append(row)
    _check_ranks_fit_groups(rows)
    errors = [RowError(r.number, column, reason) for r in rows for column, reason in r.errors.items()]
    return RankingImport(year=year, rows=rows, errors=errors)


def _read_row(row: ParsedRow, values: dict, units: dict, seen: dict) -> None:
    if not row.unit_code:
        row.errors[COLUMNS["unit_code"]] = _("Thiếu mã đơn vị.")
    else:
        row.unit = units.get(row.unit_code.upper())
        if row.unit is None:
            row.errors[COLUMNS["unit_code"]] = _(
                "Không có đơn vị mã “%(code)s”. Hãy kiểm tra mã trong danh mục đơn vị."
            ) % {"code": row.unit_code}
        elif row.unit.pk in seen:
            row.errors[COLUMNS["unit_code"]] = _(
                "Đơn vị “%(code)s” đã có ở dòng %(row)s. Mỗi đơn vị chỉ một dòng."
            ) % {"code": row.unit_code, "row": seen[row.unit.pk]}
        else:
            seen[row.unit.pk] = row.number
    row.points = _points(values.get("points"), row)
    grade_text = text_cell(values.get("grade"))
    row.grade = GRADES.get(fold(grade_text), "")
    if not row.grade:
        allowed = ", ".join(str(label) for _, label in UnitRanking.Grade.choices)
        if grade_text:
            message = _("Xếp loại “%(grade)s” không hợp lệ; chọn một trong: %(allowed)s.")
        else:
            message = _("Xếp loại trống không hợp lệ; chọn một trong: %(allowed)s.")
        row.errors[COLUMNS["grade"]] = message % {"grade": grade_text, "allowed": allowed}
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
        row.errors[COLUMNS["points"]] = _("Điểm “%(points)s” không phải là số. Hãy nhập số, ví dụ 85,5.") % {
            "points": text_cell(value)
        }
        return None
    if not Decimal("0") <= points <= MAX_POINTS:
        row.errors[COLUMNS["points"]] = _("Điểm %(points)s phải từ 0 đến %(max)s.") % {
            "points": points,
            "max": MAX_POINTS,
        }
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
        row.errors[COLUMNS["rank"]] = _("Thứ hạng “%(rank)s” phải là số nguyên từ 1 trở lên.") % {
            "rank": text
        }
        return None
    return rank


def _check_ranks_fit_groups(rows: list[ParsedRow]) -> None:
    sizes: dict[str, int] = {}
    for row in rows:
        sizes[fold(row.group)] = sizes.get(fold(row.group), 0) + 1
    for row in rows:
        size = sizes[fold(row.group)]
        if row.rank is not None and row.rank > size:
            if row.group:
                message = _(
                    "Thứ hạng %(rank)s lớn hơn số đơn vị trong nhóm “%(group)s” (%(size)s). "
                    "Hãy kiểm tra lại thứ hạng."
                )
            else:
                message = _(
                    "Thứ hạng %(rank)s lớn hơn số đơn vị trong tệp (%(size)s). Hãy kiểm tra lại thứ hạng."
                )
            row.errors.setdefault(
                COLUMNS["rank"], message % {"rank": row.rank, "group": row.group, "size": size}
            )


@dataclass
class AppliedRankings:
    created: int
    updated: int


def apply_rankings(*, actor, parsed: RankingImport) -> AppliedRankings:
    """Write a checked import (actor None: the command line, run by the operator)."""
    if actor is not None and not actor.has_perm("criteria.import_rankings"):
        raise PermissionDenied(_("Chỉ chuyên viên Sở Nội vụ được nhập kết quả xếp hạng dân vận chính quyền."))
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
    return AppliedRankings(created=created, updated=updated)


def import_rankings(data: bytes, filename: str, *, year: int, dry_run: bool) -> ImportResult:
    """Check every row of a year's file; unless dry_run or any error, write them all in one transaction.

    What an import batch runs (campaigns.services.imports); raises TableError when the file itself, or
    the year, cannot be used.
    """
    parsed = parse_rankings(data, filename, year)
    if parsed.file_error:
        raise TableError(parsed.file_error)
    keys = ("unit_code", "points", "grade", "rank", "group")
    result = ImportResult(
        headers=[COLUMNS["unit_code"], str(UNIT_NAME), *(COLUMNS[k] for k in keys[1:])], errors=parsed.errors
    )
    existing = {
        r.unit_id: r
        for r in UnitRanking.objects.filter(year=year, unit__in=[r.unit for r in parsed.rows if r.unit])
    }
    for row in parsed.rows:
        preview = PreviewRow(
            number=row.number,
            cells=[
                row.cells["unit_code"],
                row.unit.name if row.unit else "",
                *(row.cells[k] for k in keys[1:]),
            ],
            errors=[e for e in parsed.errors if e.row == row.number],
        )
        if not preview.errors:
            preview.action = _action(existing.get(row.unit.pk), row)
        result.rows.append(preview)
    actions = [preview.action for preview in result.rows]
    result.created, result.updated = actions.count("create"), actions.count("update")
    result.unchanged = actions.count("unchanged")
    if result.errors or dry_run:
        return result
    try:
        apply_rankings(actor=None, parsed=parsed)
    except IntegrityError:
        # Another import of the same year wrote a unit's row between the check and the write.
        result.errors.append(CONCURRENT_CHANGE)
        return result
    result.written = True
    return result


def _action(ranking: UnitRanking | None, row: ParsedRow) -> str:
    if ranking is None:
        return "create"
    same = (ranking.points, ranking.grade, ranking.rank, ranking.group_label) == (
        row.points,
        row.grade,
        row.rank,
        row.group,
    )
    return "unchanged" if same else "update"


def _refresh_group_sizes(year: int) -> None:
    """Each ranking's group size is the number of units ranked in its group that year."""
    for group in UnitRanking.objects.filter(year=year).values("group_label").annotate(n=Count("id")):
        UnitRanking.objects.filter(year=year, group_label=group["group_label"]).update(group_size=group["n"])


def template_workbook() -> bytes:
    """The XLSX template offered for download on the import page."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Xếp hạng dân vận CQ")
    sheet.append([COLUMNS[k] for k in ("unit_code", "points", "grade", "rank", "group")])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(["H-VANLAM", 92.5, _("Tốt"), 1, _("Cấp huyện")])
    sheet.append(["H-ANTHI", 85, _("Khá"), 2, _("Cấp huyện")])
    for column, width in zip("ABCDE", (16, 10, 18, 12, 22), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
