"""Pages of the directory: units (tree, validity, successors), clusters, people; XLSX exports.

A unit's user sees only their unit's subtree whatever the URL: every object comes from
selectors.visible_units / visible_people, so another unit's id is a 404.
"""

from django.db.models import Count, F
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.exports import XLSX_CONTENT_TYPE, people_workbook, units_workbook
from campaigns.filters import PersonFilterForm, UnitFilterForm
from campaigns.models import Cluster, Person, Unit
from campaigns.selectors import visible_people, visible_units
from portal.web import PAGE_PARAM, form_markup_key, paginate, permission_required

PAGE_SIZE = 50
# The people list shows these columns only (the export reads every column).
PERSON_LIST_COLUMNS = (
    "full_name",
    "gender",
    "date_of_birth",
    "position",
    "category",
    "is_leadership",
    "is_direct_worker",
    "personal_id",
    "unit__name",
)
# A name search with up to this many matches sorts them after the trigram index found them; with
# more, walking the name index in order until a page is full is cheaper (the planner cannot tell:
# matches of "nguyen van" all sit in the middle of the alphabet).
SORT_MATCHES_LIMIT = 4000


def _query_without_page(request) -> str:
    """The filters, for the export links."""
    query = request.GET.copy()
    query.pop(PAGE_PARAM, None)
    return query.urlencode()


def _xlsx_response(data: bytes, stem: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{stem}-{stamp}.xlsx"'
    return response


@permission_required("campaigns.view_unit_list")
def unit_list(request):
    units = visible_units(request.user)
    form = UnitFilterForm(request.GET or None, units=units)
    page = paginate(request, form.filter(units), PAGE_SIZE)
    return render(
        request,
        "campaigns/directory/unit_list.html",
        {
            "form": form,
            "form_key": form_markup_key(form),
            "page": page,
            "query": _query_without_page(request),
            "breadcrumbs": [(_("Đơn vị"), None)],
        },
    )


@permission_required("campaigns.view_unit_list")
def unit_export(request):
    units = visible_units(request.user)
    form = UnitFilterForm(request.GET or None, units=units)
    return _xlsx_response(units_workbook(form.filter(units)), "don-vi")


def _visible_unit(request, pk: int) -> Unit:
    """The unit if the user's directory holds it; 404 otherwise (another unit's id tells nothing)."""
    return get_object_or_404(visible_units(request.user).select_related("parent", "cluster"), pk=pk)


def _visible_person(request, pk: int) -> Person:
    return get_object_or_404(visible_people(request.user).select_related("unit", "unit__cluster"), pk=pk)


@permission_required("campaigns.view_unit", fn=_visible_unit)
def unit_detail(request, pk: int):
    unit = _visible_unit(request, pk)
    visible_ids = set(
        visible_units(request.user).filter(pk__in=unit.ancestor_ids).values_list("pk", flat=True)
    )
    ancestors = Unit.objects.filter(pk__in=unit.ancestor_ids).order_by("path")
    children = unit.children.select_related("cluster").annotate(people_count=Count("people")).order_by("name")
    lineage = Unit.objects.lineage_of(unit)
    counts = dict(
        Person.objects.filter(unit__in=[u.pk for u in lineage]).values_list("unit").annotate(n=Count("pk"))
    )
    visible_lineage = set(
        visible_units(request.user).filter(pk__in=[u.pk for u in lineage]).values_list("pk", flat=True)
    )
    successors = list(unit.successors.select_related("parent").order_by("name"))
    visible_successors = set(
        visible_units(request.user).filter(pk__in=[u.pk for u in successors]).values_list("pk", flat=True)
    )
    return render(
        request,
        "campaigns/directory/unit_detail.html",
        {
            "unit": unit,
            "ancestors": [(a, a.pk in visible_ids) for a in ancestors],
            "children": children,
            "people_count": unit.people.count(),
            "subtree_people_count": Person.objects.filter(unit__path__startswith=unit.path).count(),
            "lineage": [(u, counts.get(u.pk, 0), u.pk in visible_lineage) for u in lineage],
            "successors": [(u, u.pk in visible_successors) for u in successors],
            "breadcrumbs": [(_("Đơn vị"), reverse("campaigns:unit_list")), (unit.name, None)],
        },
    )


@permission_required("campaigns.view_cluster_list")
def cluster_list(request):
    clusters = (
        Cluster.objects.select_related("leader_unit", "deputy_unit")
        .annotate(unit_count=Count("units"))
        .order_by("kind", "name")
    )
    return render(
        request,
        "campaigns/directory/cluster_list.html",
        {
            "clusters": clusters,
            "breadcrumbs": [(_("Đơn vị"), reverse("campaigns:unit_list")), (_("Cụm, khối thi đua"), None)],
        },
    )


@permission_required("campaigns.view_person_list")
def person_list(request):
    form = PersonFilterForm(request.GET or None, units=visible_units(request.user))
    people = form.filter(visible_people(request.user)).only(*PERSON_LIST_COLUMNS)
    page = paginate(request, people, PAGE_SIZE)
    if form.value("q") and page.paginator.count <= SORT_MATCHES_LIMIT:
        # Same rows in the same order (search_name is never NULL), but NULLS FIRST does not match the
        # b-tree on search_name: PostgreSQL then reads the matches through the trigram index and sorts them.
        start = max(page.start_index() - 1, 0)
        page.object_list = people.order_by(F("search_name").asc(nulls_first=True), "pk")[
            start : start + PAGE_SIZE
        ]
    return render(
        request,
        "campaigns/directory/person_list.html",
        {
            "form": form,
            "form_key": form_markup_key(form),
            "page": page,
            "query": _query_without_page(request),
            "full_ids": request.user.has_perm("campaigns.view_personal_id"),
            "breadcrumbs": [(_("Cá nhân"), None)],
        },
    )


@permission_required("campaigns.view_person_list")
def person_export(request):
    form = PersonFilterForm(request.GET or None, units=visible_units(request.user))
    people = form.filter(visible_people(request.user))
    data = people_workbook(people, full_ids=request.user.has_perm("campaigns.view_personal_id"))
    return _xlsx_response(data, "ca-nhan")


@permission_required("campaigns.view_person", fn=_visible_person)
def person_detail(request, pk: int):
    person = _visible_person(request, pk)
    return render(
        request,
        "campaigns/directory/person_detail.html",
        {
            "person": person,
            "full_ids": request.user.has_perm("campaigns.view_personal_id"),
            "breadcrumbs": [(_("Cá nhân"), reverse("campaigns:person_list")), (person.full_name, None)],
        },
    )
