"""Accounts of the portal's users, managed by the head of Ban Thi đua – Khen thưởng (noivu_manager).

A user holds exactly one portal role (a Django group) and at most one unit (Membership). Unit roles
need a unit in force; superusers are managed in the Django admin only.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from campaigns import roles
from campaigns.models import Membership, Unit

UNIT_ROLES = (roles.UNIT_HEAD, roles.UNIT_OFFICER)


def _check_actor(actor) -> None:
    if not actor.has_perm("campaigns.manage_users"):
        raise PermissionDenied(_("Chỉ Trưởng Ban Thi đua – Khen thưởng được quản lý tài khoản."))


def _check_role_and_unit(role: str, unit: Unit | None) -> None:
    if role not in roles.ROLES:
        raise ValidationError(_("Vai trò không hợp lệ. Hãy chọn một vai trò trong danh sách."))
    if role in UNIT_ROLES and unit is None:
        raise ValidationError(
            _("Thủ trưởng và cán bộ phụ trách thi đua phải thuộc một đơn vị. Hãy chọn đơn vị.")
        )
    if unit is not None and not unit.is_active:
        raise ValidationError(
            _("Đơn vị “%(name)s” đã hết hiệu lực. Hãy chọn đơn vị đang hoạt động (đơn vị kế thừa).")
            % {"name": unit.name}
        )


def _apply_role_and_unit(user, role: str, unit: Unit | None) -> None:
    user.groups.remove(*Group.objects.filter(name__in=roles.ROLES).exclude(name=role))
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    if unit is None:
        Membership.objects.filter(user=user).delete()
    else:
        Membership.objects.update_or_create(user=user, defaults={"unit": unit})
    for cached in ("_portal_roles", "_portal_unit"):
        user.__dict__.pop(cached, None)


@transaction.atomic
def create_account(
    *,
    actor,
    username: str,
    last_name: str,
    first_name: str,
    email: str,
    role: str,
    unit: Unit | None,
    password: str,
):
    """Create a user with one role and (for unit roles) a unit."""
    _check_actor(actor)
    User = get_user_model()
    username = username.strip()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(
            _("Tên đăng nhập “%(name)s” đã có người dùng. Hãy chọn tên khác.") % {"name": username}
        )
    _check_role_and_unit(role, unit)
    user = User(username=username, last_name=last_name.strip(), first_name=first_name.strip(), email=email)
    validate_password(password, user)
    user.set_password(password)
    user.save()
    _apply_role_and_unit(user, role, unit)
    return user


@transaction.atomic
def update_account(*, actor, user, last_name: str, first_name: str, email: str, role: str, unit: Unit | None):
    """Change a user's name, e-mail, role and unit."""
    _check_actor(actor)
    if user.is_superuser:
        raise PermissionDenied(_("Tài khoản quản trị hệ thống chỉ được sửa trong trang quản trị."))
    if user.pk == actor.pk and role != roles.NOIVU_MANAGER:
        raise ValidationError(_("Bạn không thể tự bỏ vai trò quản lý tài khoản của chính mình."))
    _check_role_and_unit(role, unit)
    user.last_name, user.first_name, user.email = last_name.strip(), first_name.strip(), email
    user.save(update_fields=["last_name", "first_name", "email"])
    _apply_role_and_unit(user, role, unit)
    return user


@transaction.atomic
def set_account_active(*, actor, user, active: bool):
    """Deactivate (the user can no longer sign in; history stays) or reactivate an account."""
    _check_actor(actor)
    if user.is_superuser:
        raise PermissionDenied(_("Tài khoản quản trị hệ thống chỉ được sửa trong trang quản trị."))
    if user.pk == actor.pk and not active:
        raise ValidationError(_("Bạn không thể tự khóa tài khoản của chính mình."))
    user.is_active = active
    # ModelBackend.get_user refuses inactive users, so their open sessions stop at the next request.
    user.save(update_fields=["is_active"])
    return user
