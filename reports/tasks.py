"""Celery tasks of the reports app: thin (ids in, service called), late-acknowledged, retried with backoff.

One task builds every generated file (reports and certificates: reports.jobs.run_job), so the lease
and the sweeper cover them all.

Beat entry (settings.CELERY_BEAT_SCHEDULE):
    "reports-sweep-stuck": {"task": "reports.sweep_stuck_jobs", "schedule": timedelta(minutes=5)}
"""

import contextlib
import logging

from celery import shared_task
from django.conf import settings

from reports import jobs as building
from reports import services

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    name="reports.build_report",
    acks_late=True,
    reject_on_worker_lost=True,
    ignore_result=True,
    max_retries=5,
    soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
)
def build_report(self, *, job_id: int) -> str:
    """Build one job's file, a report or certificates (idempotent: a finished job returns at once)."""
    owner = building.worker_identity()
    try:
        return building.run_job(job_id=job_id, owner=owner)
    except building.TRANSIENT_ERRORS as exc:
        # If the database is still away the sweeper takes the job back after its lease.
        with contextlib.suppress(*building.TRANSIENT_ERRORS):
            building.release(job_id=job_id, owner=owner)
        if self.request.retries >= self.max_retries:
            try:
                building.fail_for_transient(job_id=job_id)
            except building.TRANSIENT_ERRORS:
                logger.error("Report job %s: gave up after %s retries", job_id, self.request.retries)
            return "failed"
        countdown = min(2 ** (self.request.retries + 1), 300)
        logger.warning("Report job %s: transient error, retry in %ss", job_id, countdown)
        raise self.retry(exc=exc, countdown=countdown) from exc


@shared_task(name="reports.sweep_stuck_jobs", ignore_result=True, acks_late=True)
def sweep_stuck_jobs() -> int:
    """Re-queue jobs stuck in running past their lease (their worker died), certificates included."""
    return services.requeue_stuck_jobs()
