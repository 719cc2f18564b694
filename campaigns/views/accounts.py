"""Account pages for the head of Ban Thi đua – Khen thưởng: onboard units without the Django admin."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns import roles
from campaigns.forms.accounts import AccountForm, NewAccountForm
from campaigns.models import Membership
from campaigns.services.accounts import create_account, set_account_active, update_account
from campaigns.text import fold
from portal.web import act, paginate, permission_required, submit_form

PERM = "campaigns.manage_users"


def _crumbs(*extra):
    return [(_("Tài khoản người dùng"), reverse("campaigns:account_list")), *extra]


@permission_required(PERM)
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
    page = paginate(request, users, 50)
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
        {"page": page, "rows": rows, "q": q, "breadcrumbs": _crumbs()},
    )


@permission_required(PERM)
def account_create(request):
    form = NewAccountForm(request.POST or None)
    created, _user = submit_form(
        request,
        form,
        create_account,
        success=lambda user: _("Đã tạo tài khoản “%(name)s”.") % {"name": user.username},
    )
    if created:
        return redirect("campaigns:account_list")
    return render(
        request,
        "campaigns/accounts/account_form.html",
        {"form": form, "title": _("Thêm tài khoản"), "breadcrumbs": _crumbs((_("Thêm tài khoản"), None))},
    )


@permission_required(PERM)
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
    updated, _result = submit_form(
        request,
        form,
        update_account,
        success=_("Đã cập nhật tài khoản “%(name)s”.") % {"name": user.username},
        user=user,
    )
    if updated:
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
@permission_required(PERM)
def account_set_active(request, pk: int):
    user = get_object_or_404(get_user_model(), pk=pk, is_superuser=False)
    active = request.POST.get("active") == "1"
    text = _("Đã mở lại tài khoản “%(name)s”.") if active else _("Đã khóa tài khoản “%(name)s”.")
    return act(
        request,
        set_account_active,
        back="campaigns:account_list",
        success=text % {"name": user.username},
        user=user,
        active=active,
    )
