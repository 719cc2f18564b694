"""Reading the models of apps that may not have landed yet, without importing them by name."""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist


def model(label: str, *fields: str):
    """The model 'app.Model' if it exists and has all the given fields, else None."""
    try:
        found = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    for name in fields:
        try:
            found._meta.get_field(name)
        except FieldDoesNotExist:
            return None
    return found
