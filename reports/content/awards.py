"""Sections: the province's award decisions with their bonuses; Giấy khen issued by the units' heads."""

from collections import defaultdict

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from awards.models import Award
from campaigns.models import AwardType, RoundQuota
from criteria.models import Subject
from documents.content import Table
from reports.charts import chart
from reports.content.base import Scope, Section, money
from reports.content.report import combined

GIAY_KHEN = "giay-khen"


def awards_of(scope: Scope):
    """The awards of the scope's rounds (the province's and the units' own), to the scope's units."""
    qs = Award.objects.filter(round__in=scope.rounds)
    if scope.unit is not None:
        qs = qs.filter(
            Q(unit__path__startswith=scope.unit.path) | Q(person__unit__path__startswith=scope.unit.path)
        )
    return qs


def build(scope: Scope) -> Section:
    section = Section(key="awards", heading=_("Khen thưởng của Chủ tịch Ủy ban nhân dân tỉnh"))
    qs = awards_of(scope)
    province = qs.filter(decision__issuing_unit__isnull=True)
    decisions = (
        province.values(
            "decision__number", "decision__issued_on", "award_type__name", "decision__base_salary"
        )
        .annotate(
            collectives=Count("id", filter=Q(subject=Subject.COLLECTIVE)),
            individuals=Count("id", filter=Q(subject=Subject.INDIVIDUAL)),
            bonus=Sum("bonus_amount"),
        )
        .order_by("decision__issued_on", "decision__number")
    )
    rows = [
        [
            d["decision__number"],
            d["decision__issued_on"],
            d["award_type__name"],
            d["collectives"],
            d["individuals"],
            d["bonus"] or 0,
        ]
        for d in decisions
    ]
    collectives = sum(d["collectives"] for d in decisions)
    individuals = sum(d["individuals"] for d in decisions)
    bonus = sum(d["bonus"] or 0 for d in decisions)
    quota = sum(
        RoundQuota.objects.filter(
            round__in=scope.rounds, award_type__level=AwardType.Level.PROVINCE
        ).values_list("max_count", flat=True)
    )
    section.figures.update(awarded=collectives + individuals, quota=quota, bonus=bonus)
    if rows:
        section.paragraphs.append(
            _(
                "Chủ tịch Ủy ban nhân dân tỉnh đã ban hành %(rows)s quyết định khen thưởng cho "
                "%(collectives)s tập thể và %(individuals)s cá nhân có thành tích xuất "
                "sắc trong phong trào thi đua, trong chỉ tiêu %(quota)s Bằng khen của kế hoạch, "
                "với tổng số tiền thưởng %(bonus)s đồng."
            )
            % {
                "rows": len(rows),
                "collectives": collectives,
                "individuals": individuals,
                "quota": quota,
                "bonus": money(bonus),
            }
        )
    else:
        section.paragraphs.append(
            _("Trong kỳ báo cáo chưa có quyết định khen thưởng của Chủ tịch Ủy ban nhân dân tỉnh.")
        )
    section.tables.append(
        Table(
            "quyet-dinh-khen-thuong",
            _("Quyết định khen thưởng của Chủ tịch Ủy ban nhân dân tỉnh"),
            [
                _("Số quyết định"),
                _("Ngày"),
                _("Hình thức"),
                _("Tập thể"),
                _("Cá nhân"),
                _("Tiền thưởng (đồng)"),
            ],
            rows,
            [_("Tổng cộng"), None, None, collectives, individuals, bonus] if rows else None,
            widths=[17, 14, 27, 10, 10, 22],
        )
    )
    listed = province.select_related("decision", "award_type").order_by(
        "decision__issued_on", "decision__number", "subject", "pk"
    )
    annex_rows = [
        [
            a.recipient_name,
            a.recipient_position,
            a.unit_name,
            a.award_type.short_name,
            a.decision.number,
            a.bonus_amount,
        ]
        for a in listed
    ]
    section.add_annex(
        "phu-luc-khen-thuong",
        _("Danh sách tập thể, cá nhân được khen thưởng"),
        [
            _("Tập thể, cá nhân"),
            _("Chức vụ"),
            _("Đơn vị"),
            _("Hình thức"),
            _("Quyết định"),
            _("Tiền thưởng (đồng)"),
        ],
        annex_rows,
        widths=[22, 13, 22, 11, 12, 14],
    )
    return section


def build_unit_awards(scope: Scope) -> Section:
    section = Section(key="unit_awards", heading=_("Giấy khen của Thủ trưởng các cơ quan, đơn vị"))
    qs = awards_of(scope)
    by_unit: dict[str, list] = defaultdict(lambda: [0, 0, 0, 0])
    unit_awards = qs.filter(decision__issuing_unit__isnull=False)
    for row in unit_awards.values("decision__issuing_unit__name").annotate(
        collectives=Count("id", filter=Q(subject=Subject.COLLECTIVE)),
        individuals=Count("id", filter=Q(subject=Subject.INDIVIDUAL)),
        decisions=Count("decision", distinct=True),
        bonus=Sum("bonus_amount"),
    ):
        by_unit[row["decision__issuing_unit__name"]] = [
            row["collectives"],
            row["individuals"],
            row["decisions"],
            row["bonus"] or 0,
        ]
    rows = sorted(
        ([name, v[2], v[0], v[1], v[0] + v[1], v[3]] for name, v in by_unit.items()),
        key=lambda r: (-r[4], r[0]),
    )
    total = sum(r[4] for r in rows)
    section.figures["unit_awards"] = total
    if rows:
        section.paragraphs.append(
            _(
                "Thủ trưởng %(rows)s cơ quan, đơn vị đã tặng Giấy khen cho %(total)s "
                "tập thể, cá nhân có thành tích trong phong trào thi đua theo thẩm "
                "quyền."
            )
            % {"rows": len(rows), "total": total}
        )
    else:
        section.paragraphs.append(
            _("Chưa có đơn vị nào ghi nhận quyết định tặng Giấy khen trên Cổng thông tin.")
        )
    table = Table(
        "giay-khen-theo-don-vi",
        _("Giấy khen của Thủ trưởng cơ quan, đơn vị"),
        [_("Đơn vị"), _("Số quyết định"), _("Tập thể"), _("Cá nhân"), _("Tổng"), _("Tiền thưởng (đồng)")],
        rows,
        [
            _("Tổng cộng"),
            sum(r[1] for r in rows),
            sum(r[2] for r in rows),
            sum(r[3] for r in rows),
            total,
            sum(v[3] for v in by_unit.values()),
        ]
        if rows
        else None,
        widths=[38, 12, 10, 10, 10, 20],
    )
    if len(rows) > 15:
        section.annexes.append(table)
        section.paragraphs.append(_("Số liệu chi tiết theo từng đơn vị tại Phụ lục kèm theo."))
    else:
        section.tables.append(table)
    if rows:
        section.charts.append(
            chart(
                _("Giấy khen theo đơn vị (15 đơn vị nhiều nhất)"),
                [(r[0], r[4]) for r in rows[:15]],
                label=_("Đơn vị"),
                value=_("Số Giấy khen"),
            )
        )
    return section


def build_part(scope: Scope) -> Section:
    """The part on awards: 1. the Chairman's, within the plan's quota, 2. the units' own Giấy khen."""
    return combined("awards", _("Kết quả khen thưởng"), [build(scope), build_unit_awards(scope)])
