"""Helpers shared by the dossier views: fetch within scope (404 outside it), run a service."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Nomination


def visible_nomination(request, pk: int) -> Nomination:
    """The dossier if the user may see it; 404 otherwise (no hint that it exists)."""
    nomination = get_object_or_404(
        Nomination.objects.select_related(
            "round__campaign",
            "award_type",
            "proposing_unit",
            "nominee_unit",
            "nominee_person__unit",
            "appraiser",
        ),
        pk=pk,
    )
    if not request.user.has_perm("nominations.view_nomination", nomination):
        raise Http404
    return nomination


def run_service(request, action, success: str) -> bool:
    """Call a service; show its Vietnamese refusal as a message. PermissionDenied propagates (403)."""
    try:
        action()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return False
    messages.success(request, success)
    return True


def form_errors(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)
