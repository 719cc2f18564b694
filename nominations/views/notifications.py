"""The user's notifications in the portal."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nominations.models import Notification
from nominations.services import notifications as service
from portal.web import paginate, permission_required

PAGE_SIZE = 30


@permission_required("nominations.view_notifications")
def notifications(request):
    qs = Notification.objects.filter(user=request.user).select_related("nomination")
    return render(
        request,
        "nominations/notifications.html",
        {"page": paginate(request, qs, PAGE_SIZE), "breadcrumbs": [(_("Thông báo"), None)]},
    )


@permission_required("nominations.view_notifications")
@require_POST
def mark_read(request):
    count = service.mark_all_read(user=request.user)
    if count:
        messages.success(request, _("Đã đánh dấu %(n)s thông báo là đã đọc.") % {"n": count})
    return redirect("nominations:notifications")
