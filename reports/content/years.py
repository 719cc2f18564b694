"""The end-of-campaign report's main figures year by year, and their totals.

Each measure is one aggregate query grouped by year, over the same rows as the part that states its
whole-campaign figure, so that the totals are those figures: dossiers and awards by the year of their
round (the final round's is the year its period ends), practices by the year they started, difficulties
by the year they were raised (the years the annual reports use).
"""

from django.db.models import Count, IntegerField, Q, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext as _

from documents.content import Table
from practices import selectors
from reports.content.awards import awards_of
from reports.content.base import Scope
from reports.content.nominations import ELIGIBLE_STATES, SENT_STATES, dossiers
from reports.content.practices import units_of

ROUND_YEAR = Coalesce("round__year", ExtractYear("round__period_end"), output_field=IntegerField())


def _by_year(qs, **measures) -> dict[int, dict]:
    return {r["y"]: r for r in qs.annotate(y=ROUND_YEAR).values("y").annotate(**measures).order_by()}


def figures_by_year(scope: Scope) -> dict[str, dict[int, int]]:
    """{measure: {year: value}} for the measures of the table."""
    nominations = _by_year(
        dossiers(scope),
        received=Count("id", filter=Q(state__in=SENT_STATES)),
        eligible=Count("id", filter=Q(state__in=ELIGIBLE_STATES)),
    )
    province = Q(decision__issuing_unit__isnull=True)
    awards = _by_year(
        awards_of(scope),
        awarded=Count("id", filter=province),
        unit_awards=Count("id", filter=~province),
        bonus=Sum("bonus_amount", filter=province),
    )
    units = units_of(scope)
    practices = {r["year"]: r for r in selectors.practice_counts_by_year(units=units)}
    difficulties = {r["year"]: r for r in selectors.difficulty_counts_by_year(units=units)}
    out: dict[str, dict[int, int]] = {}
    for measure, rows in (
        ("received", nominations),
        ("eligible", nominations),
        ("awarded", awards),
        ("unit_awards", awards),
        ("bonus", awards),
        ("recognised_practices", practices),
        ("settled", difficulties),
    ):
        key = "recognised" if measure == "recognised_practices" else measure
        out[measure] = {year: int(row[key] or 0) for year, row in rows.items() if year is not None}
    return out


def by_year_table(scope: Scope) -> Table:
    """Rows: the measures; columns: each year of the campaign (and any other year the data has), the total."""
    figures = figures_by_year(scope)
    years = sorted(set(scope.years) | {y for values in figures.values() for y in values})
    labels = {
        "received": _("Hồ sơ đề nghị đã tiếp nhận"),
        "eligible": _("Hồ sơ đủ điều kiện khen thưởng"),
        "awarded": _("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"),
        "unit_awards": _("Giấy khen của Thủ trưởng các cơ quan, đơn vị"),
        "bonus": _("Tiền thưởng kèm Bằng khen (đồng)"),
        "recognised_practices": _("Mô hình, cách làm hay được công nhận"),
        "settled": _("Khó khăn, vướng mắc đã giải quyết"),
    }
    rows = []
    for measure, label in labels.items():
        values = [figures[measure].get(y, 0) for y in years]
        rows.append([label, *values, sum(figures[measure].values())])
    last = scope.period_end.year
    return Table(
        "so-lieu-theo-nam",
        _("Số liệu chính qua các năm"),
        [_("Chỉ tiêu"), *[_("Năm %(year)s") % {"year": y} for y in years], _("Tổng cộng")],
        rows,
        # The bonus in đồng ("21.060.000") fits a year's column on one line; the labels take the rest.
        widths=[100 - 14 * (len(years) + 1), *[14] * (len(years) + 1)],
        note=_(
            "Hồ sơ và khen thưởng tính theo năm của đợt khen thưởng (đợt tổng kết tính vào năm %(last)s); "
            "mô hình theo năm bắt đầu triển khai; khó khăn, vướng mắc theo năm phản ánh."
        )
        % {"last": last},
    )
