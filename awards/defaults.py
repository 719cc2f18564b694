"""Defaults from the law shipped with the portal: emulation titles, base salary, bonus multiples, rounding.

Loaded by the migration awards/0002_seed_catalog and by `ensure_defaults()` (idempotent: fills only what is
missing, never overwrites what an administrator changed).
"""

import datetime
from decimal import Decimal

TITLES = [
    # Luật Thi đua, khen thưởng 06/2022/QH15, danh hiệu thi đua đối với cá nhân và tập thể.
    ("chien-si-thi-dua-toan-quoc", "Chiến sĩ thi đua toàn quốc", "individual", 10),
    ("chien-si-thi-dua-cap-tinh", "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", "individual", 20),
    ("chien-si-thi-dua-co-so", "Chiến sĩ thi đua cơ sở", "individual", 30),
    ("lao-dong-tien-tien", "Lao động tiên tiến", "individual", 40),
    ("chien-si-tien-tien", "Chiến sĩ tiên tiến", "individual", 50),
    ("co-thi-dua-chinh-phu", "Cờ thi đua của Chính phủ", "collective", 10),
    ("co-thi-dua-cap-tinh", "Cờ thi đua của bộ, ban, ngành, tỉnh", "collective", 20),
    ("tap-the-lao-dong-xuat-sac", "Tập thể lao động xuất sắc", "collective", 30),
    ("don-vi-quyet-thang", "Đơn vị quyết thắng", "collective", 40),
    ("tap-the-lao-dong-tien-tien", "Tập thể lao động tiên tiến", "collective", 50),
    ("don-vi-tien-tien", "Đơn vị tiên tiến", "collective", 60),
]

BASE_SALARIES = [
    (datetime.date(2023, 7, 1), 1_800_000, "Nghị định 24/2023/NĐ-CP"),
    (datetime.date(2024, 7, 1), 2_340_000, "Nghị định 73/2024/NĐ-CP"),
]

MULTIPLES = [
    ("bang-khen-chu-tich", "individual", Decimal("1.0")),
    ("bang-khen-chu-tich", "collective", Decimal("2.0")),
    ("giay-khen", "individual", Decimal("0.3")),
    ("giay-khen", "collective", Decimal("0.6")),
]


# The legal basis written on the rounding rule seeded for dates before any decree of the catalogue.
EARLIER_ROUNDING_BASIS = "Làm tròn xuống hàng chục nghìn đồng như nghị định trước (223.500 → 220.000)"


def ensure_defaults(get_model=None) -> None:
    """Create the default rows that are missing (get_model: a migration's apps.get_model)."""
    if get_model is None:
        from django.apps import apps

        get_model = apps.get_model
    EmulationTitle = get_model("awards", "EmulationTitle")
    BaseSalary = get_model("awards", "BaseSalary")
    BonusMultiple = get_model("awards", "BonusMultiple")
    BonusRounding = get_model("awards", "BonusRounding")
    for code, name, subject, order in TITLES:
        EmulationTitle.objects.get_or_create(
            code=code, defaults={"name": name, "subject": subject, "order": order}
        )
    for day, amount, basis in BASE_SALARIES:
        BaseSalary.objects.get_or_create(
            effective_from=day, defaults={"amount": amount, "legal_basis": basis}
        )
    for code, subject, multiple in MULTIPLES:
        BonusMultiple.objects.get_or_create(
            award_type_code=code, subject=subject, defaults={"multiple": multiple}
        )
    BonusRounding.objects.get_or_create(
        effective_from=datetime.date(2000, 1, 1),
        defaults={
            "step": 10_000,
            "mode": "down",
            "legal_basis": EARLIER_ROUNDING_BASIS,
        },
    )
