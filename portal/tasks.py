"""Tasks of the portal itself."""

from celery import shared_task
from django.utils import timezone

from portal.models import WorkerHeartbeat


@shared_task(name="portal.heartbeat", ignore_result=True)
def heartbeat() -> str:
    """Record that a worker is alive and taking tasks from the broker."""
    hostname = heartbeat.request.hostname or "worker"
    WorkerHeartbeat.objects.update_or_create(hostname=hostname, defaults={"seen_at": timezone.now()})
    return hostname
