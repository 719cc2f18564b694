"""Demo data for `make run` and the README: a plausible Hưng Yên directory (units before and after
the 01/07/2025 reorganisation, clusters and blocs, a few hundred invented people marked is_demo)
and one user per role. Deterministic (fixed random seed) and idempotent (run twice, same rows).

The demo unit head and officer belong to UBND xã Như Quỳnh (X-NHUQUYNH), the active successor of
UBND huyện Văn Lâm (H-VANLAM). H-VANLAM is kept with its real history (valid to 30/06/2025): a
user attached to a dissolved district would see a unit tree that no longer exists.
"""

import datetime as dt
import random

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from campaigns import roles
from campaigns.models import Cluster, Membership, Person, Unit
from devdata.demo import names as data

DEMO_PASSWORD = "ThiDua@2026"
DEMO_SEED = 169
# The unit of the demo unit_head and unit_officer accounts (see the module docstring).
DEMO_UNIT_CODE = "X-NHUQUYNH"

# username, full name, role, unit code (created by seed data; missing units are created minimal)
DEMO_ACCOUNTS = [
    ("chuyenvien", "Nguyễn Thị Thu Hà", roles.NOIVU_STAFF, "SNV"),
    ("truongban", "Trần Văn Đức", roles.NOIVU_MANAGER, "SNV"),
    ("hoidong", "Lê Minh Tuấn", roles.COUNCIL_MEMBER, "SNV"),
    ("thutruong", "Phạm Quốc Khánh", roles.UNIT_HEAD, DEMO_UNIT_CODE),
    ("canbo", "Đỗ Thị Hồng Nhung", roles.UNIT_OFFICER, DEMO_UNIT_CODE),
    ("lanhdao", "Trần Quốc Văn", roles.LEADER, "UBND-TINH"),
]

_MINIMAL_UNITS = {
    "UBND-TINH": ("Ủy ban nhân dân tỉnh Hưng Yên", Unit.Kind.PROVINCE, None),
    "SNV": ("Sở Nội vụ", Unit.Kind.PROVINCIAL_AGENCY, "UBND-TINH"),
    DEMO_UNIT_CODE: ("UBND xã Như Quỳnh", Unit.Kind.COMMUNE, "UBND-TINH"),
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


def _refuse_in_production() -> None:
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Không tạo dữ liệu minh họa trên hệ thống production.")


class _Units:
    """Writes units by code (update_or_create keeps ids stable between runs)."""

    def __init__(self):
        self.by_code: dict[str, Unit] = {}

    def put(self, code, name, kind, parent=None, *, valid_from=None, valid_to=None, cluster=None) -> Unit:
        unit, _created = Unit.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "parent": self.by_code[parent] if parent else None,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "cluster": cluster,
            },
        )
        self.by_code[code] = unit
        return unit


@transaction.atomic
def seed_directory() -> dict[str, int]:
    """Create or refresh the demo units, clusters and people; return how many of each exist."""
    _refuse_in_production()
    clusters = {
        code: Cluster.objects.update_or_create(code=code, defaults={"name": name, "kind": kind})[0]
        for code, name, kind, _leader, _deputy in data.CLUSTERS
    }
    units = _Units()
    province_code, province_name = data.PROVINCE
    units.put(province_code, province_name, Unit.Kind.PROVINCE)
    for code, name, bloc, divisions in data.AGENCIES:
        units.put(code, name, Unit.Kind.PROVINCIAL_AGENCY, province_code, cluster=clusters[bloc])
        for suffix, division in divisions:
            units.put(f"{code}-{suffix}", division, Unit.Kind.DIVISION, code)
    for code, name, communes, successors in data.DISTRICTS:
        old = {"valid_to": data.DISTRICTS_END}
        units.put(code, name, Unit.Kind.DISTRICT, province_code, cluster=clusters["CUM-HUYEN"], **old)
        units.put(
            f"{code}-PNV", f"Phòng Nội vụ {name.removeprefix('UBND ')}", Unit.Kind.DIVISION, code, **old
        )
        for commune_code, commune in communes:
            units.put(commune_code, commune, Unit.Kind.COMMUNE, code, **old)
        cluster = clusters["CUM-BAC" if code in data.NORTH else "CUM-NAM"]
        new_units = []
        for new_code, new_name, merged in successors:
            new_units.append(
                units.put(
                    new_code,
                    new_name,
                    Unit.Kind.COMMUNE,
                    province_code,
                    valid_from=data.COMMUNES_START,
                    cluster=cluster,
                )
            )
            for old_code in merged:
                units.by_code[old_code].successors.set([units.by_code[new_code]])
        units.by_code[code].successors.set(new_units)
    for code, _name, _kind, leader, deputy in data.CLUSTERS:
        cluster = clusters[code]
        cluster.leader_unit, cluster.deputy_unit = units.by_code[leader], units.by_code[deputy]
        cluster.save(update_fields=["leader_unit", "deputy_unit"])
    people = _seed_people(list(units.by_code.values()))
    return {"units": len(units.by_code), "clusters": len(clusters), "people": people}


