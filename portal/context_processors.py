from django.conf import settings

from campaigns import roles
from portal.navigation import entries_for, menu_for


def portal(request):
    user = getattr(request, "user", None)
    authenticated = bool(user and user.is_authenticated)
    role = roles.primary_role(user) if authenticated else None
    return {
        "PORTAL_NAME": settings.PORTAL_NAME,
        "user_role": role,
        "user_role_label": roles.ROLE_LABELS.get(role, "") if role else "",
        "user_unit": roles.unit_of(user) if authenticated else None,
        "user_display_name": roles.display_name(user) if authenticated else "",
        "nav_menu": menu_for(entries_for(user)) if authenticated else [],
    }
