"""The view helpers every app uses: one guard, one paginator, one way to call a service and show its error.

Apps may import this module (and portal.transitions, portal.admin_base); nothing else of portal, which sits
on top of every app (docs/architecture.md).
"""

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from rules.contrib.views import permission_required as rules_permission_required

# The one query-string name of the page number on every list.
PAGE_PARAM = "page"


def permission_required(perm: str | tuple[str, ...], fn: Callable | None = None):
    """The one view guard: sign in (redirect), then the rules permission on the object `fn` returns (403).

    `fn(request, *args, **kwargs)` loads the object; it should raise Http404 for an id that does not exist.
    """

    def decorate(view):
        guarded = rules_permission_required(perm, fn=fn, raise_exception=True)(view)
        return login_required(wraps(view)(guarded))

    return decorate


def visible_or_404(request, perm: str, queryset, **lookup):
    """The row of `queryset` matching `lookup` if the user has `perm` on it; 404 otherwise, as for a row
    that does not exist (another unit's row is not shown to exist)."""
    row = get_object_or_404(queryset, **lookup)
    if not request.user.has_perm(perm, row):
        raise Http404
    return row


def paginate(request, items, per_page: int = 50) -> Page:
    """The page of `items` the request asks for (?page=N); junk or out-of-range numbers give the nearest."""
    return Paginator(items, per_page).get_page(request.GET.get(PAGE_PARAM))


def show_errors(request, error: ValidationError) -> None:
    """Each message of a service's ValidationError as an error message on the next page."""
    for message in error.messages:
        messages.error(request, message)


def call_service(
    request,
    service: Callable[..., Any],
    /,
    *,
    success: str | Callable[[Any], str] = "",
    form=None,
    **kwargs,
) -> tuple[bool, Any]:
    """Run `service(**kwargs)`; on ValidationError show its sentences and return (False, None).

    With `form`, the sentences go onto the form (beside the field the service named) for the page to draw
    again; without it they become error messages on the next page. On success, `success` (a sentence, or
    a function of the result giving one) becomes a success message and the result is returned as
    (True, result). PermissionDenied is not caught: it becomes the 403 page.
    """
    try:
        result = service(**kwargs)
    except ValidationError as error:
        if form is not None:
            add_service_error(form, error)
        else:
            show_errors(request, error)
        return False, None
    if success:
        messages.success(request, success(result) if callable(success) else success)
    return True, result


def submit_form(
    request,
    form,
    service: Callable[..., Any],
    /,
    *,
    success: str | Callable[[Any], str] = "",
    values: Callable[[dict], dict] | None = None,
    **kwargs,
) -> tuple[bool, Any]:
    """A form page's POST: `service(actor=request.user, **kwargs, **form values)` through call_service.

    The form values are `values(form.cleaned_data)`, or all of them. Only a POST with a valid form calls
    the service; otherwise, and when the service refuses (its sentences onto the form), (False, None) says
    the page should draw the form again.
    """
    if request.method != "POST" or not form.is_valid():
        return False, None
    data = values(form.cleaned_data) if values else form.cleaned_data
    return call_service(request, service, form=form, success=success, actor=request.user, **kwargs, **data)


def act(
    request,
    service: Callable[..., Any],
    /,
    *,
    back: str,
    success: str | Callable[[Any], str] = "",
    form=None,
    values: Callable[[dict], dict] | None = None,
    **kwargs,
) -> HttpResponseRedirect:
    """A button or a small form posted from a page it goes back to (`back`: an address or a url name, as
    for redirect): `service(actor=request.user, **kwargs, **form values)` through call_service, its
    refusal as a message. With `form`, its values are `values(form.cleaned_data)` or all of them, and an
    invalid form's errors become messages instead (show_form_errors): the service is not called.
    """
    if form is not None:
        if not form.is_valid():
            show_form_errors(request, form)
            return redirect(back)
        kwargs |= values(form.cleaned_data) if values else form.cleaned_data
    call_service(request, service, success=success, actor=request.user, **kwargs)
    return redirect(back)


def show_form_errors(request, form) -> None:
    """The errors of a small form posted from a page the view goes back to, as messages on that page,
    each with its field's label."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for message in errors:
            messages.error(request, f"{label}: {message}" if label else message)


def add_service_error(form, error: ValidationError) -> None:
    """A service's ValidationError onto a bound form: field errors where the service named a field."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def markup_key(*inputs) -> str:
    """A key for markup rendered from these inputs alone (and the language): a page keeps the markup in the
    cache under it (`{% cache 600 name key %}`). Other inputs are another key, so nothing stale shows; the
    inputs must be every value the fragment prints (a list of row dicts, say), not ids of what they show."""
    return hashlib.sha256(repr((get_language(), inputs)).encode()).hexdigest()


def form_markup_key(form) -> str:
    """A key for the rendered markup of a form's fields: its prefix, the values submitted or its initial
    values, every list of choices it offers and its errors (markup_key)."""
    return markup_key(
        form.prefix,
        sorted((key, values) for key, values in form.data.lists() if key in form.fields),
        sorted((key, str(value)) for key, value in form.initial.items()),
        [
            (name, [(str(value), str(label)) for value, label in field.choices])
            for name, field in form.fields.items()
            if hasattr(field, "choices")
        ],
        sorted((name, [str(e) for e in errors]) for name, errors in form.errors.items()),
    )
