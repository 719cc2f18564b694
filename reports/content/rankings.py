"""Section: the yearly dân vận chính quyền results of units (QĐ 04/2025/QĐ-UBND) and their rank changes."""

from collections import Counter, defaultdict

from django.db.models import Count
from django.utils.translation import gettext as _

from criteria.models import UnitRanking
from documents.content import Paragraph, Table
from reports.charts import chart
from reports.content.base import Scope, Section, said_under_contents, written_out


def group_name(ranking: UnitRanking) -> str:
    """The ranking group as a paper prints it: written out ("Ủy ban nhân dân cấp xã"), "Chung" if none."""
    return written_out(ranking.group_label) or _("Chung")


def compared_years(scope: Scope) -> tuple[int | None, int | None]:
    """(earlier, later) years to compare: the year before and the year, or the campaign's first and last."""
    qs = UnitRanking.objects.all()
    if scope.unit is not None:
        qs = qs.filter(unit__path__startswith=scope.unit.path)
    if scope.year:
        return (scope.year - 1, scope.year)
    years = sorted(
        set(qs.filter(year__in=[*scope.years, scope.period_start.year - 1]).values_list("year", flat=True))
    )
    if not years:
        return (None, None)
    return (years[0] if len(years) > 1 else None, years[-1])


def rank_changes(scope: Scope) -> tuple[int | None, int | None, list[dict]]:
    """Every ranked unit of the later year with its earlier rank (same group) and the change."""
    earlier, later = compared_years(scope)
    if later is None:
        return earlier, later, []
    qs = UnitRanking.objects.filter(year__in=[y for y in (earlier, later) if y]).select_related("unit")
    if scope.unit is not None:
        qs = qs.filter(unit__path__startswith=scope.unit.path)
    before: dict[int, UnitRanking] = {}
    now: list[UnitRanking] = []
    for r in qs:
        if r.year == later:
            now.append(r)
        else:
            before[r.unit_id] = r
    rows = []
    for r in sorted(now, key=lambda r: (r.group_label, r.rank, r.unit.name)):
        old = before.get(r.unit_id)
        # A rank only compares within the same group (a unit that changed group has no change).
        change = old.rank - r.rank if old and old.group_label == r.group_label else None
        rows.append({"ranking": r, "earlier": old, "change": change})
    return earlier, later, rows


