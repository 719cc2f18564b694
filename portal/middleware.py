"""Security headers that neither Django nor django-csp sets; session expiry on inactivity."""

import time

from django.conf import settings


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # The Content-Security-Policy comes from django-csp (settings.CONTENT_SECURITY_POLICY).
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class SessionActivityMiddleware:
    """Sessions end after SESSION_COOKIE_AGE of inactivity without writing the session on every request.

    The expiry moves forward when the session is saved; a signed-in user's session is saved at most once
    every SESSION_REFRESH_SECONDS, so inactivity ends it within that margin of SESSION_COOKIE_AGE.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            seen = request.session.get("_seen")
            if not isinstance(seen, int) or now - seen >= settings.SESSION_REFRESH_SECONDS:
                request.session["_seen"] = now
        return self.get_response(request)


def mark_session_seen(sender, request, user, **kwargs):
    """Signing in counts as activity: the session saved by login() already carries the mark."""
    if request is not None and hasattr(request, "session"):
        request.session["_seen"] = int(time.time())
