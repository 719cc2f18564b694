"""Part: the organisation of the movement — which units took part, by kind and cluster; registration,
own plans, reporting on time."""

from collections import Counter, defaultdict
from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.models import Unit
from documents.content import Table
from reports.content import duties
from reports.content.base import Scope, Section, kind_name, percent

NO_CLUSTER = gettext_lazy("Chưa xếp cụm, khối")


def participating_units(scope: Scope):
    """Units valid at some point of the period (not the province itself), within the scope's tree."""
    units = (
        Unit.objects.exclude(kind=Unit.Kind.PROVINCE)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=scope.period_end))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=scope.period_start))
        .select_related("cluster", "parent")
    )
    if scope.unit is not None:
        units = units.subtree_of(scope.unit)
    return list(units.order_by("path"))


def reorganisation_sentences(scope: Scope, units: list) -> list[str]:
    """The units that ended or began within the period (the 2025 reorganisation), shown apart by date."""
    ended, began = Counter(), Counter()
    for u in units:
        if u.valid_to and scope.period_start <= u.valid_to < scope.period_end:
            ended[u.valid_to] += 1
        if u.valid_from and scope.period_start < u.valid_from <= scope.period_end:
            began[u.valid_from] += 1
    sentences = []
    for day in sorted(set(ended) | set(began)):
        before = ended.get(day - timedelta(days=1), 0) if day in began else 0
        if day in began:
            sentences.append(
                _(
                    "Theo sắp xếp đơn vị hành chính, %(began)s đơn vị hoạt động từ ngày %(day)s"
                    "%(before)s; số liệu của từng đơn vị tính theo thời gian đơn vị hoạt động."
                )
                % {
                    "began": began[day],
                    "day": day.strftime("%d/%m/%Y"),
                    "before": _(", thay cho %(n)s đơn vị kết thúc hoạt động ngày %(end)s")
                    % {"n": before, "end": (day - timedelta(days=1)).strftime("%d/%m/%Y")}
                    if before
                    else "",
                }
            )
        elif day + timedelta(days=1) not in began:
            sentences.append(
                _("%(n)s đơn vị kết thúc hoạt động ngày %(day)s.")
                % {"n": ended[day], "day": day.strftime("%d/%m/%Y")}
            )
    return sentences


def build(scope: Scope) -> Section:
    section = Section(key="participation", heading=_("Công tác triển khai và sự tham gia của các đơn vị"))
    units = participating_units(scope)
    status = duties.status_by_unit(scope, units)

    by_kind: dict[str, list] = defaultdict(list)
    by_cluster: dict[str, list] = defaultdict(list)
    for unit in units:
        by_kind[unit.kind].append(unit)
        by_cluster[unit.cluster.name if unit.cluster_id else NO_CLUSTER].append(unit)

    def counts(group: list) -> list:
        return [
            len(group),
            sum(1 for u in group if status.get(u.pk, {}).get("registered")),
            sum(1 for u in group if status.get(u.pk, {}).get("own_plan")),
            sum(1 for u in group if status.get(u.pk, {}).get("reports_on_time")),
        ]

    # The "not in a cluster" row is not a cluster: it is not counted among them.
    unclustered_group = 1 if by_cluster.get(NO_CLUSTER) else 0
    columns = [_("Số đơn vị"), _("Đăng ký thi đua"), _("Ban hành kế hoạch"), _("Báo cáo đúng hạn")]
    kind_rows = [[kind_name(k), *counts(by_kind[k])] for k in Unit.Kind.values if by_kind.get(k)]
    cluster_rows = [[name, *counts(by_cluster[name])] for name in sorted(by_cluster, key=_cluster_order)]
    total = [_("Tổng cộng"), *counts(units)]
    section.figures["units"] = len(units)

    kinds_text = "; ".join(f"{len(by_kind[k])} {kind_name(k)}" for k in Unit.Kind.values if by_kind.get(k))
    if units:
        section.paragraphs.append(
            _(
                "Tham gia phong trào thi đua trong kỳ báo cáo có %(units)s cơ quan, đơn "
                "vị, địa phương (%(kinds_text)s), thuộc %(by_cluster)s cụm, khối thi "
                "đua"
            )
            % {
                "units": len(units),
                "kinds_text": kinds_text,
                "by_cluster": len(by_cluster) - unclustered_group,
            }
            + (
                _("; %(n)s đơn vị chưa xếp cụm, khối") % {"n": len(by_cluster[NO_CLUSTER])}
                if unclustered_group
                else ""
            )
            + "."
        )
        section.paragraphs.extend(reorganisation_sentences(scope, units))
    else:
        section.paragraphs.append(_("Chưa có đơn vị nào được ghi nhận tham gia trong kỳ báo cáo."))
    if units:
        registered = total[2]
        own_plan = total[3]
        on_time = total[4]
        section.paragraphs.append(
            _(
                "Có %(registered)s đơn vị đăng ký thi đua (%(registered_share)s), "
                "%(own_plan)s đơn vị ban hành kế hoạch phát động phong trào của đơn vị "
                "(%(own_plan_share)s) và %(on_time)s đơn vị thực hiện chế độ thông tin báo "
                "cáo đầy đủ, đúng hạn (%(on_time_share)s)."
            )
            % {
                "registered": registered,
                "registered_share": percent(registered, len(units)),
                "own_plan": own_plan,
                "own_plan_share": percent(own_plan, len(units)),
                "on_time": on_time,
                "on_time_share": percent(on_time, len(units)),
            }
        )
    section.tables.append(
        Table(
            "don-vi-theo-loai",
            _("Đơn vị tham gia theo loại đơn vị"),
            [_("Loại đơn vị"), *columns],
            kind_rows,
            total,
        )
    )
    section.tables.append(
        Table(
            "don-vi-theo-cum",
            _("Đơn vị tham gia theo cụm, khối thi đua"),
            [_("Cụm, khối"), *columns],
            cluster_rows,
            total,
        )
    )
    annex_columns = [
        "STT",
        _("Tên đơn vị"),
        _("Loại"),
        _("Cụm, khối"),
        _("Đăng ký"),
        _("Kế hoạch"),
        _("Báo cáo đúng hạn"),
    ]
    annex_rows = []
    for i, unit in enumerate(units, 1):
        s = status.get(unit.pk, {})
        annex_rows.append(
            [
                i,
                unit.name,
                kind_name(unit.kind),
                unit.cluster.name if unit.cluster_id else NO_CLUSTER,
                _yes(s.get("registered")),
                _yes(s.get("own_plan")),
                _yes(s.get("reports_on_time")),
            ]
        )
    section.annexes.append(
        Table(
            "phu-luc-don-vi",
            _("Danh sách cơ quan, đơn vị, địa phương tham gia phong trào thi đua"),
            annex_columns,
            annex_rows,
            widths=[6, 32, 15, 20, 9, 9, 9],
        )
    )
    return section


def _yes(value) -> str:
    if value is None:
        return "–"
    return _("Có") if value else _("Không")


def _cluster_order(name: str):
    return (name == NO_CLUSTER, name)


def kind_counter(units) -> Counter:
    return Counter(u.kind for u in units)
