"""Celery tasks of nominations: thin, named, plain ids in, the work done by the modules they call."""

from celery import shared_task

from nominations.services import notifications, reminders


@shared_task(name="nominations.deliver_notifications")
def deliver_notifications(*, notification_ids: list[int]) -> int:
    """E-mail the given notifications (those already e-mailed are skipped)."""
    return notifications.deliver(notification_ids)


@shared_task(name="nominations.send_deadline_reminders")
def send_deadline_reminders() -> int:
    """Daily: remind appraisers of dossiers due soon or overdue; retry unsent e-mails."""
    return reminders.send_deadline_reminders()
