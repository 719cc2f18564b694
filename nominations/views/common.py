"""Helpers shared by the dossier views: fetch within scope (404 outside it), form errors as messages."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404

from campaigns.models import Person, Unit
from nominations.models import Nomination


def visible_nomination(request, pk: int) -> Nomination:
    """The dossier if the user may see it; 404 otherwise (no hint that it exists)."""
    # The nominee comes in a second, one-table query: nine tables joined in one cost PostgreSQL
    # three milliseconds of planning on every dossier page, the two queries under one.
    nomination = get_object_or_404(
        Nomination.objects.select_related("round__campaign", "award_type", "proposing_unit", "appraiser"),
        pk=pk,
    )
    _load_nominee(nomination)
    if not request.user.has_perm("nominations.view_nomination", nomination):
        raise Http404
    return nomination


def _load_nominee(nomination: Nomination) -> None:
    if nomination.nominee_person_id:
        nomination.nominee_person = Person.objects.select_related("unit").get(pk=nomination.nominee_person_id)
    elif nomination.nominee_unit_id:
        nomination.nominee_unit = Unit.objects.get(pk=nomination.nominee_unit_id)


def form_errors(request, form) -> None:
    """The errors of a form posted from a page the view redirects back to, as messages on that page."""
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)
