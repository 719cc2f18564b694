"""Units' duties in a campaign (registration, own plan, periodic reports), through criteria.duty_status."""

from django.utils import timezone

from criteria.duty_status import DutyStatus, deadlines_of, duties_for_units
from reports.content.base import Scope


def status_by_unit(scope: Scope, units: list) -> dict[int, dict]:
    """{unit id: {"registered", "own_plan", "reports_on_time"}}.

    reports_on_time is None for a unit when no report fell due within the period. The on-time rule
    itself is criteria.duty_status' (the same one criterion g uses).
    """
    today = timezone.localdate()
    deadlines = deadlines_of(scope.campaign)
    due_in_period = [
        i
        for i, d in enumerate(deadlines["reports"])
        if scope.period_start <= d.due_on <= min(scope.period_end, today)
    ]
    end = scope.period_end

    def by_end(cell) -> bool:
        return cell.submitted_at is not None and timezone.localdate(cell.submitted_at) <= end

    out = {}
    for duties in duties_for_units(scope.campaign, units, deadlines, today):
        reports = [duties.reports[i] for i in due_in_period]
        out[duties.unit.pk] = {
            "registered": by_end(duties.registration),
            "own_plan": by_end(duties.plan),
            "reports_on_time": all(c.status == DutyStatus.ON_TIME for c in reports) if reports else None,
        }
    return out
