"""Part: dossiers by state, award type, unit kind and cluster; then appraisal outcomes and reasons."""

from collections import defaultdict

from django.db.models import Avg, Count, Q
from django.utils.translation import gettext as _

from campaigns.models import Unit
from criteria.models import Subject
from documents.content import Table
from nominations.models import Nomination, NominationEvent, State
from reports.charts import chart
from reports.content.base import Scope, Section, kind_name, percent
from reports.content.participation import NO_CLUSTER
from reports.content.report import combined

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
    section = Section(key="nominations", heading=_("Hồ sơ đề nghị khen thưởng"))
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
        _(
            "Các đơn vị đã gửi %(total_sent)s hồ sơ đề nghị khen thưởng "
            "(%(collectives)s hồ sơ tập thể, %(individuals)s hồ sơ cá nhân)"
        )
        % {"total_sent": total_sent, "collectives": collectives, "individuals": total_sent - collectives}
        + (
            _("; %(drafts)s hồ sơ còn đang soạn tại đơn vị") % {"drafts": sum(by_state[State.DRAFT])}
            if by_state.get(State.DRAFT)
            else ""
        )
        + (
            _("; %(withdrawn)s hồ sơ đã rút") % {"withdrawn": sum(by_state[State.WITHDRAWN])}
            if by_state.get(State.WITHDRAWN)
            else ""
        )
        + "."
    )

    def rows(mapping: dict, label) -> list:
        return [[label(k), v[0], v[1], v[0] + v[1]] for k, v in mapping.items()]

    columns = [_("Tập thể"), _("Cá nhân"), _("Tổng")]

    def total(mapping) -> list:
        return [
            _("Tổng cộng"),
            sum(v[0] for v in mapping.values()),
            sum(v[1] for v in mapping.values()),
            sum(sum(v) for v in mapping.values()),
        ]

    state_rows = [[State(s).label, *by_state[s], sum(by_state[s])] for s in State.values if s in by_state]
    section.tables.append(
        Table(
            "ho-so-theo-trang-thai",
            _("Hồ sơ theo trạng thái"),
            [_("Trạng thái"), *columns],
            state_rows,
            total(by_state),
        )
    )
    section.tables.append(
        Table(
            "ho-so-theo-hinh-thuc",
            _("Hồ sơ đã gửi theo hình thức khen thưởng đề nghị"),
            [_("Hình thức"), *columns],
            sorted(rows(by_type, str), key=lambda r: -r[3]),
            total(by_type),
        )
    )
    kind_rows = [[kind_name(k), *by_kind[k], sum(by_kind[k])] for k in Unit.Kind.values if k in by_kind]
    section.tables.append(
        Table(
            "ho-so-theo-loai-don-vi",
            _("Hồ sơ đã gửi theo loại đơn vị trình"),
            [_("Loại đơn vị"), *columns],
            kind_rows,
            total(by_kind),
        )
    )
    cluster_rows = sorted(rows(by_cluster, lambda k: k or NO_CLUSTER), key=lambda r: (-r[3], r[0]))
    section.tables.append(
        Table(
            "ho-so-theo-cum",
            _("Hồ sơ đã gửi theo cụm, khối thi đua của đơn vị trình"),
            [_("Cụm, khối"), *columns],
            cluster_rows,
            total(by_cluster),
        )
    )
    section.charts.append(
        chart(
            _("Số hồ sơ theo cụm, khối thi đua"),
            [(r[0], r[3]) for r in cluster_rows],
            label=_("Cụm, khối thi đua"),
            value=_("Số hồ sơ"),
        )
    )
    section.charts.append(
        chart(
            _("Số hồ sơ theo loại đơn vị"),
            [(r[0], r[3]) for r in kind_rows],
            label=_("Loại đơn vị"),
            value=_("Số hồ sơ"),
        )
    )
    return section


def build_appraisal(scope: Scope) -> Section:
    section = Section(key="appraisal", heading=_("Kết quả thẩm định hồ sơ"))
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
    section.figures.update(
        received=figures["received"], eligible=figures["eligible"], ineligible=figures["ineligible"]
    )
    # How many dossiers came in is the part's first sentence (build): not said again here.
    text = _(
        "Sở Nội vụ đã kết luận thẩm định "
        "%(concluded)s hồ sơ: %(eligible)s hồ sơ đủ điều kiện (%(eligible_share)s), "
        "%(ineligible)s hồ sơ không đủ điều kiện; %(returned)s hồ sơ đã được "
        "trả lại để đơn vị bổ sung"
    ) % {
        "concluded": concluded,
        "eligible": figures["eligible"],
        "eligible_share": percent(figures["eligible"], concluded),
        "ineligible": figures["ineligible"],
        "returned": returned,
    }
    if figures["pending"]:
        text += _("; %(pending)s hồ sơ đang trong quá trình thẩm định") % {"pending": figures["pending"]}
    section.paragraphs.append(text + ".")
    if figures["average"] is not None:
        average = str(round(figures["average"], 1)).replace(".", ",")
        section.paragraphs.append(
            _("Điểm thẩm định bình quân của các hồ sơ đủ điều kiện là %(average)s điểm.")
            % {"average": average}
        )
    section.tables.append(
        Table(
            "ket-qua-tham-dinh",
            _("Kết quả thẩm định"),
            [_("Kết quả"), _("Số hồ sơ")],
            [
                [_("Đủ điều kiện"), figures["eligible"]],
                [_("Không đủ điều kiện"), figures["ineligible"]],
                [_("Đang thẩm định, chờ bổ sung"), figures["pending"]],
                [_("Đã từng trả lại để bổ sung"), returned],
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
                _("Lý do không đủ điều kiện thường gặp"),
                [_("Lý do"), _("Số hồ sơ")],
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
        [n.nominee_name, n.proposing_unit.name, n.award_type.short_name, n.conclusion[:400]]
        for n in ineligible
    ]
    section.add_annex(
        "phu-luc-khong-du-dieu-kien",
        _("Danh sách hồ sơ không đủ điều kiện và lý do"),
        [_("Tập thể, cá nhân"), _("Đơn vị trình"), _("Hình thức"), _("Lý do")],
        annex_rows,
        widths=[24, 24, 12, 34],
    )
    return section


def build_part(scope: Scope) -> Section:
    """The part of the report on dossiers: 1. what the units sent, 2. how Sở Nội vụ appraised them."""
    return combined(
        "nominations",
        _("Hồ sơ đề nghị khen thưởng và kết quả thẩm định"),
        [build(scope), build_appraisal(scope)],
    )
