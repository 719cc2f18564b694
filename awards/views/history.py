"""Award history of a person or a unit across campaigns."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from awards import selectors
from campaigns.models import Person, Unit
from portal.web import permission_required, visible_or_404


def _visible_person(request, person_id: int) -> Person:
    return visible_or_404(
        request, "campaigns.view_person", Person.objects.select_related("unit"), pk=person_id
    )


def _visible_unit(request, unit_id: int) -> Unit:
    return visible_or_404(request, "campaigns.view_unit", Unit.objects.all(), pk=unit_id)


def _history_page(request, name: str, unit_name: str, rows):
    return render(
        request,
        "awards/history.html",
        {
            "subject_name": name,
            "subject_unit": unit_name,
            "rows": rows,
            "breadcrumbs": [(_("Lịch sử khen thưởng"), None), (name, None)],
        },
    )


@permission_required("campaigns.view_person", fn=_visible_person)
def person_history(request, person_id: int):
    person = _visible_person(request, person_id)
    return _history_page(
        request, person.full_name, person.unit.name, selectors.award_history_for_person(person)
    )


@permission_required("campaigns.view_unit", fn=_visible_unit)
def unit_history(request, unit_id: int):
    unit = _visible_unit(request, unit_id)
    return _history_page(request, unit.name, "", selectors.award_history_for_unit(unit))
