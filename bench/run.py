"""`make bench`: load the portal on loopback with wrk and print latency, throughput and SQL figures.

Steps: prepare two PostgreSQL databases (a small one and the province-scale one from
generate_scale_data), count SQL queries per key page on both, serve the scale one with gunicorn on
127.0.0.1, sign in each role over HTTP, run wrk at 1, 10 and 50 connections per page (a trivial view
in the same server is the floor), time the end-of-campaign report and a 30,000-person import, then
print a table and write bench/results.json.
"""

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
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
SEED = os.environ.get("BENCH_SEED", "1")
RESULTS = ROOT / "bench" / "results.json"


def log(message: str) -> None:
    print(f"[bench] {message}", flush=True)


def env_for(database: str, **extra) -> dict:
    env = dict(os.environ, DATABASE_URL=f"{PG}/{database}", REDIS_URL=REDIS_URL, DEBUG="false",
               ALLOWED_HOSTS="127.0.0.1,localhost", MEDIA_ROOT=str(ROOT / "var" / f"media-{database}"))
    env.update(extra)
    return env


def manage(database: str, *args, capture: bool = False, **extra) -> subprocess.CompletedProcess:
    return subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env_for(database, **extra), check=True,
                          capture_output=capture, text=True)


def ensure_database(database: str, size: str) -> None:
    """Create, migrate and fill a database once; a marker row makes re-runs skip the generation."""
    admin = urllib.parse.urlparse(PG)
    psql = ["psql", "-h", admin.hostname or "127.0.0.1", "-p", str(admin.port or 5432), "-U", admin.username or "postgres"]
    exists = subprocess.run([*psql, "-d", "postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{database}'"],
                            capture_output=True, text=True).stdout.strip()
    if not exists:
        subprocess.run([*psql, "-d", "postgres", "-qc", f'CREATE DATABASE "{database}"'], check=True)
    manage(database, "migrate", "--noinput", "-v0")
    manage(database, "generate_scale_data", "--seed", SEED, "--size", size)


def query_counts(database: str) -> dict:
    out = manage(database, "bench_plan", "--count-queries", capture=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def sign_in(username: str, password: str) -> str:
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_url = f"http://127.0.0.1:{PORT}/tai-khoan/dang-nhap/"
    page = opener.open(login_url).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token}).encode()
    request = urllib.request.Request(login_url, data=data, headers={"Referer": login_url})
    opener.open(request).read()
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def wrk(url: str, cookie: str, connections: int) -> dict:
    threads = str(min(connections, 2))
    result = subprocess.run(
        ["wrk", "-t", threads, "-c", str(connections), "-d", DURATION, "--timeout", "10s",
         "-s", str(ROOT / "bench" / "latency.lua"), url],
        env=dict(os.environ, BENCH_COOKIE=cookie), capture_output=True, text=True, check=True,
    )
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("BENCH_JSON "))
    return json.loads(line[len("BENCH_JSON "):])


def serve(database: str) -> subprocess.Popen:
    manage(database, "collectstatic", "--noinput", "-v0")
    process = subprocess.Popen(
        [PY, "-m", "gunicorn", "emulation_portal.wsgi:application", "--bind", f"127.0.0.1:{PORT}",
         "--workers", os.environ.get("BENCH_WORKERS", "4"), "--access-logfile", "/dev/null", "--log-level", "warning"],
        cwd=ROOT, env=env_for(database, AXES_FAILURE_LIMIT="1000"),
    )
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
            return process
        except Exception:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def timed(database: str, *args) -> dict:
    """Wall time and peak memory (max RSS of the child) of a management command."""
    start = time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-v", PY, "manage.py", *args], cwd=ROOT, env=env_for(database),
                            capture_output=True, text=True)
    seconds = time.monotonic() - start
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    return {"seconds": round(seconds, 2), "peak_mb": round(int(rss.group(1)) / 1024, 1) if rss else None,
            "ok": result.returncode == 0, "output": (result.stdout + result.stderr)[-600:] if result.returncode else ""}


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("Thiếu công cụ wrk: sudo apt-get install wrk")
    log("preparing databases (small and province scale)")
    ensure_database("portal_bench_small", "small")
    ensure_database("portal_bench", "full")
    log("counting SQL queries per page at both sizes")
    small, full = query_counts("portal_bench_small"), query_counts("portal_bench")
    plan = json.loads(manage("portal_bench", "bench_plan", capture=True).stdout.strip().splitlines()[-1])
    results = {
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)},
        "when": time.strftime("%Y-%m-%d %H:%M:%S %z"), "duration_per_run": DURATION, "pages": {},
    }
    server = serve("portal_bench")
    try:
        cookies = {}
        for page in plan["pages"]:
            user = page["user"]
            if user and user not in cookies:
                cookies[user] = sign_in(user, plan["password"])
            cookie = cookies.get(user, "")
            runs = {}
            for connections in CONCURRENCY:
                log(f"{page['name']}: {connections} connection(s)")
                runs[str(connections)] = wrk(f"http://127.0.0.1:{PORT}{page['url']}", cookie, connections)
            results["pages"][page["name"]] = {
                "url": page["url"], "user": user, "runs": runs,
                "queries_small": small.get(page["name"]), "queries_full": full.get(page["name"]),
            }
    finally:
        server.terminate()
        server.wait(timeout=30)
    floor = results["pages"].get("floor (healthz)", {}).get("runs", {})
    for entry in results["pages"].values():
        for c, run in entry["runs"].items():
            base = floor.get(c, {}).get("p50_ms")
            run["ratio_to_floor_p50"] = round(run["p50_ms"] / base, 1) if base else None
    log("timing the end-of-campaign report and a 30,000-person import")
    results["report_final_pdf"] = timed("portal_bench", *plan["report_command"])
    results["import_30000_people"] = timed("portal_bench_small", *plan["import_command"])
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print_table(results)


def print_table(results: dict) -> None:
    print()
    print(f"{'page':<34} {'conn':>4} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>8} {'x floor':>7} {'SQL small/full':>15}")
    for name, entry in results["pages"].items():
        for c, run in entry["runs"].items():
            sql = f"{entry['queries_small']}/{entry['queries_full']}"
            print(f"{name:<34} {c:>4} {run['p50_ms']:>8.1f} {run['p95_ms']:>8.1f} {run['p99_ms']:>8.1f} "
                  f"{run['rps']:>8.1f} {run['ratio_to_floor_p50'] or '':>7} {sql:>15}")
    report, imp = results["report_final_pdf"], results["import_30000_people"]
    print(f"\nend-of-campaign PDF: {report['seconds']} s, peak {report['peak_mb']} MB, ok={report['ok']}")
    print(f"import of 30,000 people: {imp['seconds']} s, peak {imp['peak_mb']} MB, ok={imp['ok']}")
    print(f"written: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
