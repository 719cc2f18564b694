"""Helpers shared by the dossier views: fetch within scope (404 outside it), a button's POST on a dossier."""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse

from campaigns.models import Person, Unit
from nominations import selectors
from nominations.models import Nomination
from portal.web import act, paginate


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


def dossier_page(request, rows, *, related: tuple[str, ...], columns: tuple[str, ...], per_page: int):
    """A page of a list of dossiers reading only the `related` rows and `columns` its rows show, each
    dossier with its deadline note and its labels."""
    page = paginate(request, rows.select_related(None).select_related(*related).only(*columns), per_page)
    selectors.annotate_deadlines(page.object_list)
    selectors.annotate_labels(page.object_list)
    return page


def dossier_action(request, page: str, nomination: Nomination, service, /, **kwargs) -> HttpResponseRedirect:
    """A POST from a dossier's page (`page`: its url name): portal.web.act with the dossier, then back."""
    return act(request, service, back=reverse(page, args=[nomination.pk]), nomination=nomination, **kwargs)
