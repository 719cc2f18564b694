"""Account pages for the head of Ban Thi đua – Khen thưởng: onboard units without the Django admin."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rules.contrib.views import permission_required

from campaigns import roles
from campaigns.forms.accounts import AccountForm, NewAccountForm
from campaigns.models import Membership
from campaigns.services.accounts import create_account, set_account_active, update_account
from campaigns.text import fold

PERM = "campaigns.manage_users"


def _crumbs(*extra):
    return [(_("Tài khoản người dùng"), reverse("campaigns:account_list")), *extra]


def _form_errors(form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


@login_required
@permission_required(PERM, raise_exception=True)
def account_list(request):
    User = get_user_model()
    users = (
        User.objects.filter(is_superuser=False)
        .select_related("membership__unit")
        .prefetch_related(Prefetch("groups", queryset=Group.objects.filter(name__in=roles.ROLES)))
        .order_by("username")
    )
    q = request.GET.get("q", "").strip()
    if q:
        users = users.filter(Q(username__icontains=q) | Q(membership__unit__search_name__contains=fold(q)))
    page = Paginator(users, 50).get_page(request.GET.get("page"))
    rows = []
    for user in page:
        role = next((g.name for g in user.groups.all()), None)
        membership = getattr(user, "membership", None)
        rows.append(
            {
                "user": user,
                "role": roles.ROLE_LABELS.get(role, _("Chưa phân vai trò")),
                "unit": membership.unit if membership else None,
            }
        )
    return render(
        request,
        "campaigns/accounts/account_list.html",
        {"page": page, "rows": rows, "q": q, "query": f"q={q}" if q else "", "breadcrumbs": _crumbs()},
    )


@login_required
@permission_required(PERM, raise_exception=True)
def account_create(request):
    form = NewAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = create_account(
                actor=request.user,
                username=data["username"],
                last_name=data["last_name"],
                first_name=data["first_name"],
                email=data["email"],
                role=data["role"],
                unit=data["unit"],
                password=data["password"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Đã tạo tài khoản “%(name)s”.") % {"name": user.username})
            return redirect("campaigns:account_list")
    return render(
        request,
        "campaigns/accounts/account_form.html",
        {"form": form, "title": _("Thêm tài khoản"), "breadcrumbs": _crumbs((_("Thêm tài khoản"), None))},
    )


@login_required
@permission_required(PERM, raise_exception=True)
def account_edit(request, pk: int):
    user = get_object_or_404(get_user_model(), pk=pk, is_superuser=False)
    membership = Membership.objects.filter(user=user).select_related("unit").first()
    initial = {
        "last_name": user.last_name,
        "first_name": user.first_name,
        "email": user.email,
        "role": roles.primary_role(user),
        "unit": membership.unit if membership else None,
    }
    form = AccountForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            update_account(
                actor=request.user,
                user=user,
                last_name=data["last_name"],
                first_name=data["first_name"],
                email=data["email"],
                role=data["role"],
                unit=data["unit"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Đã cập nhật tài khoản “%(name)s”.") % {"name": user.username})
            return redirect("campaigns:account_list")
    return render(
        request,
        "campaigns/accounts/account_form.html",
        {
            "form": form,
            "account": user,
            "title": _("Sửa tài khoản %(name)s") % {"name": user.username},
            "breadcrumbs": _crumbs((user.username, None)),
        },
    )


@require_POST
@login_required
@permission_required(PERM, raise_exception=True)
def account_set_active(request, pk: int):
    user = get_object_or_404(get_user_model(), pk=pk, is_superuser=False)
    active = request.POST.get("active") == "1"
    try:
        set_account_active(actor=request.user, user=user, active=active)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        text = _("Đã mở lại tài khoản “%(name)s”.") if active else _("Đã khóa tài khoản “%(name)s”.")
        messages.success(request, text % {"name": user.username})
    return redirect("campaigns:account_list")
