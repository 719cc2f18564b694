"""Pages of difficulties (khó khăn, vướng mắc): a unit raises and follows; Sở Nội vụ handles.

A difficulty outside the user's scope is 404; refused changes come back as Vietnamese messages.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns import roles
from portal.web import act, paginate, permission_required, submit_form
from practices import selectors
from practices.forms import AnswerForm, CloseForm, DifficultyFileForm, DifficultyForm, ForwardForm
from practices.models import OPEN_STATES, DifficultyFile, DifficultyState, Topic
from practices.services import difficulties as services
from practices.storage import file_response
from practices.views.practices import uploaded

PAGE_SIZE = 25


def _in_scope(request, pk, **kwargs):
    """A difficulty of the user's scope (its unit's tree, or the province): else 404."""
    return get_object_or_404(selectors.difficulties_in_scope(request.user).select_related("unit"), pk=pk)


def _detail(pk) -> str:
    return reverse("practices:difficulty_detail", args=[pk])


@permission_required("practices.view_difficulties")
def difficulty_list(request):
    """Open ones oldest first with their age (the default view), or every difficulty by state/topic."""
    # Sở Nội vụ starts from its queue; a unit from everything it sent.
    is_noivu = roles.has_role(request.user, roles.NOIVU_STAFF, roles.NOIVU_MANAGER)
    show = request.GET.get("state") or ("open" if is_noivu else "all")
    topic = request.GET.get("topic", "")
    qs = selectors.difficulties_in_scope(request.user).select_related("unit")
    if show == "open":
        qs = qs.filter(state__in=OPEN_STATES).order_by("raised_at", "pk")
    elif show in DifficultyState.values:
        qs = qs.filter(state=show).order_by("-raised_at", "-pk")
    else:
        show = "all"
        qs = qs.order_by("-raised_at", "-pk")
    if topic in Topic.values:
        qs = qs.filter(topic=topic)
    else:
        topic = ""
    page = paginate(request, qs, PAGE_SIZE)
    today = timezone.localdate()
    for item in page.object_list:
        item.age = item.age_days(today)
    return render(
        request,
        "practices/difficulty_list.html",
        {
            "page": page,
            "show": show,
            "topic": topic,
            "topics": Topic.choices,
            "tabs": [("open", _("Đang chờ trả lời")), *DifficultyState.choices, ("all", _("Tất cả"))],
            "can_raise": request.user.has_perm("practices.raise_difficulty"),
            "breadcrumbs": [(_("Khó khăn, vướng mắc"), None)],
        },
    )


@permission_required("practices.raise_difficulty")
def difficulty_create(request):
    form = DifficultyForm(request.POST or None, request.FILES or None)
    ok, difficulty = submit_form(
        request, form, services.raise_difficulty, success=_("Đã gửi khó khăn, vướng mắc tới Sở Nội vụ.")
    )
    if ok:
        return redirect("practices:difficulty_detail", pk=difficulty.pk)
    return render(
        request,
        "practices/difficulty_form.html",
        {
            "form": form,
            "title": _("Gửi khó khăn, vướng mắc"),
            "breadcrumbs": [
                (_("Khó khăn, vướng mắc"), reverse("practices:difficulty_list")),
                (_("Gửi mới"), None),
            ],
        },
    )


@permission_required("practices.view_difficulty", fn=_in_scope)
def difficulty_detail(request, pk):
    difficulty = _in_scope(request, pk)
    user = request.user
    open_for_unit = not difficulty.is_closed and user.has_perm("practices.change_difficulty", difficulty)
    can_handle = not difficulty.is_closed and user.has_perm("practices.handle_difficulty", difficulty)
    return render(
        request,
        "practices/difficulty_detail.html",
        {
            "difficulty": difficulty,
            "age": difficulty.age_days(),
            "files": list(difficulty.files.all()),
            "events": list(difficulty.events.select_related("actor")),
            "can_change": open_for_unit,
            "can_handle": can_handle,
            "can_forward": can_handle and difficulty.state != DifficultyState.ANSWERED,
            "file_form": DifficultyFileForm() if open_for_unit else None,
            "answer_form": AnswerForm(initial={"answer": difficulty.answer}) if can_handle else None,
            "forward_form": ForwardForm() if can_handle else None,
            "close_form": CloseForm() if can_handle else None,
            "breadcrumbs": [
                (_("Khó khăn, vướng mắc"), reverse("practices:difficulty_list")),
                (difficulty.title, None),
            ],
        },
    )


@permission_required("practices.change_difficulty", fn=_in_scope)
def difficulty_edit(request, pk):
    difficulty = _in_scope(request, pk)
    if difficulty.is_closed:
        messages.error(request, _("Khó khăn, vướng mắc đã đóng nên không sửa được nữa."))
        return redirect("practices:difficulty_detail", pk=pk)
    form = DifficultyForm(request.POST or None, instance=difficulty, with_files=False)
    ok, _saved = submit_form(
        request, form, services.update_difficulty, success=_("Đã lưu thay đổi."), difficulty=difficulty
    )
    if ok:
        return redirect("practices:difficulty_detail", pk=pk)
    return render(
        request,
        "practices/difficulty_form.html",
        {
            "form": form,
            "difficulty": difficulty,
            "title": _("Sửa, bổ sung khó khăn, vướng mắc"),
            "breadcrumbs": [
                (_("Khó khăn, vướng mắc"), reverse("practices:difficulty_list")),
                (difficulty.title, reverse("practices:difficulty_detail", args=[pk])),
                (_("Sửa"), None),
            ],
        },
    )


@require_POST
@permission_required("practices.change_difficulty", fn=_in_scope)
def difficulty_file_add(request, pk):
    return act(
        request,
        services.add_difficulty_file,
        back=_detail(pk),
        success=uploaded,
        form=DifficultyFileForm(request.POST, request.FILES),
        values=lambda data: {"checked": data["upload"]},
        difficulty=_in_scope(request, pk),
    )


@permission_required("practices.view_difficulty", fn=_in_scope)
def difficulty_file(request, pk, file_pk):
    item = get_object_or_404(DifficultyFile, pk=file_pk, difficulty_id=pk)
    return file_response(item, inline=False)


def _handle(request, pk, form_class, action, success: str):
    """Sở Nội vụ's answer, forwarding or closing from the detail page's small forms."""
    return act(
        request,
        action,
        back=_detail(pk),
        success=success,
        form=form_class(request.POST),
        difficulty=_in_scope(request, pk),
    )


@require_POST
@permission_required("practices.handle_difficulty", fn=_in_scope)
def difficulty_answer(request, pk):
    return _handle(request, pk, AnswerForm, services.answer_difficulty, _("Đã gửi trả lời cho đơn vị."))


@require_POST
@permission_required("practices.handle_difficulty", fn=_in_scope)
def difficulty_forward(request, pk):
    return _handle(
        request, pk, ForwardForm, services.forward_difficulty, _("Đã chuyển tới cơ quan có thẩm quyền.")
    )


@require_POST
@permission_required("practices.handle_difficulty", fn=_in_scope)
def difficulty_close(request, pk):
    return _handle(request, pk, CloseForm, services.close_difficulty, _("Đã đóng khó khăn, vướng mắc."))
