"""Field helpers the apps' models share, so that one convention is written once."""

from django.db import models


def optional_key(to, verbose_name=None, *, on_delete, **options) -> models.ForeignKey:
    """A reference that may be empty: NULL in the database, not required in forms."""
    return models.ForeignKey(
        to, verbose_name=verbose_name, null=True, blank=True, on_delete=on_delete, **options
    )
