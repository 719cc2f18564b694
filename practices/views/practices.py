"""Pages of good practices for signed-in users: library, register, a page per practice, its changes.

Thin views: check permission, call practices.services, render or redirect. Objects outside the user's
scope are 404 (their existence is not disclosed); refused state changes come back as messages.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rules.contrib.views import permission_required

from campaigns import roles
from campaigns.selectors import visible_people
from practices import selectors, services
from practices.forms import FeatureForm, LibraryFilterForm, PracticeFileForm, PracticeForm, RecogniseForm
from practices.models import PracticeFile, PracticeState
from practices.storage import file_response
from practices.views.helpers import form_errors_as_messages

PAGE_SIZE = 20


def _add_errors(form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


def _managed_practice(request, pk):
    """A practice of the user's register (own tree, or the province for Sở Nội vụ): else 404."""
    return get_object_or_404(selectors.register_for(request.user), pk=pk)


def _people_for(user, practice=None):
    people = visible_people(user).select_related("unit").order_by("search_name", "pk")
    if practice is not None:
        people = people.filter(unit=practice.unit)
    return people


@login_required
@permission_required("practices.view_library", raise_exception=True)
def library(request):
    form = LibraryFilterForm(request.GET or None, years=selectors.library_years())
    # A bad filter value (an unknown year) drops that filter only: the others still apply.
    filters = {}
    if form.is_bound:
        form.is_valid()
        filters = form.cleaned_data
    practices = selectors.library(
        q=filters.get("q") or "",
        field=filters.get("field") or "",
        unit_kind=filters.get("unit_kind") or "",
        cluster_id=filters["cluster"].pk if filters.get("cluster") else None,
        year=filters.get("year"),
    )
    page = Paginator(practices, PAGE_SIZE).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    return render(
        request,
        "practices/library.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_register": request.user.has_perm("practices.register_practice"),
            "can_view_register": request.user.has_perm("practices.view_register"),
            "breadcrumbs": [(_("Mô hình hay, cách làm sáng tạo"), None)],
        },
    )


