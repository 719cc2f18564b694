"""Benchmark (run by hand, not collected by pytest): a 30,000-row people file, and the people list.

    DATABASE_URL=postgres://… .venv/bin/python manage.py seed_demo
    DATABASE_URL=postgres://… .venv/bin/python tests/campaigns/bench_directory.py [rows]

Writes var/bench/people-<rows>.xlsx, times `import_people` (first import, then re-import of the same
file) and a filtered search of the people list as Sở Nội vụ staff. Refuses to run on a database
that has people who are not demo data.
"""

import os
import random
import sys
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emulation_portal.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from campaigns.models import Person, Unit  # noqa: E402

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Ngọc", "Quốc", "Hồng"]
GIVEN = [
    "An",
    "Bình",
    "Chi",
    "Dũng",
    "Giang",
    "Hà",
    "Hùng",
    "Lan",
    "Linh",
    "Mai",
    "Nam",
    "Sơn",
    "Thảo",
    "Yến",
]


def build(rows: int) -> Path:
    rng = random.Random(30000)
    codes = list(Unit.objects.active().values_list("code", flat=True))
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Dữ liệu")
    sheet.append(
        ["Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Mã đơn vị", "Đối tượng", "Số định danh cá nhân"]
    )
    for i in range(rows):
        sheet.append(
            [
                f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} {i}",
                f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1965, 2000)}",
                rng.choice(["Nam", "Nữ"]),
                "Chuyên viên",
                rng.choice(codes),
                rng.choice(["Cán bộ", "Công chức", "Viên chức"]),
                f"0339{i:08d}" if i % 2 else "",
            ]
        )
    path = ROOT / "var" / "bench" / f"people-{rows}.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def timed(label: str, action) -> None:
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        action()
        elapsed = time.perf_counter() - start
    print(f"{label}: {elapsed:.2f} s, {len(queries.captured_queries)} queries")


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 30000
    if Person.objects.filter(is_demo=False).exclude(personal_id__startswith="0339").exists():
        sys.exit("Cơ sở dữ liệu có dữ liệu thật: không chạy benchmark ở đây.")
    Person.objects.filter(personal_id__startswith="0339").delete()
    Person.objects.filter(is_demo=False, full_name__regex=r" [0-9]+$").delete()
    path = build(rows)
    print(f"{path.name}: {path.stat().st_size // 1024} KiB, database {connection.vendor}")
    timed(f"import_people, {rows} new rows", lambda: call_command("import_people", str(path)))
    timed(f"import_people again, {rows} unchanged rows", lambda: call_command("import_people", str(path)))
    client = Client()
    client.force_login(django.contrib.auth.get_user_model().objects.get(username="chuyenvien"))
    client.get("/ca-nhan/")  # warm up
    for query in ("nguyen van", "thao 2999", "le thi an"):
        start = time.perf_counter()
        response = client.get("/ca-nhan/", {"q": query})
        elapsed = (time.perf_counter() - start) * 1000
        print(f"people list ?q={query!r}: {elapsed:.0f} ms, status {response.status_code}")


if __name__ == "__main__":
    main()
