"""Sections 2 and 3: dossiers by state, award type, unit kind and cluster; appraisal outcomes and reasons."""

from collections import defaultdict

from django.db.models import Avg, Count, Q

from campaigns.models import Unit
from criteria.models import Subject
from nominations.models import Nomination, NominationEvent, State
from reports.charts import bar_chart
from reports.content.base import Chart, Scope, Section, Table, percent
from reports.content.participation import NO_CLUSTER

# Dossiers the unit actually sent: drafts never left the unit, withdrawn ones were taken back.
SENT_STATES = [s for s in State.values if s not in (State.DRAFT, State.WITHDRAWN)]
ELIGIBLE_STATES = [State.APPRAISED, State.PROPOSED, State.AWARDED, State.NOT_AWARDED]


def dossiers(scope: Scope):
    qs = Nomination.objects.filter(round__in=scope.rounds)
    if scope.unit is not None:
        qs = qs.filter(proposing_unit__path__startswith=scope.unit.path)
    return qs


def _split(rows, key: str) -> dict:
    """{key value: [collectives, individuals]} from values(key, 'subject').annotate(n=...)."""
    out: dict = defaultdict(lambda: [0, 0])
    for row in rows:
        out[row[key]][0 if row["subject"] == Subject.COLLECTIVE else 1] += row["n"]
    return out


def build(scope: Scope) -> Section:
    section = Section(key="nominations", heading="Hồ sơ đề nghị khen thưởng")
    qs = dossiers(scope)
    by_state = _split(qs.values("state", "subject").annotate(n=Count("id")), "state")
    sent = qs.filter(state__in=SENT_STATES)
    by_type = _split(sent.values("award_type__name", "subject").annotate(n=Count("id")), "award_type__name")
    by_kind = _split(
        sent.values("proposing_unit__kind", "subject").annotate(n=Count("id")), "proposing_unit__kind"
    )
    by_cluster = _split(
        sent.values("proposing_unit__cluster__name", "subject").annotate(n=Count("id")),
        "proposing_unit__cluster__name",
    )
    total_sent = sum(sum(v) for k, v in by_state.items() if k in SENT_STATES)
    collectives = sum(v[0] for k, v in by_state.items() if k in SENT_STATES)
    section.paragraphs.append(
        f"Các đơn vị đã gửi {total_sent} hồ sơ đề nghị khen thưởng ({collectives} hồ sơ tập thể, "
        f"{total_sent - collectives} hồ sơ cá nhân)"
        + (
            f"; {sum(by_state[State.DRAFT])} hồ sơ còn đang soạn tại đơn vị"
            if by_state.get(State.DRAFT)
            else ""
        )
        + (f"; {sum(by_state[State.WITHDRAWN])} hồ sơ đã rút" if by_state.get(State.WITHDRAWN) else "")
        + "."
    )

    def rows(mapping: dict, label) -> list:
        return [[label(k), v[0], v[1], v[0] + v[1]] for k, v in mapping.items()]

    columns = ["Tập thể", "Cá nhân", "Tổng"]

    def total(mapping) -> list:
        return [
            "Tổng cộng",
            sum(v[0] for v in mapping.values()),
            sum(v[1] for v in mapping.values()),
            sum(sum(v) for v in mapping.values()),
        ]

    state_rows = [[State(s).label, *by_state[s], sum(by_state[s])] for s in State.values if s in by_state]
    section.tables.append(
        Table(
            "ho-so-theo-trang-thai",
            "Hồ sơ theo trạng thái",
            ["Trạng thái", *columns],
            state_rows,
            total(by_state),
        )
    )
    section.tables.append(
        Table(
            "ho-so-theo-hinh-thuc",
            "Hồ sơ đã gửi theo hình thức khen thưởng đề nghị",
            ["Hình thức", *columns],
            sorted(rows(by_type, str), key=lambda r: -r[3]),
            total(by_type),
        )
    )
    kind_rows = [[Unit.Kind(k).label, *by_kind[k], sum(by_kind[k])] for k in Unit.Kind.values if k in by_kind]
    section.tables.append(
        Table(
            "ho-so-theo-loai-don-vi",
            "Hồ sơ đã gửi theo loại đơn vị trình",
            ["Loại đơn vị", *columns],
            kind_rows,
            total(by_kind),
        )
    )
    cluster_rows = sorted(rows(by_cluster, lambda k: k or NO_CLUSTER), key=lambda r: (-r[3], r[0]))
    section.tables.append(
        Table(
            "ho-so-theo-cum",
            "Hồ sơ đã gửi theo cụm, khối thi đua của đơn vị trình",
            ["Cụm, khối", *columns],
            cluster_rows,
            total(by_cluster),
        )
    )
    section.charts.append(
        Chart(
            "Số hồ sơ theo cụm, khối thi đua",
            bar_chart([(r[0], r[3]) for r in cluster_rows], title="Số hồ sơ theo cụm, khối thi đua"),
        )
    )
    section.charts.append(
        Chart(
            "Số hồ sơ theo loại đơn vị",
            bar_chart([(r[0], r[3]) for r in kind_rows], title="Số hồ sơ theo loại đơn vị"),
        )
    )
    return section


