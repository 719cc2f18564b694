"""The portal's own bookkeeping: the last sign of life of each Celery worker."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """Written by the periodic heartbeat task; /healthz reports how old the newest one is."""

    hostname = models.CharField(max_length=255, unique=True)
    seen_at = models.DateTimeField()

    class Meta:
        verbose_name = _("nhịp hoạt động của worker")
        verbose_name_plural = _("nhịp hoạt động của worker")

    def __str__(self) -> str:
        return self.hostname
