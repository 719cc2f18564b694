"""Units' own duties: what each unit owes (registration, its plan, periodic reports) and whether
it came on time, late, or not at all. Shared by the duties pages and the computed criteria."""

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, Unit
from criteria.models import DutyDeadline, PeriodicReport, Registration, UnitPlan


class DutyStatus(models.TextChoices):
    ON_TIME = "on_time", _("Đúng hạn")
    LATE = "late", _("Trễ hạn")
    MISSING = "missing", _("Chưa nộp (quá hạn)")
    PENDING = "pending", _("Chưa đến hạn")


STATUS_CSS = {
    DutyStatus.ON_TIME: "success",
    DutyStatus.LATE: "warning",
    DutyStatus.MISSING: "danger",
    DutyStatus.PENDING: "secondary",
}


def status_of(due_on: dt.date | None, submitted_at: dt.datetime | None, today: dt.date) -> str:
    """On time / late / missing / not yet due, for one duty of one unit."""
    if submitted_at is not None:
        day = timezone.localdate(submitted_at)
        return DutyStatus.ON_TIME if due_on is None or day <= due_on else DutyStatus.LATE
    if due_on is not None and today > due_on:
        return DutyStatus.MISSING
    return DutyStatus.PENDING


@dataclass
class Cell:
    """One duty of one unit, as a table cell shows it."""

    status: str
    due_on: dt.date | None
    submitted_at: dt.datetime | None = None
    record: object = None

    @property
    def label(self) -> str:
        return DutyStatus(self.status).label

    @property
    def css(self) -> str:
        return STATUS_CSS[self.status]


@dataclass
class UnitDuties:
    unit: Unit
    registration: Cell
    plan: Cell
    reports: list[Cell]  # in the order of the campaign's report deadlines

    @property
    def problems(self) -> int:
        cells = [self.registration, self.plan, *self.reports]
        return sum(1 for c in cells if c.status in (DutyStatus.LATE, DutyStatus.MISSING))


def deadlines_of(campaign: Campaign) -> dict:
    """The campaign's deadlines: {'registration': d|None, 'launch_plan': d|None, 'reports': [d, …]}."""
    found = {"registration": None, "launch_plan": None, "reports": []}
    for deadline in DutyDeadline.objects.filter(campaign=campaign).order_by("due_on", "code"):
        if deadline.kind == DutyDeadline.Kind.REPORT:
            found["reports"].append(deadline)
        else:
            found[deadline.kind] = deadline
    return found


def duties_for_units(campaign: Campaign, units: list[Unit], deadlines: dict, today=None) -> list[UnitDuties]:
    """Each unit's duties; three queries whatever the number of units."""
    today = today or timezone.localdate()
    ids = [u.pk for u in units]
    registrations = {r.unit_id: r for r in Registration.objects.filter(campaign=campaign, unit_id__in=ids)}
    plans = {p.unit_id: p for p in UnitPlan.objects.filter(campaign=campaign, unit_id__in=ids)}
    reports = {
        (r.unit_id, r.deadline_id): r
        for r in PeriodicReport.objects.filter(deadline__campaign=campaign, unit_id__in=ids)
    }
    reg_due = deadlines["registration"].due_on if deadlines["registration"] else None
    plan_due = deadlines["launch_plan"].due_on if deadlines["launch_plan"] else None
    rows = []
    for unit in units:
        reg = registrations.get(unit.pk)
        plan = plans.get(unit.pk)
        cells = []
        for deadline in deadlines["reports"]:
            report = reports.get((unit.pk, deadline.pk))
            submitted = report.submitted_at if report else None
            cells.append(
                Cell(status_of(deadline.due_on, submitted, today), deadline.due_on, submitted, report)
            )
        rows.append(
            UnitDuties(
                unit=unit,
                registration=Cell(
                    status_of(reg_due, reg.registered_at if reg else None, today),
                    reg_due,
                    reg.registered_at if reg else None,
                    reg,
                ),
                plan=Cell(
                    status_of(plan_due, plan.submitted_at if plan else None, today),
                    plan_due,
                    plan.submitted_at if plan else None,
                    plan,
                ),
                reports=cells,
            )
        )
    return rows
