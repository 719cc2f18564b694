"""Vietnamese error pages: nobody sees a stack trace."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request's context processors: the failure may be the database itself.
    return HttpResponseServerError(loader.get_template("500.html").render({}))
