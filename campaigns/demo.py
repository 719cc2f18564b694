"""Demo accounts: one user per role, linked to a unit, for `make run` and the README."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from . import roles
from .models import Membership, Unit

DEMO_PASSWORD = "ThiDua@2026"

# username, full name, role, unit code (created by seed data; missing units are created minimal)
DEMO_ACCOUNTS = [
    ("chuyenvien", "Nguyễn Thị Thu Hà", roles.NOIVU_STAFF, "SNV"),
    ("truongban", "Trần Văn Đức", roles.NOIVU_MANAGER, "SNV"),
    ("hoidong", "Lê Minh Tuấn", roles.COUNCIL_MEMBER, "SNV"),
    ("thutruong", "Phạm Quốc Khánh", roles.UNIT_HEAD, "H-VANLAM"),
    ("canbo", "Đỗ Thị Hồng Nhung", roles.UNIT_OFFICER, "H-VANLAM"),
    ("lanhdao", "Trần Quốc Văn", roles.LEADER, "UBND-TINH"),
]

_MINIMAL_UNITS = {
    "UBND-TINH": ("Ủy ban nhân dân tỉnh Hưng Yên", Unit.Kind.PROVINCE, None),
    "SNV": ("Sở Nội vụ", Unit.Kind.PROVINCIAL_AGENCY, "UBND-TINH"),
    "H-VANLAM": ("UBND huyện Văn Lâm", Unit.Kind.DISTRICT, "UBND-TINH"),
}


def _unit(code: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        name, kind, parent_code = _MINIMAL_UNITS[code]
        unit = Unit.objects.create(
            code=code, name=name, kind=kind, parent=_unit(parent_code) if parent_code else None
        )
    return unit


@transaction.atomic
def ensure_demo_accounts() -> list[tuple[str, str, str]]:
    """Create or refresh the demo users; return (username, role label, unit name) rows."""
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Không tạo tài khoản minh họa trên hệ thống production.")
    User = get_user_model()
    rows = []
    for username, full_name, role, unit_code in DEMO_ACCOUNTS:
        last, _, first = full_name.rpartition(" ")
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.invalid"},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get_or_create(name=role)[0])
        unit = _unit(unit_code)
        Membership.objects.update_or_create(user=user, defaults={"unit": unit})
        rows.append((username, str(roles.ROLE_LABELS[role]), unit.name))
    return rows