@login_required
@permission_required("practices.view_register", raise_exception=True)
def register(request):
    state = request.GET.get("trang-thai", "")
    practices = selectors.register_for(request.user)
    if state in PracticeState.values:
        practices = practices.filter(state=state)
    page = Paginator(practices, PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(
        request,
        "practices/register.html",
        {
            "page": page,
            "state": state,
            "states": PracticeState.choices,
            "query": f"trang-thai={state}" if state else "",
            "can_register": request.user.has_perm("practices.register_practice"),
            "is_noivu": roles.has_role(request.user, roles.NOIVU_STAFF, roles.NOIVU_MANAGER),
            "breadcrumbs": [
                (_("Mô hình hay, cách làm sáng tạo"), reverse("practices:library")),
                (_("Sổ đăng ký mô hình"), None),
            ],
        },
    )


@login_required
def practice_detail(request, pk):
    practice = get_object_or_404(
        selectors.practices_in_scope(request.user).select_related("unit", "unit__cluster", "person"), pk=pk
    )
    if not request.user.has_perm("practices.view_practice", practice):
        raise PermissionDenied
    user = request.user
    managed = selectors.register_for(user).filter(pk=pk).exists()
    files = list(practice.files.all())
    events = list(practice.events.select_related("actor")) if managed else []
    can_change = managed and practice.is_editable and user.has_perm("practices.change_practice", practice)
    return render(
        request,
        "practices/detail.html",
        {
            "practice": practice,
            "photos": [f for f in files if f.role == PracticeFile.Role.PHOTO],
            "documents": [f for f in files if f.role == PracticeFile.Role.DOCUMENT],
            "events": events,
            "can_change": can_change,
            "can_recognise": practice.state == PracticeState.REGISTERED
            and user.has_perm("practices.recognise_practice", practice),
            "can_feature": practice.state == PracticeState.RECOGNISED
            and user.has_perm("practices.feature_practice", practice),
            "file_form": PracticeFileForm() if can_change else None,
            "feature_form": FeatureForm(),
            "breadcrumbs": [
                (_("Mô hình hay, cách làm sáng tạo"), reverse("practices:library")),
                (practice.name, None),
            ],
        },
    )


@login_required
@permission_required("practices.register_practice", raise_exception=True)
def practice_create(request):
    people = _people_for(request.user)
    form = PracticeForm(request.POST or None, request.FILES or None, people=people)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            practice = services.register_practice(actor=request.user, **data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Đã đăng ký mô hình “%(name)s”.") % {"name": practice.name})
            return redirect("practices:practice_detail", pk=practice.pk)
    return render(
        request,
        "practices/form.html",
        {
            "form": form,
            "title": _("Đăng ký mô hình, cách làm hay"),
            "breadcrumbs": [
                (_("Mô hình hay, cách làm sáng tạo"), reverse("practices:library")),
                (_("Đăng ký mô hình"), None),
            ],
        },
    )


@login_required
def practice_edit(request, pk):
    practice = _managed_practice(request, pk)
    if not request.user.has_perm("practices.change_practice", practice):
        raise PermissionDenied
    if not practice.is_editable:
        messages.error(request, _("Mô hình đã được công nhận nên không sửa được nữa."))
        return redirect("practices:practice_detail", pk=pk)
    form = PracticeForm(
        request.POST or None, instance=practice, people=_people_for(request.user, practice), with_files=False
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_practice(actor=request.user, practice=practice, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("practices:practice_detail", pk=pk)
    return render(
        request,
        "practices/form.html",
        {
            "form": form,
            "practice": practice,
            "title": _("Sửa mô hình"),
            "breadcrumbs": [
                (_("Mô hình hay, cách làm sáng tạo"), reverse("practices:library")),
                (practice.name, reverse("practices:practice_detail", args=[pk])),
                (_("Sửa"), None),
            ],
        },
    )


@login_required
@require_POST
def practice_file_add(request, pk):
    practice = _managed_practice(request, pk)
    if not request.user.has_perm("practices.change_practice", practice):
        raise PermissionDenied
    form = PracticeFileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            item = services.add_practice_file(
                actor=request.user,
                practice=practice,
                checked=form.cleaned_data["checked"],
                role=form.cleaned_data["role"],
                caption=form.cleaned_data["caption"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Đã tải lên “%(name)s”.") % {"name": item.original_name})
    else:
        form_errors_as_messages(request, form)
    return redirect("practices:practice_detail", pk=pk)


@login_required
@require_POST
def practice_file_delete(request, pk, file_pk):
    practice = _managed_practice(request, pk)
    item = get_object_or_404(PracticeFile, pk=file_pk, practice=practice)
    if not request.user.has_perm("practices.change_practice", practice):
        raise PermissionDenied
    try:
        services.remove_practice_file(actor=request.user, practice_file=item)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã xóa tệp “%(name)s”.") % {"name": item.original_name})
    return redirect("practices:practice_detail", pk=pk)


@login_required
def practice_file(request, pk, file_pk):
    practice = get_object_or_404(selectors.practices_in_scope(request.user), pk=pk)
    if not request.user.has_perm("practices.view_practice", practice):
        raise PermissionDenied
    item = get_object_or_404(PracticeFile, pk=file_pk, practice=practice)
    return file_response(item, inline=item.role == PracticeFile.Role.PHOTO)


@login_required
def practice_recognise(request, pk):
    practice = get_object_or_404(selectors.register_for(request.user).select_related("unit", "person"), pk=pk)
    if not request.user.has_perm("practices.recognise_practice", practice):
        raise PermissionDenied
    if practice.state != PracticeState.REGISTERED:
        messages.info(request, _("Mô hình này đã được công nhận."))
        return redirect("practices:practice_detail", pk=pk)
    form = RecogniseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.recognise_practice(actor=request.user, practice=practice, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Đã ghi nhận quyết định công nhận mô hình."))
            return redirect("practices:practice_detail", pk=pk)
    return render(
        request,
        "practices/recognise.html",
        {
            "form": form,
            "practice": practice,
            "breadcrumbs": [
                (_("Sổ đăng ký mô hình"), reverse("practices:register")),
                (practice.name, reverse("practices:practice_detail", args=[pk])),
                (_("Công nhận"), None),
            ],
        },
    )


@login_required
@require_POST
def practice_feature(request, pk):
    practice = get_object_or_404(selectors.register_for(request.user), pk=pk)
    if not request.user.has_perm("practices.feature_practice", practice):
        raise PermissionDenied
    form = FeatureForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    try:
        services.feature_practice(actor=request.user, practice=practice, comment=comment)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Mô hình đã được chọn làm điển hình nhân rộng và công khai."))
    return redirect("practices:practice_detail", pk=pk)
