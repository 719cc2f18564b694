"""Working days for the appraisal deadline: weekends and the public holidays in Holiday are skipped."""

import datetime
from collections.abc import Iterable

from nominations.models import Holiday


def holidays() -> frozenset[datetime.date]:
    """Every holiday, in one query (callers load it once per page, never per row)."""
    return frozenset(Holiday.objects.values_list("day", flat=True))


def is_working_day(day: datetime.date, off: Iterable[datetime.date]) -> bool:
    return day.weekday() < 5 and day not in off


def add_working_days(start: datetime.date, days: int, off: frozenset[datetime.date]) -> datetime.date:
    """The date `days` working days after `start` (the start day itself is day 0)."""
    day = start
    counted = 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if is_working_day(day, off):
            counted += 1
    return day


def working_days_left(today: datetime.date, due: datetime.date, off: frozenset[datetime.date]) -> int:
    """Working days from today to due: positive before, 0 on the day, negative once overdue."""
    if today == due:
        return 0
    step = 1 if due > today else -1
    day = today
    count = 0
    while day != due:
        day += datetime.timedelta(days=step)
        if is_working_day(day, off):
            count += step
    return count
