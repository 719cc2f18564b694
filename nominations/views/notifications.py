"""The user's notifications in the portal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nominations.models import Notification


@login_required
def notifications(request):
    qs = Notification.objects.filter(user=request.user).select_related("nomination")
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    return render(
        request,
        "nominations/notifications.html",
        {"page": page, "breadcrumbs": [(_("Thông báo"), None)]},
    )


@login_required
@require_POST
def mark_read(request):
    count = Notification.objects.filter(user=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    if count:
        messages.success(request, _("Đã đánh dấu %(n)s thông báo là đã đọc.") % {"n": count})
    return redirect("nominations:notifications")
