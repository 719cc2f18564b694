"""Queries shared by pages, services and reports: what a user may see of units and people."""

from django.db.models import QuerySet

from campaigns import roles
from campaigns.models import Person, Unit


def visible_units(user) -> QuerySet[Unit]:
    """Units the user may see: the whole province for province-wide roles, else their subtree."""
    if roles.has_role(user, *roles.PROVINCE_WIDE_ROLES):
        return Unit.objects.all()
    own = roles.unit_of(user)
    if own is None or not roles.has_role(user, roles.UNIT_HEAD, roles.UNIT_OFFICER):
        return Unit.objects.none()
    return Unit.objects.subtree_of(own)


def visible_people(user) -> QuerySet[Person]:
    """People the user may see: all for Sở Nội vụ and leaders, else those of their subtree."""
    if roles.has_role(user, roles.NOIVU_STAFF, roles.NOIVU_MANAGER, roles.LEADER):
        return Person.objects.all()
    own = roles.unit_of(user)
    if own is None or not roles.has_role(user, roles.UNIT_HEAD, roles.UNIT_OFFICER):
        return Person.objects.none()
    return Person.objects.filter(unit__path__startswith=own.path)
