"""manage.py bench_plan [--count-queries]: what `make bench` loads, as one JSON line.

Without options: {"password", "pages": [{"name", "user", "url"}], "report_command", "import_command"}
for the key pages of the province-scale data (generate_scale_data). With --count-queries: {page name:
number of SQL queries} of one request to each page, signed in as its user (Django test client).
The import command refers to var/bench/scale-seed<N>-people-30000.xlsx, written when missing: 30,000 new
people with fresh identification numbers, on unit codes that both data sizes have.
"""

import datetime as dt
import json
import random
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.models import Award
from campaigns import roles
from campaigns.imports.people import PEOPLE_COLUMNS
from campaigns.models import AwardRound, Unit
from campaigns.text import fold
from criteria.models import Subject
from devdata.demo import names
from devdata.scale.data import BENCH_USERS, CAMPAIGN_NUMBER, SCALE_PASSWORD, SIZES, unit_codes
from nominations.models import Nomination, State

IMPORT_ROWS = 30_000
BENCH_DIR = Path(settings.BASE_DIR) / "var" / "bench"
REPORT_FILE = BENCH_DIR / "scale-tong-ket.pdf"


def import_file(seed: int) -> Path:
    return BENCH_DIR / f"scale-seed{seed}-people-{IMPORT_ROWS}.xlsx"


def scale_seed() -> int:
    """The seed of the scale data in this database (its marker unit SC<seed>-TINH)."""
    for code in Unit.objects.filter(code__startswith="SC", code__endswith="-TINH").values_list(
        "code", flat=True
    ):
        if code[2:-5].isdigit():
            return int(code[2:-5])
    raise CommandError("Chưa có dữ liệu thử tải. Hãy chạy: manage.py generate_scale_data --seed 1")


def pages() -> list[dict]:
    staff, manager = BENCH_USERS[roles.NOIVU_STAFF], BENCH_USERS[roles.NOIVU_MANAGER]
    head, leader = BENCH_USERS[roles.UNIT_HEAD], BENCH_USERS[roles.LEADER]
    open_round = AwardRound.objects.get(campaign__number=CAMPAIGN_NUMBER, code="nam-2026")
    in_review = Nomination.objects.filter(round=open_round, state=State.IN_REVIEW).order_by("pk")
    dossier = (
        in_review.filter(appraiser__username=staff, subject=Subject.COLLECTIVE).first()
        or in_review.filter(appraiser__username=staff).first()
        or in_review.first()
    )
    if dossier is None:
        raise CommandError("Không có hồ sơ đang thẩm định trong dữ liệu thử tải. Hãy tạo lại dữ liệu.")
    # Search words taken from the data, so that both data sizes find rows (an empty page skips queries).
    submitted = Nomination.objects.filter(round=open_round, state=State.SUBMITTED).order_by("pk").first()
    queue_word = fold(submitted.nominee_name).split()[0] if submitted else "nguyen"
    award = Award.objects.filter(award_type__code="bang-khen-chu-tich").order_by("pk").first()
    register_word = fold(award.recipient_name).split()[0] if award else "nguyen"
    queue = urlencode({"round": open_round.pk, "state": State.SUBMITTED, "q": queue_word})
    return [
        {"name": "floor (healthz)", "user": None, "url": reverse("healthz")},
        {"name": "appraisal queue", "user": staff, "url": f"{reverse('nominations:queue')}?{queue}"},
        {"name": "appraisal page", "user": staff, "url": reverse("nominations:appraise", args=[dossier.pk])},
        {"name": "unit dossier list", "user": head, "url": reverse("nominations:unit_list")},
        {
            "name": "ranking board",
            "user": manager,
            "url": reverse("awards:ranking_board", args=[open_round.pk]),
        },
        {
            "name": "public register",
            "user": None,
            "url": f"{reverse('awards:public_register')}?{urlencode({'q': register_word})}",
        },
        {
            "name": "people search",
            "user": staff,
            "url": f"{reverse('campaigns:person_list')}?{urlencode({'q': 'nguyen van'})}",
        },
        {"name": "report page", "user": leader, "url": reverse("reports:home")},
        {"name": "plan page", "user": manager, "url": reverse("campaigns:plan")},
    ]


def write_people_workbook(path: Path, seed: int, rows: int = IMPORT_ROWS) -> None:
    """30,000 people to import: fresh ids (08x…), births 2000–2008 (no clash with generated people)."""
    from openpyxl import Workbook

    rng = random.Random(seed * 1000 + rows)  # noqa: S311 - synthetic data
    codes = unit_codes(seed, SIZES["small"])
    columns = list(PEOPLE_COLUMNS)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Cá nhân")
    sheet.append([PEOPLE_COLUMNS[key] for key in columns])
    for serial in range(1, rows + 1):
        female = rng.random() < 0.5
        middle = names.MIDDLE_FEMALE if female else names.MIDDLE_MALE
        given = names.GIVEN_FEMALE if female else names.GIVEN_MALE
        values = {
            "full_name": f"{rng.choice(names.FAMILY_NAMES)} {rng.choice(middle)} {rng.choice(given)}",
            "date_of_birth": dt.date(rng.randint(2000, 2008), rng.randint(1, 12), rng.randint(1, 28)),
            "gender": "Nữ" if female else "Nam",
            "position": rng.choice(["Chuyên viên", "Công chức Văn phòng – Thống kê", "Văn thư"]),
            "unit": rng.choice(codes),
            "category": "Công chức",
            "personal_id": f"08{seed % 10}{serial:09d}",
            "is_leadership": "",
            "is_direct_worker": "x" if rng.random() < 0.4 else "",
            "leadership_level": "",
        }
        sheet.append([values[key] for key in columns])
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.part")
    book.save(temporary)
    temporary.replace(path)


def measure_queries(plan: list[dict]) -> dict[str, int]:
    """Queries of one request per page, after a first request has warmed the process's caches."""
    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    users = {u.username: u for u in get_user_model().objects.filter(username__in=BENCH_USERS.values())}
    counts = {}
    for page in plan:
        client = Client()
        if page["user"]:
            client.force_login(users[page["user"]])
        client.get(page["url"])
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page["url"])
        if response.status_code != 200:
            raise CommandError(
                f"{page['name']}: {page['url']} trả về {response.status_code} cho {page['user']}."
            )
        counts[page["name"]] = len(captured.captured_queries)
    return counts


class Command(BaseCommand):
    help = "In kế hoạch đo tải (các trang, tài khoản, lệnh báo cáo và lệnh nhập) dưới dạng một dòng JSON."

    def add_arguments(self, parser):
        parser.add_argument(
            "--count-queries",
            action="store_true",
            help="Đếm số truy vấn SQL của mỗi trang thay vì in kế hoạch.",
        )

    def handle(self, *args, count_queries: bool = False, **options):
        seed = scale_seed()
        plan = pages()
        if count_queries:
            self.stdout.write(json.dumps(measure_queries(plan), ensure_ascii=False))
            return
        people_file = import_file(seed)
        if not people_file.exists():
            write_people_workbook(people_file, seed)
        result = {
            "password": SCALE_PASSWORD,
            "pages": plan,
            "report_command": [
                "build_report",
                "final",
                "--campaign",
                CAMPAIGN_NUMBER,
                "--output",
                str(REPORT_FILE.relative_to(settings.BASE_DIR)),
            ],
            "import_command": ["import_people", str(people_file.relative_to(settings.BASE_DIR))],
        }
        self.stdout.write(json.dumps(result, ensure_ascii=False))
