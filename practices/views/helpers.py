"""Small helpers shared by the views of practices and difficulties."""

from django.contrib import messages


def form_errors_as_messages(request, form) -> None:
    """Report a small inline form's errors on the page it returns to, each with its field's label."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for message in errors:
            messages.error(request, f"{label}: {message}" if label else message)
