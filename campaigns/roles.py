"""The portal's roles (Django groups, DESIGN.md) and what each user's role and unit are."""

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

NOIVU_STAFF = "noivu_staff"
NOIVU_MANAGER = "noivu_manager"
COUNCIL_MEMBER = "council_member"
UNIT_HEAD = "unit_head"
UNIT_OFFICER = "unit_officer"
LEADER = "leader"

ROLE_LABELS = {
    NOIVU_STAFF: _("Chuyên viên Ban Thi đua – Khen thưởng (Sở Nội vụ)"),
    NOIVU_MANAGER: _("Trưởng Ban Thi đua – Khen thưởng (Sở Nội vụ)"),
    COUNCIL_MEMBER: _("Thành viên Hội đồng Thi đua – Khen thưởng tỉnh"),
    UNIT_HEAD: _("Thủ trưởng đơn vị"),
    UNIT_OFFICER: _("Cán bộ phụ trách thi đua của đơn vị"),
    LEADER: _("Lãnh đạo UBND tỉnh"),
}
ROLES = tuple(ROLE_LABELS)
# Roles whose view is the whole province rather than one unit's subtree.
PROVINCE_WIDE_ROLES = (NOIVU_STAFF, NOIVU_MANAGER, LEADER, COUNCIL_MEMBER)


def role_names(user) -> set[str]:
    """The user's role names, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_portal_roles", None)
    if cached is None:
        cached = set(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
        user._portal_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(role_names(user) & set(roles))


def primary_role(user) -> str | None:
    """The one role that decides the user's home page (first in DESIGN.md's order)."""
    names = role_names(user)
    return next((r for r in ROLES if r in names), None)


def unit_of(user):
    """The user's unit, or None (cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_portal_unit"):
        from .models import Membership

        membership = Membership.objects.select_related("unit").filter(user=user).first()
        user._portal_unit = membership.unit if membership else None
    return user._portal_unit


def with_roles_and_unit(users: QuerySet) -> QuerySet:
    """Users with their roles (one EXISTS per role) and their unit joined: what every page asks, in one query.

    The signed-in user is loaded this way on each request (emulation_portal.auth_backends); call
    remember_roles_and_unit() on a loaded user so that role_names() and unit_of() read no more.
    """
    from django.contrib.auth.models import Group

    flags = {
        f"portal_role_{name}": Exists(Group.objects.filter(user=OuterRef("pk"), name=name)) for name in ROLES
    }
    return users.select_related("membership__unit").annotate(**flags)


def remember_roles_and_unit(user) -> None:
    """Keep on the user what with_roles_and_unit() read, as role_names() and unit_of() cache it."""
    user._portal_roles = {name for name in ROLES if getattr(user, f"portal_role_{name}")}
    membership = getattr(user, "membership", None)  # no membership: Django raises an AttributeError
    user._portal_unit = membership.unit if membership else None
