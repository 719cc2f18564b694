"""Pages of good practices for signed-in users: library, register, a page per practice, its changes.

Thin views: the guard checks the permission, the view calls practices.services and renders or redirects.
Objects outside the user's scope are 404 (their existence is not disclosed); refused state changes come
back as messages.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns import roles
from campaigns.selectors import visible_people
from portal.web import act, paginate, permission_required, submit_form
from practices import selectors, services
from practices.forms import FeatureForm, LibraryFilterForm, PracticeFileForm, PracticeForm, RecogniseForm
from practices.models import PracticeFile, PracticeState
from practices.storage import file_response

PAGE_SIZE = 20


def uploaded(item) -> str:
    """The message of a file added to a practice or a difficulty."""
    return _("Đã tải lên “%(name)s”.") % {"name": item.original_name}


def _practice(request, pk, **kwargs):
    """A practice the user may open (its own tree, the province, or a published one): else 404."""
    return get_object_or_404(
        selectors.practices_in_scope(request.user).select_related("unit", "unit__cluster", "person"), pk=pk
    )


def _managed_practice(request, pk, **kwargs):
    """A practice of the user's register (own tree, or the province for Sở Nội vụ): else 404."""
    return get_object_or_404(selectors.register_for(request.user), pk=pk)


def _detail(pk) -> str:
    return reverse("practices:practice_detail", args=[pk])


def _people_for(user, practice=None):
    people = visible_people(user).select_related("unit").order_by("search_name", "pk")
    if practice is not None:
        people = people.filter(unit=practice.unit)
    return people


@permission_required("practices.view_library")
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
    return render(
        request,
        "practices/library.html",
        {
            "form": form,
            "page": paginate(request, practices, PAGE_SIZE),
            "can_register": request.user.has_perm("practices.register_practice"),
            "can_view_register": request.user.has_perm("practices.view_register"),
            "breadcrumbs": [(_("Mô hình hay, cách làm sáng tạo"), None)],
        },
    )


@permission_required("practices.view_register")
def register(request):
    state = request.GET.get("state", "")
    practices = selectors.register_for(request.user)
    if state in PracticeState.values:
        practices = practices.filter(state=state)
    return render(
        request,
        "practices/register.html",
        {
            "page": paginate(request, practices, PAGE_SIZE),
            "state": state,
            "states": PracticeState.choices,
            "can_register": request.user.has_perm("practices.register_practice"),
            "is_noivu": roles.has_role(request.user, roles.NOIVU_STAFF, roles.NOIVU_MANAGER),
            "breadcrumbs": [
                (_("Mô hình hay, cách làm sáng tạo"), reverse("practices:library")),
                (_("Sổ đăng ký mô hình"), None),
            ],
        },
    )


@permission_required("practices.view_practice", fn=_practice)
def practice_detail(request, pk):
    practice = _practice(request, pk)
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


@permission_required("practices.register_practice")
def practice_create(request):
    people = _people_for(request.user)
    form = PracticeForm(request.POST or None, request.FILES or None, people=people)
    ok, practice = submit_form(
        request,
        form,
        services.register_practice,
        success=lambda practice: _("Đã đăng ký mô hình “%(name)s”.") % {"name": practice.name},
    )
    if ok:
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


@permission_required("practices.change_practice", fn=_managed_practice)
def practice_edit(request, pk):
    practice = _managed_practice(request, pk)
    if not practice.is_editable:
        messages.error(request, _("Mô hình đã được công nhận nên không sửa được nữa."))
        return redirect("practices:practice_detail", pk=pk)
    form = PracticeForm(
        request.POST or None, instance=practice, people=_people_for(request.user, practice), with_files=False
    )
    ok, _saved = submit_form(
        request, form, services.update_practice, success=_("Đã lưu thay đổi."), practice=practice
    )
    if ok:
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


@require_POST
@permission_required("practices.change_practice", fn=_managed_practice)
def practice_file_add(request, pk):
    return act(
        request,
        services.add_practice_file,
        back=_detail(pk),
        success=uploaded,
        form=PracticeFileForm(request.POST, request.FILES),
        values=lambda data: {"checked": data["upload"], "role": data["role"], "caption": data["caption"]},
        practice=_managed_practice(request, pk),
    )


@require_POST
@permission_required("practices.change_practice", fn=_managed_practice)
def practice_file_delete(request, pk, file_pk):
    practice = _managed_practice(request, pk)
    item = get_object_or_404(PracticeFile, pk=file_pk, practice=practice)
    return act(
        request,
        services.remove_practice_file,
        back=_detail(pk),
        success=_("Đã xóa tệp “%(name)s”.") % {"name": item.original_name},
        practice_file=item,
    )


@permission_required("practices.view_practice", fn=_practice)
def practice_file(request, pk, file_pk):
    item = get_object_or_404(PracticeFile, pk=file_pk, practice_id=pk)
    return file_response(item, inline=item.role == PracticeFile.Role.PHOTO)


def _recognisable(request, pk):
    return get_object_or_404(selectors.register_for(request.user).select_related("unit", "person"), pk=pk)


@permission_required("practices.recognise_practice", fn=_recognisable)
def practice_recognise(request, pk):
    practice = _recognisable(request, pk)
    if practice.state != PracticeState.REGISTERED:
        messages.info(request, _("Mô hình này đã được công nhận."))
        return redirect("practices:practice_detail", pk=pk)
    form = RecogniseForm(request.POST or None)
    ok, _saved = submit_form(
        request,
        form,
        services.recognise_practice,
        success=_("Đã ghi nhận quyết định công nhận mô hình."),
        practice=practice,
    )
    if ok:
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


@require_POST
@permission_required("practices.feature_practice", fn=_managed_practice)
def practice_feature(request, pk):
    practice = _managed_practice(request, pk)
    form = FeatureForm(request.POST)
    return act(
        request,
        services.feature_practice,
        back=_detail(pk),
        success=_("Mô hình đã được chọn làm điển hình nhân rộng và công khai."),
        practice=practice,
        comment=form.cleaned_data["comment"] if form.is_valid() else "",
    )
