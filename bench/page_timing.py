"""Time one key page in-process (no HTTP): mean and p95 of N requests, CPU ms and SQL queries.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench REDIS_URL=redis://127.0.0.1:6379/14 \
      .venv/bin/python bench/page_timing.py "ranking board" [N]

Uses the pages and users of `manage.py bench_plan`; for finding where a page spends its time before
running the whole `make bench`.
"""

import io
import json
import os
import statistics
import sys
import time
from contextlib import redirect_stdout
from pathlib import Path

# The checkout this file is in, not whichever one the virtualenv was installed from.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emulation_portal.settings")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main(name: str, count: int) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        call_command("bench_plan")
    plan = json.loads(out.getvalue().strip().splitlines()[-1])
    page = next(p for p in plan["pages"] if p["name"] == name)
    client = Client()
    if page["user"]:
        from django.contrib.auth import get_user_model

        client.force_login(get_user_model().objects.get(username=page["user"]))
    client.get(page["url"])  # warm-up
    walls, cpus = [], []
    for _ in range(count):
        w, c = time.perf_counter(), time.process_time()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page["url"])
        walls.append((time.perf_counter() - w) * 1000)
        cpus.append((time.process_time() - c) * 1000)
    assert response.status_code == 200, response.status_code
    walls.sort()
    print(
        f"{name}: mean {statistics.mean(walls):.1f} ms, p95 {walls[int(0.95 * (len(walls) - 1))]:.1f} ms, "
        f"cpu {statistics.mean(cpus):.1f} ms, {len(queries)} queries ({page['url']})"
    )


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20)
