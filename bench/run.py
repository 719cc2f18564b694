"""`make bench`: load the portal on loopback with wrk and print latency, throughput and SQL figures.

Steps: prepare two PostgreSQL databases (a small one and the province-scale one, both from
generate_scale_data), count SQL queries per key page on both, serve the scale one with gunicorn on
127.0.0.1, sign in each role over HTTP, run wrk at 1, 10 and 50 connections per page (a trivial view
in the same server is the floor), time the end-of-campaign report and a 30,000-person import (into a
throw-away copy of the small database), then print a table and write bench/results.json.

Environment: BENCH_PG (server URL, default postgres://postgres@127.0.0.1:5432), REDIS_URL (default
redis://127.0.0.1:6379/14), BENCH_DURATION (per run, default 8s), BENCH_CONCURRENCY (default 1,10,50),
BENCH_WORKERS (gunicorn workers, default 2 × cores + 1), BENCH_SEED (default 1), BENCH_PORT.
"""

import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14")
PORT = int(os.environ.get("BENCH_PORT", "8799"))
DURATION = os.environ.get("BENCH_DURATION", "8s")
CONCURRENCY = [int(c) for c in os.environ.get("BENCH_CONCURRENCY", "1,10,50").split(",")]
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
SEED = os.environ.get("BENCH_SEED", "1")
RESULTS = ROOT / "bench" / "results.json"
SMALL, FULL, IMPORT = "portal_bench_small", "portal_bench", "portal_bench_import"
# Sessions signed in per user: the load spreads over several session rows, as many users would.
SESSIONS_PER_USER = 8
TARGET_P95_MS, TARGET_QUERIES, TARGET_AT = 250.0, 15, "10"
# Issue 6: the end-of-campaign PDF in at most 15 s and 500 MB; issue 3: 30,000 people imported in under 60 s.
TARGET_REPORT_S, TARGET_REPORT_MB, TARGET_IMPORT_S = 15.0, 500.0, 60.0


def log(message: str) -> None:
    print(f"[bench] {message}", flush=True)


def env_for(database: str, **extra) -> dict:
    env = dict(
        os.environ,
        DATABASE_URL=f"{PG}/{database}",
        REDIS_URL=REDIS_URL,
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        MEDIA_ROOT=str(ROOT / "var" / f"media-{database}"),
        LOG_LEVEL="WARNING",
    )
    env.update(extra)
    return env


def manage(database: str, *args, capture: bool = False, **extra) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PY, "manage.py", *args],
        cwd=ROOT,
        env=env_for(database, **extra),
        check=True,
        capture_output=capture,
        text=True,
    )


def psql(sql: str, database: str = "postgres") -> str:
    admin = urllib.parse.urlparse(PG)
    command = [
        "psql",
        "-h",
        admin.hostname or "127.0.0.1",
        "-p",
        str(admin.port or 5432),
        "-U",
        admin.username or "postgres",
        "-d",
        database,
        "-tAc",
        sql,
    ]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def ensure_database(database: str, size: str) -> None:
    """Create, migrate and fill a database once; the data's marker unit makes re-runs skip the generation."""
    # database is one of this module's constant names, never outside input.
    if not psql(f"SELECT 1 FROM pg_database WHERE datname='{database}'"):  # noqa: S608
        psql(f'CREATE DATABASE "{database}"')
    manage(database, "migrate", "--noinput", "-v0")
    manage(database, "generate_scale_data", "--seed", SEED, "--size", size)
    # Bulk-loaded tables have no planner statistics, visibility map or hint bits until autovacuum gets
    # to them (it would then run during the load, and the first reads would write hint bits); production
    # tables have all three. VACUUM ANALYZE on every run: seconds on data that is already vacuumed.
    psql("VACUUM (ANALYZE)", database)


def query_counts(database: str) -> dict:
    out = manage(database, "bench_plan", "--count-queries", capture=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def sign_in(username: str, password: str) -> str:
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_url = f"http://127.0.0.1:{PORT}/tai-khoan/dang-nhap/"
    page = opener.open(login_url).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token})
    request = urllib.request.Request(login_url, data=data.encode(), headers={"Referer": login_url})
    opener.open(request).read()
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    if "sessionid=" not in cookie:
        raise SystemExit(f"Không đăng nhập được tài khoản {username}: kiểm tra dữ liệu thử tải (bench_plan).")
    return cookie


def check_page(url: str, cookie: str) -> None:
    """One request before the load: the page must answer 200 itself (not a redirect to the login page)."""
    request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310 - http://127.0.0.1 only

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        status = urllib.request.build_opener(NoRedirect).open(request, timeout=30).status
    except urllib.error.HTTPError as exc:
        status = exc.code
    if status != 200:
        raise SystemExit(f"{url} trả về {status} trước khi đo tải: hãy sửa trước khi chạy lại.")


