"""Dân vận chính quyền results: the list, and the upload that starts an import batch (preview → confirm)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from campaigns.exports import XLSX_CONTENT_TYPE
from campaigns.models import ImportBatch
from campaigns.views.imports import start_from_form
from criteria.forms import RankingUploadForm
from criteria.models import UnitRanking
from criteria.rankings import template_workbook
from portal.web import paginate, permission_required

TEMPLATE_NAME = "mau-xep-hang-dan-van-chinh-quyen.xlsx"


def _crumbs(last=None):
    crumbs = [(_("Kết quả dân vận chính quyền"), reverse("criteria:rankings") if last else None)]
    if last:
        crumbs.append((last, None))
    return crumbs


@permission_required("criteria.view_rankings")
def rankings(request):
    years = list(UnitRanking.objects.values_list("year", flat=True).distinct().order_by("-year"))
    year = request.GET.get("year", "")
    year = int(year) if year.isdigit() and int(year) in years else (years[0] if years else None)
    rows = (
        UnitRanking.objects.filter(year=year)
        .select_related("unit")
        .order_by("group_label", "rank", "unit__name")
    )
    return render(
        request,
        "criteria/rankings.html",
        {
            "years": years,
            "year": year,
            "page": paginate(request, rows, 100),
            "can_import": request.user.has_perm("criteria.import_rankings"),
            "breadcrumbs": _crumbs(),
        },
    )


@permission_required("criteria.import_rankings")
def rankings_template(request):
    response = HttpResponse(template_workbook(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_NAME}"'
    return response


@permission_required("criteria.import_rankings")
def rankings_import(request):
    """Upload a year's file: it becomes an import batch, previewed and confirmed like the directory's."""
    form = RankingUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        started = start_from_form(
            request, form, kind=ImportBatch.Kind.RANKINGS, year=form.cleaned_data["year"]
        )
        if started is not None:
            return started
    return render(
        request,
        "criteria/rankings_import.html",
        {"form": form, "breadcrumbs": _crumbs(_("Nhập kết quả"))},
    )
