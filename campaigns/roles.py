"""The portal's roles (Django groups, DESIGN.md) and what each user's role and unit are."""

from django.db.models import QuerySet
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


def display_name(user) -> str:
    """Vietnamese order: family and middle names first ('Nguyễn Văn' + 'An')."""
    name = f"{user.last_name} {user.first_name}".strip()
    return name or user.get_username()


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
        from campaigns.models import Membership

        membership = Membership.objects.select_related("unit").filter(user=user).first()
        user._portal_unit = membership.unit if membership else None
    return user._portal_unit


def with_unit(users: QuerySet) -> QuerySet:
    """Users with their unit joined (one query): the signed-in user is loaded this way on each request.

    Call remember_unit() on a loaded user so that unit_of() reads no more. The roles stay a query of
    their own: one EXISTS per role costs PostgreSQL more planning than a plain query runs.
    """
    return users.select_related("membership__unit")


def remember_unit(user) -> None:
    """Keep on the user the unit that with_unit() read, as unit_of() caches it."""
    membership = getattr(user, "membership", None)  # no membership: Django raises an AttributeError
    user._portal_unit = membership.unit if membership else None
