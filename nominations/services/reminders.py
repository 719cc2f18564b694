"""Deadline reminders for appraisers, sent once a day by Celery beat."""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from nominations import deadlines
from nominations.models import PENDING_APPRAISAL_STATES, Nomination, Notification
from nominations.services import notifications

# Remind when this many working days (or fewer) are left; at most one reminder per dossier a day.
REMIND_WHEN_DAYS_LEFT = 2


def send_deadline_reminders(today: datetime.date | None = None) -> int:
    """Notify the appraiser (or the managers, while unassigned) of each dossier due soon; return the count."""
    today = today or timezone.localdate()
    off = deadlines.holidays()
    horizon = deadlines.add_working_days(today, REMIND_WHEN_DAYS_LEFT, off)
    due = (
        Nomination.objects.filter(state__in=PENDING_APPRAISAL_STATES, appraisal_due_on__lte=horizon)
        .select_related("appraiser", "nominee_unit", "nominee_person")
        .order_by("appraisal_due_on", "pk")
    )
    already = set(
        Notification.objects.filter(
            kind=Notification.Kind.REMINDER,
            created_at__gte=timezone.now() - datetime.timedelta(hours=20),
            nomination__in=due,
        ).values_list("nomination_id", "user_id")
    )
    managers = None
    count = 0
    for nomination in due:
        if nomination.appraiser_id:
            users = [nomination.appraiser]
        else:
            managers = managers if managers is not None else notifications.managers()
            users = managers
        users = [u for u in users if (nomination.pk, u.pk) not in already]
        if not users:
            continue
        left = deadlines.working_days_left(today, nomination.appraisal_due_on, off)
        when = date_format(nomination.appraisal_due_on, "d/m/Y")
        if left < 0:
            message = _(
                "Hồ sơ %(code)s (%(nominee)s) đã quá hạn thẩm định (hạn %(when)s, trễ %(n)s ngày làm việc)."
            )
        else:
            message = _("Hồ sơ %(code)s (%(nominee)s) còn %(n)s ngày làm việc đến hạn thẩm định (%(when)s).")
        notifications.notify(
            users=users,
            nomination=nomination,
            kind=Notification.Kind.REMINDER,
            message=message
            % {"code": nomination.code, "nominee": nomination.nominee_name, "when": when, "n": abs(left)},
        )
        count += len(users)
    # E-mails that could not be queued earlier (broker outage) go out now.
    stale = timezone.now() - datetime.timedelta(minutes=10)
    unsent = list(
        Notification.objects.filter(Q(emailed_at__isnull=True), created_at__lt=stale).values_list(
            "pk", flat=True
        )[:500]
    )
    if unsent:
        notifications.deliver(unsent)
    return count
