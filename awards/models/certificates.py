"""All certificates of a decision in one PDF, built by a Celery task and kept with the decision."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from awards.models.decisions import Decision


class CertificateBundle(models.Model):
    """The decision's certificates as one PDF (decisions do not change, so it is built once)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang tạo")
        DONE = "done", _("Đã xong")
        FAILED = "failed", _("Lỗi")

    decision = models.OneToOneField(Decision, on_delete=models.CASCADE, related_name="certificate_bundle")
    status = models.CharField(_("trạng thái"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    pages = models.PositiveIntegerField(default=0)
    # Kept in the database: web and worker containers then need no shared file storage for it.
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    error = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("tệp giấy chứng nhận của quyết định")
        verbose_name_plural = _("tệp giấy chứng nhận của quyết định")

    def __str__(self) -> str:
        return f"{self.decision_id}: {self.status}"