def wrk(url: str, cookies: list[str], connections: int, duration: str = DURATION) -> dict:
    threads = str(min(connections, 2))
    result = subprocess.run(
        [
            "wrk",
            "-t",
            threads,
            "-c",
            str(connections),
            "-d",
            duration,
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "bench" / "latency.lua"),
            url,
        ],
        env=dict(os.environ, BENCH_COOKIES="\n".join(cookies)),
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("BENCH_JSON "))
    return json.loads(line[len("BENCH_JSON ") :])


def drain() -> None:
    """Wait until the server has answered what the last run left queued (wrk closes its connections at the
    end, but the requests already accepted are still served): the next run must not start behind them."""
    urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=60).read()  # noqa: S310 - loopback
    time.sleep(0.5)


def serve(database: str) -> subprocess.Popen:
    manage(database, "collectstatic", "--noinput", "-v0")
    process = subprocess.Popen(
        [
            PY,
            "-m",
            "gunicorn",
            "emulation_portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(WORKERS),
            "--backlog",
            "256",
            "--access-logfile",
            "/dev/null",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env_for(database, AXES_FAILURE_LIMIT="1000", CONN_MAX_AGE="60"),
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
            return process
        except Exception:
            if process.poll() is not None:
                raise SystemExit("gunicorn dừng ngay khi khởi động: xem thông báo lỗi ở trên.") from None
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("gunicorn không khởi động được sau 60 giây.")


def timed(database: str, *args) -> dict:
    """Wall time and peak memory (max RSS of the child) of a management command."""
    usage = ROOT / "var" / "bench" / "time-v.txt"
    usage.parent.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    result = subprocess.run(
        ["/usr/bin/time", "-v", "-o", str(usage), PY, "manage.py", *args],
        cwd=ROOT,
        env=env_for(database),
        capture_output=True,
        text=True,
    )
    seconds = time.monotonic() - start
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", usage.read_text())
    return {
        "seconds": round(seconds, 2),
        "peak_mb": round(int(rss.group(1)) / 1024, 1) if rss else None,
        "ok": result.returncode == 0,
        "output": (result.stdout + result.stderr)[-600:]
        if result.returncode
        else result.stdout.strip()[-300:],
    }


def timed_import(command: list[str]) -> dict:
    """The import into a fresh copy of the small database (the small one stays small for the next run)."""
    psql(f'DROP DATABASE IF EXISTS "{IMPORT}"')
    psql(f'CREATE DATABASE "{IMPORT}" TEMPLATE "{SMALL}"')
    try:
        return timed(IMPORT, *command)
    finally:
        psql(f'DROP DATABASE IF EXISTS "{IMPORT}"')


def machine() -> dict:
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        cpu = next(
            (ln.split(":", 1)[1].strip() for ln in cpuinfo.read_text().splitlines() if "model name" in ln), ""
        )
    redis = ""
    if shutil.which("redis-server"):
        redis = subprocess.run(["redis-server", "--version"], capture_output=True, text=True).stdout.strip()
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "python": platform.python_version(),
        "postgresql": psql("SHOW server_version"),
        "redis": redis,
        "platform": platform.platform(),
        "gunicorn_workers": WORKERS,
    }


def require_services() -> None:
    """PostgreSQL and Redis must answer: the bench measures the production shape, not SQLite."""
    if not shutil.which("wrk"):
        raise SystemExit("Thiếu công cụ wrk: sudo apt-get install wrk")
    try:
        psql("SELECT 1")
    except (subprocess.CalledProcessError, FileNotFoundError) as exc:
        raise SystemExit(
            f"Không kết nối được PostgreSQL tại {PG} (cần psql và máy chủ chạy; đặt BENCH_PG)."
        ) from exc
    redis = urllib.parse.urlparse(REDIS_URL)
    try:
        with socket.create_connection((redis.hostname or "127.0.0.1", redis.port or 6379), timeout=3) as conn:
            conn.sendall(b"PING\r\n")
            if not conn.recv(16).startswith(b"+PONG"):
                raise OSError("no PONG")
    except OSError as exc:
        raise SystemExit(f"Không kết nối được Redis tại {REDIS_URL} (đặt REDIS_URL).") from exc


def main() -> None:
    require_services()
    started_load = [round(x, 2) for x in os.getloadavg()]
    log("preparing databases (small and province scale)")
    ensure_database(SMALL, "small")
    ensure_database(FULL, "full")
    log("counting SQL queries per page at both sizes")
    small, full = query_counts(SMALL), query_counts(FULL)
    plan = json.loads(manage(FULL, "bench_plan", capture=True).stdout.strip().splitlines()[-1])
    results = {
        "machine": machine(),
        "when": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "duration_per_run": DURATION,
        "targets": {
            "p95_ms_at_10": TARGET_P95_MS,
            "queries_per_page": TARGET_QUERIES,
            "report_seconds": TARGET_REPORT_S,
            "report_peak_mb": TARGET_REPORT_MB,
            "import_seconds": TARGET_IMPORT_S,
        },
        "pages": {},
    }
    server = serve(FULL)
    try:
        cookies: dict[str, list[str]] = {}
        for page in plan["pages"]:
            user = page["user"]
            if user and user not in cookies:
                cookies[user] = [sign_in(user, plan["password"]) for _ in range(SESSIONS_PER_USER)]
            url = f"http://127.0.0.1:{PORT}{page['url']}"
            check_page(url, cookies.get(user, [""])[0])
        # Every worker loads its code, templates and connections on its first requests: not measured.
        log("warming up every worker on every page")
        for page in plan["pages"]:
            wrk(f"http://127.0.0.1:{PORT}{page['url']}", cookies.get(page["user"], [""]), 2 * WORKERS, "2s")
            drain()
        for page in plan["pages"]:
            user = page["user"]
            url = f"http://127.0.0.1:{PORT}{page['url']}"
            runs = {}
            for connections in CONCURRENCY:
                log(f"{page['name']}: {connections} connection(s)")
                runs[str(connections)] = wrk(url, cookies.get(user, [""]), connections)
                drain()
            results["pages"][page["name"]] = {
                "url": page["url"],
                "user": user,
                "runs": runs,
                "queries_small": small.get(page["name"]),
                "queries_full": full.get(page["name"]),
            }
    finally:
        server.terminate()
        server.wait(timeout=30)
    floor = results["pages"].get("floor (healthz)", {}).get("runs", {})
    for entry in results["pages"].values():
        for c, run in entry["runs"].items():
            base = floor.get(c, {}).get("p50_ms")
            run["ratio_to_floor_p50"] = round(run["p50_ms"] / base, 1) if base else None
        at_target = entry["runs"].get(TARGET_AT)
        entry["meets_targets"] = {
            "p95_at_10": at_target["p95_ms"] <= TARGET_P95_MS if at_target else None,
            "queries": (entry["queries_full"] or 0) <= TARGET_QUERIES,
            "queries_constant": entry["queries_small"] == entry["queries_full"],
        }
    log("timing the end-of-campaign report and a 30,000-person import")
    results["report_final_pdf"] = timed(FULL, *plan["report_command"])
    results["import_30000_people"] = timed_import(plan["import_command"])
    report, imported = results["report_final_pdf"], results["import_30000_people"]
    report["meets_target"] = bool(
        report["ok"] and report["seconds"] <= TARGET_REPORT_S and (report["peak_mb"] or 0) <= TARGET_REPORT_MB
    )
    imported["meets_target"] = bool(imported["ok"] and imported["seconds"] < TARGET_IMPORT_S)
    # Other processes on the machine disturb the figures: the load averages say how quiet it was.
    results["load_average"] = {"before": started_load, "after": [round(x, 2) for x in os.getloadavg()]}
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print_table(results)


def print_table(results: dict) -> None:
    print()
    print(
        f"{'page':<20} {'conn':>4} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>8} "
        f"{'errors':>6} {'x floor':>7} {'SQL small/full':>15}"
    )
    for name, entry in results["pages"].items():
        for c, run in entry["runs"].items():
            sql = f"{entry['queries_small']}/{entry['queries_full']}"
            print(
                f"{name:<20} {c:>4} {run['p50_ms']:>8.1f} {run['p95_ms']:>8.1f} {run['p99_ms']:>8.1f} "
                f"{run['rps']:>8.1f} {run['errors']:>6} {run['ratio_to_floor_p50'] or '':>7} {sql:>15}"
            )
    missed = [
        f"{name} ({', '.join(k for k, ok in entry['meets_targets'].items() if ok is False)})"
        for name, entry in results["pages"].items()
        if False in entry["meets_targets"].values()
    ]
    print(
        f"\ntargets (p95 ≤ {TARGET_P95_MS:.0f} ms at {TARGET_AT} connections, "
        f"≤ {TARGET_QUERIES} queries, same at both sizes):"
    )
    print("  all pages meet them" if not missed else "  missed: " + "; ".join(missed))
    report, imp = results["report_final_pdf"], results["import_30000_people"]
    print(
        f"end-of-campaign PDF: {report['seconds']} s, peak {report['peak_mb']} MB, ok={report['ok']} "
        f"(target ≤ {TARGET_REPORT_S:.0f} s, ≤ {TARGET_REPORT_MB:.0f} MB: "
        f"{'met' if report['meets_target'] else 'MISSED'})"
    )
    print(
        f"import of 30,000 people: {imp['seconds']} s, peak {imp['peak_mb']} MB, ok={imp['ok']} "
        f"(target < {TARGET_IMPORT_S:.0f} s: {'met' if imp['meets_target'] else 'MISSED'})"
    )
    print(f"written: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
