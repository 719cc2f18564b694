"""Part: the results by criteria — for each criterion set, criterion by criterion, what Sở Nội vụ's
appraisers scored and what the units self-assessed in the dossiers they sent."""

from decimal import Decimal

from django.db.models import Avg, Count, F, Q
from django.utils.translation import gettext as _

from criteria.models import Criterion
from criteria.plan_panel import criterion_sets_of
from documents.content import Heading, Table
from nominations.models import CriterionAssessment
from reports.content.base import Scope, Section
from reports.content.nominations import SENT_STATES, dossiers

TENTH = Decimal("0.1")


def criterion_results(scope: Scope, criterion_set=None) -> dict[int, dict]:
    """{criterion id: {scored, appraised, self_assessed, full}} over the dossiers the scope's units sent
    (drafts and withdrawn ones left out), in one aggregate query: how many were scored by an appraiser,
    the appraisers' and the units' average points, how many reached the criterion's maximum."""
    qs = CriterionAssessment.objects.filter(nomination__in=dossiers(scope).filter(state__in=SENT_STATES))
    if criterion_set is not None:
        qs = qs.filter(criterion__criterion_set=criterion_set)
    rows = (
        qs.values("criterion")
        .annotate(
            scored=Count("id", filter=Q(appraiser_points__isnull=False)),
            appraised=Avg("appraiser_points"),
            self_assessed=Avg("self_points"),
            full=Count("id", filter=Q(appraiser_points__gte=F("criterion__max_points"))),
        )
        .order_by()
    )
    return {r["criterion"]: r for r in rows}


def average(value) -> Decimal | None:
    """An average to one decimal (12,5), or None when nothing was scored."""
    return None if value is None else Decimal(value).quantize(TENTH)


def cell(value: Decimal | None) -> Decimal | int | None:
    """Points for a table's cell: a whole number as an integer (15, not 15,0 nor Excel's "15.")."""
    if value is None or value != value.to_integral_value():
        return value
    return int(value)


def points(value: Decimal) -> str:
    """15 -> '15', 12.5 -> '12,5': points in running text."""
    return f"{value.normalize():f}".replace(".", ",")


def build(scope: Scope) -> Section:
    section = Section(key="criteria", heading=_("Kết quả thực hiện các tiêu chí thi đua"))
    sets = criterion_sets_of(scope.campaign)
    if not sets:
        section.paragraphs.append(_("Kế hoạch chưa có bộ tiêu chí thi đua trên Cổng thông tin."))
        return section
    tables = []
    for criterion_set in sets:
        results = criterion_results(scope, criterion_set)
        if not any(r["scored"] or r["self_assessed"] is not None for r in results.values()):
            continue
        rows = []
        computed = []
        for c in criterion_set.criteria.all():
            r = results.get(c.pk, {})
            if c.evaluation == Criterion.Evaluation.COMPUTED:
                computed.append(f"{c.code})")
            rows.append(
                [
                    f"{c.code})",
                    c.label,
                    cell(c.max_points),
                    r.get("scored", 0),
                    cell(average(r.get("appraised"))),
                    cell(average(r.get("self_assessed"))),
                    r.get("full", 0),
                ]
            )
        subject = criterion_set.get_subject_display().lower()
        note = (
            _(
                "Tiêu chí %(codes)s tính tự động từ dữ liệu của Cổng thông tin, đơn vị không tự chấm. "
                "Ô để trống: chưa có điểm."
            )
            % {"codes": ", ".join(computed)}
            if computed
            else _("Ô để trống: chưa có điểm.")
        )
        tables.append(
            (
                criterion_set.title,
                Table(
                    f"diem-tieu-chi-{criterion_set.subject}",
                    _("Điểm theo tiêu chí – %(subject)s") % {"subject": subject},
                    [
                        _("Mã"),
                        _("Tiêu chí"),
                        _("Điểm tối đa"),
                        _("Số hồ sơ được chấm"),
                        _("Điểm thẩm định bình quân"),
                        _("Điểm tự chấm bình quân"),
                        _("Số hồ sơ đạt điểm tối đa"),
                    ],
                    rows,
                    widths=[6, 37, 9, 12, 12, 12, 12],
                    note=note,
                ),
            )
        )
    if not tables:
        section.paragraphs.append(_("Chưa có hồ sơ nào được chấm điểm theo tiêu chí trong kỳ báo cáo."))
        return section
    section.paragraphs.append(
        _(
            "Kết quả từng tiêu chí trong các hồ sơ đề nghị khen thưởng đã gửi: điểm thẩm định bình quân "
            "của chuyên viên Sở Nội vụ, điểm tự chấm bình quân của đơn vị và số hồ sơ đạt điểm tối đa."
        )
    )
    for i, (title, table) in enumerate(tables, 1):
        section.blocks.append(Heading(title, numeral=str(i), level=2))
        section.blocks.append(table)
    return section
