"""Criteria computed from data rather than scored by an appraiser.

- own_plan: the unit uploaded the plan with which it launched the movement (criterion a);
- dvcq_ranking: the unit ranked high in its group, or rose remarkably, in dân vận chính quyền (d);
- reporting: the unit sent every periodic report due in the round's period on time (g).
Each returns met (None when the data to decide is missing: the appraiser decides), points and an
explanation a person can check.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import AwardRound, Unit
from criteria.duty_status import DutyStatus, status_of
from criteria.models import Criterion, DutyDeadline, PeriodicReport, UnitPlan, UnitRanking


@dataclass(frozen=True)
class ComputedResult:
    met: bool | None
    points: Decimal | None
    explanation: str


def _d(day) -> str:
    if isinstance(day, dt.datetime):
        day = timezone.localdate(day)
    return day.strftime("%d/%m/%Y")


def evaluate_computed(*, criterion: Criterion, unit: Unit, round: AwardRound, today=None) -> ComputedResult:  # noqa: A002
    """Evaluate a computed criterion for a unit in a round."""
    if criterion.evaluation != Criterion.Evaluation.COMPUTED:
        raise ValueError(f"Criterion {criterion.pk} is scored by the appraiser, not computed.")
    return evaluate_all([criterion], unit, round, today=today)[criterion.pk]


def evaluate_all(criteria, unit: Unit, round: AwardRound, today=None) -> dict[int, ComputedResult]:  # noqa: A002
    """Every computed criterion of `criteria` for a unit in a round, reading the unit's data once.

    Returns {criterion pk: result}; criteria scored by the appraiser are left out. At most three
    queries (plan, deadlines with the unit's reports, rankings), each only if a criterion needs it.
    """
    computed = [c for c in criteria if c.evaluation == Criterion.Evaluation.COMPUTED]
    if not computed:
        return {}
    today = today or timezone.localdate()
    data = UnitData.load(unit, round, {c.source for c in computed})
    return {c.pk: _EVALUATORS[c.source](c, data, round, today) for c in computed}


@dataclass
class UnitData:
    """What the computed criteria read about one unit for one round, loaded once."""

    plan: UnitPlan | None = None
    launch_deadline: DutyDeadline | None = None
    report_deadlines: list = field(default_factory=list)  # each with .report_submitted_at (or None)
    rankings: dict = field(default_factory=dict)  # year -> UnitRanking

    @classmethod
    def load(cls, unit: Unit, round_: AwardRound, sources: set) -> "UnitData":
        data = cls()
        campaign_id = round_.campaign_id
        if Criterion.Source.OWN_PLAN in sources:
            data.plan = UnitPlan.objects.filter(campaign_id=campaign_id, unit=unit).first()
        if sources & {Criterion.Source.OWN_PLAN, Criterion.Source.REPORTING}:
            # The plan deadline and the reports due in the round's period, each report deadline
            # with the unit's submission time: one query.
            submitted = PeriodicReport.objects.filter(deadline=OuterRef("pk"), unit=unit).values(
                "submitted_at"
            )[:1]
            deadlines = DutyDeadline.objects.filter(campaign_id=campaign_id).filter(
                Q(kind=DutyDeadline.Kind.LAUNCH_PLAN)
                | Q(
                    kind=DutyDeadline.Kind.REPORT,
                    due_on__gte=round_.period_start,
                    due_on__lte=round_.period_end,
                )
            )
            for deadline in deadlines.annotate(report_submitted_at=Subquery(submitted)).order_by(
                "due_on", "code"
            ):
                if deadline.kind == DutyDeadline.Kind.LAUNCH_PLAN:
                    data.launch_deadline = deadline
                else:
                    data.report_deadlines.append(deadline)
        if Criterion.Source.DVCQ_RANKING in sources:
            last_year = round_.year or round_.period_end.year
            data.rankings = {r.year: r for r in UnitRanking.objects.filter(unit=unit, year__lte=last_year)}
        return data


def _full(criterion: Criterion, met: bool) -> Decimal:
    return criterion.max_points if met else Decimal("0")


def _own_plan(criterion, data: UnitData, round_, today) -> ComputedResult:
    plan = data.plan
    if plan is None:
        return ComputedResult(
            False, Decimal("0"), _("Đơn vị chưa tải lên kế hoạch phát động phong trào thi đua của mình.")
        )
    submitted = timezone.localdate(plan.submitted_at)
    what = _("Kế hoạch số %(number)s ngày %(issued)s, tải lên ngày %(submitted)s") % {
        "number": plan.number,
        "issued": _d(plan.issued_on),
        "submitted": _d(submitted),
    }
    if submitted > round_.closes_on:
        return ComputedResult(
            False,
            Decimal("0"),
            _("%(plan)s, sau hạn nộp hồ sơ của đợt (%(closes)s).")
            % {"plan": what, "closes": _d(round_.closes_on)},
        )
    due = data.launch_deadline
    if due is not None:
        if submitted <= due.due_on:
            timing = _("%(plan)s (đúng hạn, hạn %(due)s)")
        else:
            timing = _("%(plan)s (trễ hạn, hạn %(due)s)")
        what = timing % {"plan": what, "due": _d(due.due_on)}
    return ComputedResult(True, _full(criterion, True), what + ".")


def _ranking_text(ranking: UnitRanking) -> str:
    rank = f"{ranking.rank}/{ranking.group_size}" if ranking.group_size else str(ranking.rank)
    return _("hạng %(rank)s năm %(year)s") % {"rank": rank, "year": ranking.year}


def _dvcq_ranking(criterion, data: UnitData, round_, today) -> ComputedResult:
    campaign = round_.campaign
    rankings = data.rankings
    if round_.year:
        current = rankings.get(round_.year)
        year = round_.year
    else:
        # The final round looks at the latest result inside its period.
        current = rankings[max(rankings)] if rankings else None
        year = current.year if current else round_.period_end.year
    if current is None:
        return ComputedResult(
            None,
            None,
            _(
                "Chưa có kết quả xếp hạng dân vận chính quyền năm %(year)s của đơn vị; "
                "chuyên viên thẩm định đánh giá tiêu chí này."
            )
            % {"year": year},
        )
    previous = rankings.get(current.year - 1)
    text = _ranking_text(current)
    if previous:
        text += _("; năm %(year)s hạng %(rank)s") % {"year": previous.year, "rank": previous.rank}
    else:
        text += _("; chưa có kết quả năm %(year)s") % {"year": current.year - 1}
    top_n, k = campaign.ranking_top_n, campaign.ranking_improvement_k
    high = current.rank <= top_n
    rise = previous.rank - current.rank if previous else 0
    improved = previous is not None and rise >= k
    if high:
        text += _(" — thuộc nhóm %(top)s hạng đầu") % {"top": top_n}
    if improved:
        text += _(" — tăng %(rise)s bậc (vượt bậc: từ %(k)s bậc)") % {"rise": rise, "k": k}
    if not high and not improved:
        text += _(" — không thuộc %(top)s hạng đầu và không tăng từ %(k)s bậc") % {"top": top_n, "k": k}
    met = high or improved
    return ComputedResult(met, _full(criterion, met), text)


def _reporting(criterion, data: UnitData, round_, today) -> ComputedResult:
    counted, on_time, late, missing = 0, 0, [], []
    for deadline in data.report_deadlines:
        submitted_at = deadline.report_submitted_at
        status = status_of(deadline.due_on, submitted_at, today)
        if status == DutyStatus.PENDING:
            continue  # not due yet: neither for nor against the unit
        counted += 1
        if status == DutyStatus.ON_TIME:
            on_time += 1
        elif status == DutyStatus.LATE:
            late.append(
                _("%(title)s (nộp %(submitted)s, hạn %(due)s)")
                % {"title": deadline.title, "submitted": _d(submitted_at), "due": _d(deadline.due_on)}
            )
        else:
            missing.append(
                _("%(title)s (hạn %(due)s)") % {"title": deadline.title, "due": _d(deadline.due_on)}
            )
    if counted == 0:
        return ComputedResult(
            None, None, _("Chưa có kỳ báo cáo nào đến hạn trong kỳ đánh giá; chuyên viên thẩm định đánh giá.")
        )
    parts = [
        _("%(on_time)s/%(counted)s báo cáo định kỳ nộp đúng hạn") % {"on_time": on_time, "counted": counted}
    ]
    if late:
        parts.append(_("trễ hạn: %(reports)s") % {"reports": "; ".join(late)})
    if missing:
        parts.append(_("chưa nộp: %(reports)s") % {"reports": "; ".join(missing)})
    points = (criterion.max_points * on_time / counted).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return ComputedResult(on_time == counted, points, ". ".join(parts) + ".")


_EVALUATORS = {
    Criterion.Source.OWN_PLAN: _own_plan,
    Criterion.Source.DVCQ_RANKING: _dvcq_ranking,
    Criterion.Source.REPORTING: _reporting,
}
