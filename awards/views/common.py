"""Helpers of the awards views: the permission decorator and turning service errors into messages."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator


def requires(perm: str):
    """Sign-in first, then the view-level permission (403 when missing)."""

    def decorate(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(perm):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def report(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def page_of(request, items, per_page: int = 50):
    return Paginator(items, per_page).get_page(request.GET.get("trang"))
