"""Home page per role."""

from django.shortcuts import render

from campaigns import roles
from portal.navigation import entries_for
from portal.web import permission_required


@permission_required("portal.view_home")
def home(request):
    role = roles.primary_role(request.user)
    return render(
        request,
        "home.html",
        {"role": role, "cards": entries_for(request.user), "breadcrumbs": []},
    )
