"""/healthz: is the database answering, is the broker answering. No login, no secrets."""

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from emulation_portal.celery import app as celery_app
from portal.models import WorkerHeartbeat


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone()[0] == 1
    except Exception:
        return False


def broker_ok() -> bool:
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:
        return False


def last_worker_heartbeat():
    try:
        return WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True).first()
    except Exception:
        return None


@never_cache
@require_GET
def healthz(request):
    db, broker = database_ok(), broker_ok()
    beat = last_worker_heartbeat() if db else None
    body = {
        "status": "ok" if db and broker else "error",
        "database": "ok" if db else "error",
        "broker": "ok" if broker else "error",
        "broker_kind": "redis" if settings.CELERY_BROKER_URL.startswith("redis") else "filesystem",
        "worker_last_seen": beat.isoformat() if beat else None,
    }
    return JsonResponse(body, status=200 if db and broker else 503)
