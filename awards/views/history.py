"""Award history of a person or a unit across campaigns."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from awards import selectors
from campaigns.models import Person, Unit
from portal.web import permission_required


def _visible_person(request, person_id: int) -> Person:
    """The person if the user may see them; 404 otherwise (another unit's person is not shown to exist)."""
    person = get_object_or_404(Person.objects.select_related("unit"), pk=person_id)
    if not request.user.has_perm("campaigns.view_person", person):
        raise Http404
    return person


def _visible_unit(request, unit_id: int) -> Unit:
    unit = get_object_or_404(Unit, pk=unit_id)
    if not request.user.has_perm("campaigns.view_unit", unit):
        raise Http404
    return unit


@permission_required("campaigns.view_person", fn=_visible_person)
def person_history(request, person_id: int):
    person = _visible_person(request, person_id)
    return render(
        request,
        "awards/history.html",
        {
            "subject_name": person.full_name,
            "subject_unit": person.unit.name,
            "rows": selectors.award_history_for_person(person),
            "breadcrumbs": [(_("Lịch sử khen thưởng"), None), (person.full_name, None)],
        },
    )


@permission_required("campaigns.view_unit", fn=_visible_unit)
def unit_history(request, unit_id: int):
    unit = _visible_unit(request, unit_id)
    return render(
        request,
        "awards/history.html",
        {
            "subject_name": unit.name,
            "subject_unit": "",
            "rows": selectors.award_history_for_unit(unit),
            "breadcrumbs": [(_("Lịch sử khen thưởng"), None), (unit.name, None)],
        },
    )
