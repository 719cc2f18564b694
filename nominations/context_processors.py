"""Unread notifications for the navigation bar (add "nominations.context_processors.notifications")."""

from nominations.services.notifications import unread_count


def notifications(request):
    user = getattr(request, "user", None)
    return {"unread_notifications": unread_count(user) if user is not None else 0}