def build_appraisal(scope: Scope) -> Section:
    section = Section(key="appraisal", heading="Kết quả thẩm định hồ sơ")
    qs = dossiers(scope)
    figures = qs.aggregate(
        received=Count("id", filter=Q(state__in=SENT_STATES)),
        eligible=Count("id", filter=Q(state__in=ELIGIBLE_STATES)),
        ineligible=Count("id", filter=Q(state=State.INELIGIBLE)),
        pending=Count("id", filter=Q(state__in=[State.SUBMITTED, State.IN_REVIEW, State.RETURNED])),
        average=Avg("score", filter=Q(state__in=ELIGIBLE_STATES)),
    )
    returned = (
        NominationEvent.objects.filter(nomination__in=qs, to_state=State.RETURNED)
        .values("nomination")
        .distinct()
        .count()
    )
    concluded = figures["eligible"] + figures["ineligible"]
    text = (
        f"Sở Nội vụ đã tiếp nhận {figures['received']} hồ sơ, kết luận thẩm định {concluded} hồ sơ: "
        f"{figures['eligible']} hồ sơ đủ điều kiện ({percent(figures['eligible'], concluded)}), "
        f"{figures['ineligible']} hồ sơ không đủ điều kiện; "
        f"{returned} hồ sơ đã được trả lại để đơn vị bổ sung"
    )
    if figures["pending"]:
        text += f"; {figures['pending']} hồ sơ đang trong quá trình thẩm định"
    section.paragraphs.append(text + ".")
    if figures["average"] is not None:
        average = str(round(figures["average"], 1)).replace(".", ",")
        section.paragraphs.append(f"Điểm thẩm định bình quân của các hồ sơ đủ điều kiện là {average} điểm.")
    section.tables.append(
        Table(
            "ket-qua-tham-dinh",
            "Kết quả thẩm định",
            ["Kết quả", "Số hồ sơ"],
            [
                ["Đủ điều kiện", figures["eligible"]],
                ["Không đủ điều kiện", figures["ineligible"]],
                ["Đang thẩm định, chờ bổ sung", figures["pending"]],
                ["Đã từng trả lại để bổ sung", returned],
            ],
        )
    )
    reasons = (
        qs.filter(state=State.INELIGIBLE)
        .exclude(conclusion="")
        .values("conclusion")
        .annotate(n=Count("id"))
        .order_by("-n", "conclusion")[:10]
    )
    reason_rows = [[r["conclusion"][:300], r["n"]] for r in reasons]
    if reason_rows:
        section.tables.append(
            Table(
                "ly-do-khong-du-dieu-kien",
                "Lý do không đủ điều kiện thường gặp",
                ["Lý do", "Số hồ sơ"],
                reason_rows,
                widths=[85, 15],
            )
        )
    ineligible = (
        qs.filter(state=State.INELIGIBLE)
        .select_related("nominee_unit", "nominee_person", "proposing_unit", "award_type")
        .order_by("proposing_unit__path", "pk")
    )
    annex_rows = [
        [i, n.nominee_name, n.proposing_unit.name, n.award_type.short_name, n.conclusion[:400]]
        for i, n in enumerate(ineligible, 1)
    ]
    if annex_rows:
        section.annexes.append(
            Table(
                "phu-luc-khong-du-dieu-kien",
                "Danh sách hồ sơ không đủ điều kiện và lý do",
                ["STT", "Tập thể, cá nhân", "Đơn vị trình", "Hình thức", "Lý do"],
                annex_rows,
                widths=[6, 24, 24, 12, 34],
            )
        )
    return section
