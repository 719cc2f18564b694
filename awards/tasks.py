"""Celery tasks of the awards app: thin, ids in, the work is in awards.services.certificates."""

from celery import shared_task
from django.conf import settings


@shared_task(
    name="awards.build_certificates",
    acks_late=True,
    ignore_result=True,
    soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
)
def build_certificates(*, bundle_id: int) -> str:
    """Render all certificates of a decision into its bundle."""
    from awards.services.certificates import build_bundle

    return build_bundle(bundle_id=bundle_id)
