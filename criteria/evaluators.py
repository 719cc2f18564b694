"""Criteria computed from data rather than scored by an appraiser.

- own_plan: the unit uploaded the plan with which it launched the movement (criterion a);
- dvcq_ranking: the unit ranked high in its group, or rose remarkably, in dân vận chính quyền (d);
- reporting: the unit sent every periodic report due in the round's period on time (g).
Each returns met (None when the data to decide is missing: the appraiser decides), points and an
explanation a person can check.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from campaigns.models import AwardRound, Unit

from .duties import DutyStatus, status_of
from .models import Criterion, DutyDeadline, PeriodicReport, UnitPlan, UnitRanking


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
    today = today or timezone.localdate()
    evaluate = {
        Criterion.Source.OWN_PLAN: _own_plan,
        Criterion.Source.DVCQ_RANKING: _dvcq_ranking,
        Criterion.Source.REPORTING: _reporting,
    }[criterion.source]
    return evaluate(criterion, unit, round, today)


def _full(criterion: Criterion, met: bool) -> Decimal:
    return criterion.max_points if met else Decimal("0")


def _own_plan(criterion, unit, round_, today) -> ComputedResult:
    plan = UnitPlan.objects.filter(campaign_id=round_.campaign_id, unit=unit).first()
    if plan is None:
        return ComputedResult(
            False, Decimal("0"), "Đơn vị chưa tải lên kế hoạch phát động phong trào thi đua của mình."
        )
    submitted = timezone.localdate(plan.submitted_at)
    what = f"Kế hoạch số {plan.number} ngày {_d(plan.issued_on)}, tải lên ngày {_d(submitted)}"
    if submitted > round_.closes_on:
        return ComputedResult(
            False, Decimal("0"), f"{what}, sau hạn nộp hồ sơ của đợt ({_d(round_.closes_on)})."
        )
    due = DutyDeadline.objects.filter(
        campaign_id=round_.campaign_id, kind=DutyDeadline.Kind.LAUNCH_PLAN
    ).first()
    if due is not None:
        timing = "đúng hạn" if submitted <= due.due_on else "trễ hạn"
        what += f" ({timing}, hạn {_d(due.due_on)})"
    return ComputedResult(True, _full(criterion, True), what + ".")


def _ranking_text(ranking: UnitRanking) -> str:
    size = f"/{ranking.group_size}" if ranking.group_size else ""
    return f"hạng {ranking.rank}{size} năm {ranking.year}"


def _dvcq_ranking(criterion, unit, round_, today) -> ComputedResult:
    campaign = round_.campaign
    rankings = UnitRanking.objects.filter(unit=unit)
    if round_.year:
        current = rankings.filter(year=round_.year).first()
        year = round_.year
    else:
        # The final round looks at the latest result inside its period.
        current = rankings.filter(year__lte=round_.period_end.year).order_by("-year").first()
        year = current.year if current else round_.period_end.year
    if current is None:
        return ComputedResult(
            None,
            None,
            f"Chưa có kết quả xếp hạng dân vận chính quyền năm {year} của đơn vị; "
            "chuyên viên thẩm định đánh giá tiêu chí này.",
        )
    previous = rankings.filter(year=current.year - 1).first()
    text = _ranking_text(current)
    text += (
        f"; năm {previous.year} hạng {previous.rank}"
        if previous
        else f"; chưa có kết quả năm {current.year - 1}"
    )
    top_n, k = campaign.ranking_top_n, campaign.ranking_improvement_k
    high = current.rank <= top_n
    rise = previous.rank - current.rank if previous else 0
    improved = previous is not None and rise >= k
    if high:
        text += f" — thuộc nhóm {top_n} hạng đầu"
    if improved:
        text += f" — tăng {rise} bậc (vượt bậc: từ {k} bậc)"
    if not high and not improved:
        text += f" — không thuộc {top_n} hạng đầu và không tăng từ {k} bậc"
    met = high or improved
    return ComputedResult(met, _full(criterion, met), text)


def _reporting(criterion, unit, round_, today) -> ComputedResult:
    deadlines = list(
        DutyDeadline.objects.filter(
            campaign_id=round_.campaign_id,
            kind=DutyDeadline.Kind.REPORT,
            due_on__gte=round_.period_start,
            due_on__lte=round_.period_end,
        ).order_by("due_on")
    )
    reports = {r.deadline_id: r for r in PeriodicReport.objects.filter(unit=unit, deadline__in=deadlines)}
    counted, on_time, late, missing = 0, 0, [], []
    for deadline in deadlines:
        report = reports.get(deadline.pk)
        status = status_of(deadline.due_on, report.submitted_at if report else None, today)
        if status == DutyStatus.PENDING:
            continue  # not due yet: neither for nor against the unit
        counted += 1
        if status == DutyStatus.ON_TIME:
            on_time += 1
        elif status == DutyStatus.LATE:
            late.append(f"{deadline.title} (nộp {_d(report.submitted_at)}, hạn {_d(deadline.due_on)})")
        else:
            missing.append(f"{deadline.title} (hạn {_d(deadline.due_on)})")
    if counted == 0:
        return ComputedResult(
            None, None, "Chưa có kỳ báo cáo nào đến hạn trong kỳ đánh giá; chuyên viên thẩm định đánh giá."
        )
    parts = [f"{on_time}/{counted} báo cáo định kỳ nộp đúng hạn"]
    if late:
        parts.append("trễ hạn: " + "; ".join(late))
    if missing:
        parts.append("chưa nộp: " + "; ".join(missing))
    points = (criterion.max_points * on_time / counted).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return ComputedResult(on_time == counted, points, ". ".join(parts) + ".")
