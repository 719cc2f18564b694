"""A real Celery worker process takes a task from the broker and writes to the database."""

import time

import pytest

from portal.models import WorkerHeartbeat
from portal.tasks import heartbeat


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_the_heartbeat_task(celery_worker):
    heartbeat.apply_async(queue=celery_worker.queue)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not WorkerHeartbeat.objects.exists():
        time.sleep(0.2)
    assert WorkerHeartbeat.objects.filter(hostname__startswith=celery_worker.queue).exists(), (
        celery_worker.log()[-2000:]
    )
