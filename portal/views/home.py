"""Home page per role."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from campaigns import roles
from portal.navigation import entries_for


@login_required
def home(request):
    role = roles.primary_role(request.user)
    return render(
        request,
        "home.html",
        {"role": role, "cards": entries_for(request.user), "breadcrumbs": []},
    )
