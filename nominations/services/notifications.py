"""In-portal notifications, their e-mail copies (sent by a Celery task after the commit), read marks."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns import roles
from nominations.models import Nomination, Notification

logger = logging.getLogger(__name__)


def unit_recipients(nomination: Nomination) -> list:
    """Head and officers of the proposing unit."""
    User = get_user_model()
    return list(
        User.objects.filter(
            is_active=True,
            membership__unit_id=nomination.proposing_unit_id,
            groups__name__in=[roles.UNIT_HEAD, roles.UNIT_OFFICER],
        ).distinct()
    )


def appraisal_recipients(nomination: Nomination) -> list:
    """The assigned appraiser, or every Sở Nội vụ specialist and manager while nobody is assigned."""
    if nomination.appraiser_id:
        return [nomination.appraiser]
    User = get_user_model()
    return list(
        User.objects.filter(
            is_active=True, groups__name__in=[roles.NOIVU_STAFF, roles.NOIVU_MANAGER]
        ).distinct()
    )


def managers() -> list:
    User = get_user_model()
    return list(User.objects.filter(is_active=True, groups__name=roles.NOIVU_MANAGER).distinct())


def notify(*, users, nomination: Nomination | None, kind: str, message: str) -> list[int]:
    """Store one notification per user; e-mail them once the transaction commits."""
    created = Notification.objects.bulk_create(
        [Notification(user=u, nomination=nomination, kind=kind, message=message) for u in users]
    )
    ids = [n.pk for n in created]
    if ids:
        transaction.on_commit(lambda: queue_delivery(ids))
    return ids


def queue_delivery(ids: list[int]) -> None:
    from nominations.tasks import deliver_notifications

    try:
        deliver_notifications.delay(notification_ids=ids)
    except Exception:  # a broker outage must not fail the user's action; reminders retry later
        logger.warning("Could not queue e-mail for %d notifications", len(ids))


def link_for(notification: Notification) -> str:
    if notification.nomination_id is None:
        return reverse("nominations:notifications")
    if notification.kind in (
        Notification.Kind.ARRIVED,
        Notification.Kind.ASSIGNED,
        Notification.Kind.REMINDER,
    ):
        return reverse("nominations:appraise", args=[notification.nomination_id])
    return reverse("nominations:detail", args=[notification.nomination_id])


def deliver(ids: list[int]) -> int:
    """E-mail the notifications not yet e-mailed; return how many went out."""
    sent = 0
    pending = Notification.objects.filter(pk__in=ids, emailed_at__isnull=True).select_related("user")
    for notification in pending:
        address = notification.user.email
        if address:
            send_mail(
                subject=f"[{settings.PORTAL_NAME}] {notification.get_kind_display()}",
                message=_("%(message)s\n\nXem chi tiết trên cổng thông tin: %(link)s")
                % {"message": notification.message, "link": link_for(notification)},
                from_email=None,
                recipient_list=[address],
            )
            sent += 1
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
    return sent


def mark_all_read(*, user) -> int:
    """Mark every unread notification of the user as read; return how many were unread."""
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


def with_unread_count(users: QuerySet) -> QuerySet:
    """Users with their number of unread notifications (read by unread_count without another query)."""
    unread = (
        Notification.objects.filter(user=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("user")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return users.annotate(portal_unread=Coalesce(Subquery(unread, output_field=IntegerField()), Value(0)))


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    loaded = getattr(user, "portal_unread", None)  # the request's user, loaded with_unread_count()
    if loaded is not None:
        return loaded
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
