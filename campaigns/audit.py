"""Append-only history rows, shared by every audit trail of the portal (dossiers, practices, difficulties).

A row is written once: saving it again, deleting it, or bulk-updating or deleting through a queryset
raises AppendOnlyError. On PostgreSQL each history table also has a trigger refusing UPDATE and DELETE
(see the apps' migrations), so that not even raw SQL from the application can rewrite history.
"""

from django.db import models
from django.utils.translation import gettext as _


class AppendOnlyError(PermissionError, TypeError):
    """Raised on any attempt to change or remove a history row."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(_("Lịch sử chỉ được ghi thêm, không được sửa."))

    def delete(self):
        raise AppendOnlyError(_("Lịch sử chỉ được ghi thêm, không được xóa."))


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError(_("Lịch sử chỉ được ghi thêm, không được sửa."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(_("Lịch sử chỉ được ghi thêm, không được xóa."))