def build(scope: Scope) -> Section:
    section = Section(key="rankings", heading=_("Kết quả đánh giá, xếp hạng công tác dân vận chính quyền"))
    earlier, later, rows = rank_changes(scope)
    if not rows:
        section.paragraphs.append(
            _(
                "Chưa có kết quả đánh giá, xếp hạng công tác dân vận chính quyền của "
                "các đơn vị trong kỳ báo cáo."
            )
        )
        return section
    grades = Counter(r["ranking"].grade for r in rows)
    groups: dict[str, list] = defaultdict(list)
    for r in rows:
        groups[group_name(r["ranking"])].append(r)
    improved = [r for r in rows if r["change"] and r["change"] > 0]
    declined = [r for r in rows if r["change"] and r["change"] < 0]
    said = said_under_contents(scope.campaign).rankings
    if not said:
        grade_text = ", ".join(
            _("%(grades)s đơn vị xếp loại %(label)s")
            % {"grades": grades[g], "label": UnitRanking.Grade(g).label}
            for g in UnitRanking.Grade.values
            if grades.get(g)
        )
        section.paragraphs.append(
            _("Năm %(later)s, %(rows)s đơn vị được đánh giá, xếp hạng: %(grade_text)s.")
            % {"later": later, "rows": len(rows), "grade_text": grade_text}
        )
    if earlier and any(r["earlier"] for r in rows):
        section.paragraphs.append(
            _(
                "So với năm %(earlier)s, %(improved)s đơn vị tăng hạng và %(declined)s "
                "đơn vị tụt hạng trong nhóm xếp hạng của mình."
            )
            % {"earlier": earlier, "improved": len(improved), "declined": len(declined)}
        )
    if said:
        # How many units got each grade is said under the plan's content that brings the ranking (part II).
        section.paragraphs.append(
            Paragraph(
                _(
                    "Kết quả xếp loại năm %(later)s theo từng nhóm xếp hạng và các đơn vị dẫn đầu "
                    "mỗi nhóm như sau:"
                )
                % {"later": later},
                keep_with_next=True,
            )
        )
    grade_rows = []
    for label in sorted(groups):
        members = groups[label]
        counts = Counter(r["ranking"].grade for r in members)
        grade_rows.append([label, len(members), *[counts.get(g, 0) for g in UnitRanking.Grade.values]])
    section.tables.append(
        Table(
            "xep-loai-dan-van",
            _("Xếp loại công tác dân vận chính quyền năm %(later)s theo nhóm") % {"later": later},
            [_("Nhóm"), _("Số đơn vị"), *[str(g.label) for g in UnitRanking.Grade]],
            grade_rows,
            [_("Tổng cộng"), len(rows), *[grades.get(g, 0) for g in UnitRanking.Grade.values]],
        )
    )
    top_rows = [
        [group_name(r["ranking"]), r["ranking"].rank, r["ranking"].unit.name, r["ranking"].points]
        for r in rows
        if r["ranking"].rank <= 3
    ]
    section.tables.append(
        Table(
            "dan-dau-nhom",
            _("Đơn vị dẫn đầu các nhóm (3 vị trí đầu)"),
            [_("Nhóm"), _("Hạng"), _("Đơn vị"), _("Điểm")],
            top_rows,
            widths=[25, 10, 50, 15],
        )
    )
    movers = sorted((r for r in rows if r["change"]), key=lambda r: -abs(r["change"]))[:16]
    movers.sort(key=lambda r: -r["change"])
    section.charts.append(
        chart(
            _("Thay đổi thứ hạng so với năm %(earlier)s") % {"earlier": earlier}
            if earlier
            else _("Thay đổi thứ hạng"),
            [(r["ranking"].unit.name, r["change"]) for r in movers],
            label=_("Đơn vị"),
            value=_("Số bậc thay đổi"),
            change=True,
        )
    )
    section.annexes.append(
        Table(
            "phu-luc-xep-hang",
            _("Kết quả xếp hạng công tác dân vận chính quyền năm %(later)s") % {"later": later}
            + (_(" và thay đổi so với năm %(earlier)s") % {"earlier": earlier} if earlier else ""),
            [
                "STT",
                _("Đơn vị"),
                _("Nhóm"),
                _("Điểm"),
                _("Xếp loại"),
                (_("Hạng %(year)s") % {"year": earlier or ""}).strip(),
                _("Hạng %(later)s") % {"later": later},
                _("Thay đổi"),
            ],
            [
                [
                    i,
                    r["ranking"].unit.name,
                    group_name(r["ranking"]),
                    r["ranking"].points,
                    r["ranking"].get_grade_display(),
                    r["earlier"].rank if r["earlier"] else None,
                    r["ranking"].rank,
                    (f"+{r['change']}" if r["change"] > 0 else str(r["change"])) if r["change"] else "",
                ]
                for i, r in enumerate(rows, 1)
            ],
            widths=[6, 34, 14, 9, 11, 9, 9, 8],
        )
    )
    return section


def grade_counts(scope: Scope) -> tuple[int | None, dict[str, int]]:
    """(year, {grade: units}) of the year the rankings part shows (compared_years' later year)."""
    _earlier, later = compared_years(scope)
    if later is None:
        return None, {}
    qs = UnitRanking.objects.filter(year=later)
    if scope.unit is not None:
        qs = qs.filter(unit__path__startswith=scope.unit.path)
    return later, dict(qs.values_list("grade").annotate(n=Count("id")).order_by())
