"""Queries shared by pages, services and reports: what a user may see of units and people."""

from django.db.models import QuerySet

from campaigns import roles
from campaigns.models import Person, Unit

# Who sees the rows of every unit (their own Sở Nội vụ work, the province's leaders).
PROVINCE_STAFF = (roles.NOIVU_STAFF, roles.NOIVU_MANAGER, roles.LEADER)


def in_user_tree(user, qs: QuerySet, *, path: str = "unit__path", wide=PROVINCE_STAFF) -> QuerySet:
    """The rows of `qs` the user may see by the unit tree: all of them for the `wide` roles, those whose
    unit (`path`) is the user's unit or below it for a unit's head and officers, none for anyone else."""
    if roles.has_role(user, *wide):
        return qs
    own = roles.unit_of(user)
    if own is None or not roles.has_role(user, roles.UNIT_HEAD, roles.UNIT_OFFICER):
        return qs.none()
    return qs.filter(**{f"{path}__startswith": own.path})


def visible_units(user) -> QuerySet[Unit]:
    """Units the user may see: the whole province for province-wide roles, else their subtree."""
    return in_user_tree(user, Unit.objects.all(), path="path", wide=roles.PROVINCE_WIDE_ROLES)


def visible_people(user) -> QuerySet[Person]:
    """People the user may see: all for Sở Nội vụ and leaders, else those of their subtree."""
    return in_user_tree(user, Person.objects.all())
