"""Root URLs: the portal's shared pages, the admin, then each app's own urls."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("portal.urls")),
    path("quan-tri/", admin.site.urls),
    path("", include("campaigns.urls")),
    path("", include("documents.urls")),
    path("", include("criteria.urls")),
    path("", include("practices.urls")),
    path("", include("nominations.urls")),
    path("", include("awards.urls")),
    path("", include("reports.urls")),
]

handler400 = "portal.views.errors.bad_request"
handler403 = "portal.views.errors.permission_denied"
handler404 = "portal.views.errors.page_not_found"
handler500 = "portal.views.errors.server_error"