def _invented_people(units: list[Unit]) -> list[Person]:
    rng = random.Random(DEMO_SEED)
    sizes = {
        Unit.Kind.PROVINCE: (5, 7),
        Unit.Kind.PROVINCIAL_AGENCY: (8, 12),
        Unit.Kind.DIVISION: (3, 6),
        Unit.Kind.DISTRICT: (4, 6),
        Unit.Kind.COMMUNE: (7, 11),
    }
    people, seen, serial = [], set(), 0
    for unit in sorted(units, key=lambda u: u.code):
        low, high = sizes[unit.kind]
        if unit.valid_to is not None:
            low, high = 2, 3  # the history of dissolved units keeps a few of their people
        for index in range(rng.randint(low, high)):
            female = rng.random() < 0.5
            name = " ".join(
                [
                    rng.choice(data.FAMILY_NAMES),
                    rng.choice(data.MIDDLE_FEMALE if female else data.MIDDLE_MALE),
                    rng.choice(data.GIVEN_FEMALE if female else data.GIVEN_MALE),
                ]
            )
            born = dt.date(rng.randint(1966, 1998), rng.randint(1, 12), rng.randint(1, 28))
            leader = index < 2
            positions = (data.LEADER_POSITIONS if leader else data.STAFF_POSITIONS)[unit.kind]
            position = positions[min(index, len(positions) - 1)] if leader else rng.choice(positions)
            if unit.kind == Unit.Kind.COMMUNE:
                category = Person.Category.CAN_BO if leader else Person.Category.CONG_CHUC
            elif unit.code.startswith(("SYT", "SGDDT")) and not leader and rng.random() < 0.5:
                category = Person.Category.VIEN_CHUC
            else:
                category = Person.Category.CONG_CHUC
            person = Person(
                full_name=name,
                gender=Person.Gender.FEMALE if female else Person.Gender.MALE,
                date_of_birth=born,
                position=position,
                unit=unit,
                category=category,
                is_leadership=leader,
                leadership_level=LEVEL_OF_LEADERS.get(unit.kind, Person.LeadershipLevel.OTHER)
                if leader
                else "",
                is_direct_worker=not leader and (unit.kind == Unit.Kind.COMMUNE or rng.random() < 0.3),
                is_demo=True,
            )
            person.clean_fields_for_storage()
            key = (person.search_name, born, unit.pk)
            if key in seen:
                continue
            seen.add(key)
            if rng.random() < 0.4:
                serial += 1
                # 033 = Hưng Yên; then century/gender digit and year of birth, as on a căn cước.
                person.personal_id = f"033{1 if female else 0}{born.year % 100:02d}{serial:06d}"
            people.append(person)
    return people


# Biểu 0603.N's level of a demo unit's leaders: a People's Committee's or a department's head and deputy.
LEVEL_OF_LEADERS = {
    Unit.Kind.PROVINCE: Person.LeadershipLevel.PROVINCE,
    Unit.Kind.PROVINCIAL_AGENCY: Person.LeadershipLevel.DEPARTMENT,
    Unit.Kind.DISTRICT: Person.LeadershipLevel.DEPARTMENT,
}


def _seed_people(units: list[Unit]) -> int:
    fields = [
        "full_name",
        "search_name",
        "gender",
        "position",
        "category",
        "is_leadership",
        "leadership_level",
        "is_direct_worker",
    ]
    existing = {
        (p.search_name, p.date_of_birth, p.unit_id): p.pk
        for p in Person.objects.filter(is_demo=True).only("pk", "search_name", "date_of_birth", "unit_id")
    }
    wanted = _invented_people(units)
    new, known = [], []
    for person in wanted:
        pk = existing.get((person.search_name, person.date_of_birth, person.unit_id))
        if pk is None:
            new.append(person)
        else:
            person.pk = pk
            known.append(person)
    Person.objects.bulk_create(new, batch_size=1000)
    Person.objects.bulk_update(known, [*fields, "personal_id"], batch_size=1000)
    return len(wanted)
