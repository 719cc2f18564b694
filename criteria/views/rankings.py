"""Dân vận chính quyền results: the list, and the browser import (upload → preview → confirm)."""

import hashlib
import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from criteria.forms import RankingUploadForm
from criteria.models import UnitRanking
from criteria.rankings import apply_rankings, parse_rankings, template_workbook

SESSION_KEY = "criteria_ranking_import"
TEMPLATE_NAME = "mau-xep-hang-dan-van-chinh-quyen.xlsx"


def _crumbs(last=None):
    crumbs = [(_("Kết quả dân vận chính quyền"), reverse("criteria:rankings") if last else None)]
    if last:
        crumbs.append((last, None))
    return crumbs


@login_required
def rankings(request):
    if not request.user.has_perm("criteria.view_rankings"):
        raise PermissionDenied
    years = list(UnitRanking.objects.values_list("year", flat=True).distinct().order_by("-year"))
    year = request.GET.get("nam", "")
    year = int(year) if year.isdigit() and int(year) in years else (years[0] if years else None)
    rows = (
        UnitRanking.objects.filter(year=year)
        .select_related("unit")
        .order_by("group_label", "rank", "unit__name")
    )
    page = Paginator(rows, 100).get_page(request.GET.get("trang"))
    return render(
        request,
        "criteria/rankings.html",
        {
            "years": years,
            "year": year,
            "page": page,
            "can_import": request.user.has_perm("criteria.import_rankings"),
            "breadcrumbs": _crumbs(),
        },
    )


@login_required
def rankings_template(request):
    if not request.user.has_perm("criteria.import_rankings"):
        raise PermissionDenied
    response = HttpResponse(
        template_workbook(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_NAME}"'
    return response


def _forget(request) -> None:
    pending = request.session.pop(SESSION_KEY, None)
    if pending:
        default_storage.delete(pending["name"])


@login_required
def rankings_import(request):
    """Upload: read and check the whole file, show every row with its errors; nothing is written."""
    if not request.user.has_perm("criteria.import_rankings"):
        raise PermissionDenied
    form = RankingUploadForm(request.POST or None, request.FILES or None)
    parsed = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > settings.UPLOAD_MAX_BYTES:
            form.add_error("file", _("Tệp quá lớn. Hãy tách tệp hoặc bỏ các trang tính không cần thiết."))
        else:
            data = upload.read()
            parsed = parse_rankings(data, upload.name, form.cleaned_data["year"])
            if parsed.file_error:
                form.add_error("file", parsed.file_error)
                parsed = None
            else:
                _forget(request)
                if parsed.ok:
                    # Keep the checked file until the user confirms; the confirm step reads it again.
                    ext = ".xlsx" if data[:4] == b"PK\x03\x04" else ".csv"
                    name = default_storage.save(
                        f"imports/rankings/{uuid.uuid4().hex}{ext}", ContentFile(data)
                    )
                    request.session[SESSION_KEY] = {
                        "name": name,
                        "filename": upload.name,
                        "year": parsed.year,
                        "sha256": hashlib.sha256(data).hexdigest(),
                    }
    return render(
        request,
        "criteria/rankings_import.html",
        {
            "form": form,
            "parsed": parsed,
            "error_rows": {e.row for e in parsed.errors} if parsed else set(),
            "breadcrumbs": _crumbs(_("Nhập kết quả")),
        },
    )


@login_required
@require_POST
def rankings_confirm(request):
    """Confirm: read the kept file again, check again, write all rows in one transaction."""
    if not request.user.has_perm("criteria.import_rankings"):
        raise PermissionDenied
    pending = request.session.get(SESSION_KEY)
    if not pending or request.POST.get("sha256") != pending["sha256"]:
        messages.error(request, _("Phiên nhập đã hết hoặc tệp đã đổi. Hãy tải tệp lên lại."))
        return redirect("criteria:rankings_import")
    try:
        with default_storage.open(pending["name"], "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        request.session.pop(SESSION_KEY, None)
        messages.error(request, _("Không còn tệp đã tải lên. Hãy tải tệp lên lại."))
        return redirect("criteria:rankings_import")
    parsed = parse_rankings(data, pending["filename"], pending["year"])
    if not parsed.ok:
        # Units may have changed since the preview: show the new errors, write nothing.
        _forget(request)
        messages.error(
            request, _("Dữ liệu đã thay đổi từ lúc xem trước và tệp không còn hợp lệ. Hãy tải lên lại.")
        )
        return redirect("criteria:rankings_import")
    result = apply_rankings(actor=request.user, parsed=parsed)
    _forget(request)
    messages.success(
        request,
        _("Đã nhập kết quả năm %(year)s: %(created)s đơn vị mới, %(updated)s đơn vị cập nhật.")
        % {"year": parsed.year, "created": result.created, "updated": result.updated},
    )
    return redirect(f"{reverse('criteria:rankings')}?nam={parsed.year}")
