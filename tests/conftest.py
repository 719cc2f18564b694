"""Shared fixtures: the cast of users, a real Celery worker, and a real Chromium driven by Playwright."""

import os
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import override_settings

from campaigns import roles
from campaigns.models import Unit
from emulation_portal.celery import app as celery_app
from tests.factories import TEST_PASSWORD, OfficialFactory, UnitFactory, make_user
from tests.support import CHROMIUM, chromium_available, on_postgresql, redis_reachable, requires

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "var" / "test-artifacts"

# Under the event loop that Playwright's sync API runs, Django would refuse ORM calls in tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing():
    # Argon2 is right for people and too slow for hundreds of test users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from django.contrib.auth.hashers import get_hashers, get_hashers_by_algorithm

    get_hashers.cache_clear()
    get_hashers_by_algorithm.cache_clear()


@pytest.fixture(scope="session", autouse=True)
def _empty_cache():
    # The Redis cache outlives a run (and test databases reuse ids): start from nothing.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _isolated_media(request, settings, tmp_path):
    if "module_db" in request.fixturenames:
        return  # the files of data seeded once for the module stay in the module's folder
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker, tmp_path_factory):
    """A transaction open for the whole module, for data seeded once and shared by its tests.

    A module-scoped fixture asks for it and seeds inside `with module_db.unblock():`; each test still
    rolls back its own changes (a savepoint inside this transaction), and everything is rolled back when
    the module ends. The module's files go to one media folder. Not in a module with transactional tests
    (one that ran while this transaction is open would commit nothing that a worker or server could see).
    """
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("module-media")):
        with django_db_blocker.unblock():
            atomic = transaction.atomic()
            atomic.__enter__()
        try:
            yield django_db_blocker
        finally:
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)


# --- The cast -------------------------------------------------------------------------------


# The cast's users, signed in: unit A's two, unit B's two, Sở Nội vụ's two, then the rest.
CAST_USERS = [
    "officer_a",
    "head_a",
    "head_b",
    "officer_b",
    "appraiser",
    "manager",
    "council",
    "leader",
    "nobody",
]


@dataclass
class Cast:
    province: Unit
    noivu: Unit
    unit_a: Unit
    unit_a_child: Unit
    unit_b: Unit
    officer_a: object
    head_a: object
    head_b: object
    officer_b: object
    appraiser: object
    manager: object
    council: object
    leader: object
    nobody: object  # signed in, no role, no unit

    def users(self) -> dict:
        return {name: getattr(self, name) for name in CAST_USERS}


def build_cast() -> Cast:
    province = UnitFactory(
        code="T-HY", name="Ủy ban nhân dân tỉnh Hưng Yên", kind=Unit.Kind.PROVINCE, locality="Hưng Yên"
    )
    noivu = UnitFactory(code="T-SNV", name="Sở Nội vụ", kind=Unit.Kind.PROVINCIAL_AGENCY, parent=province)
    unit_a = UnitFactory(
        code="T-VL",
        name="UBND huyện Văn Lâm",
        official_name="Ủy ban nhân dân huyện Văn Lâm",
        locality="Văn Lâm",
        kind=Unit.Kind.DISTRICT,
        parent=province,
    )
    unit_a_child = UnitFactory(
        code="T-VL-LH",
        name="UBND xã Lạc Hồng",
        official_name="Ủy ban nhân dân xã Lạc Hồng",
        locality="Lạc Hồng",
        kind=Unit.Kind.COMMUNE,
        parent=unit_a,
    )
    unit_b = UnitFactory(
        code="T-AT",
        name="UBND huyện Ân Thi",
        official_name="Ủy ban nhân dân huyện Ân Thi",
        locality="Ân Thi",
        kind=Unit.Kind.DISTRICT,
        parent=province,
    )
    for unit, name, title in (
        (province, "Trần Quốc Văn", "Chủ tịch"),
        (noivu, "Lê Văn Thành", "Giám đốc"),
        (unit_a, "Nguyễn Văn Lâm", "Chủ tịch"),
        (unit_a_child, "Phạm Văn Hồng", "Chủ tịch"),
        (unit_b, "Đỗ Văn Thi", "Chủ tịch"),
    ):
        OfficialFactory(unit=unit, full_name=name, title=title)
    return Cast(
        province=province,
        noivu=noivu,
        unit_a=unit_a,
        unit_a_child=unit_a_child,
        unit_b=unit_b,
        officer_a=make_user("officer_a", roles.UNIT_OFFICER, unit_a),
        head_a=make_user("head_a", roles.UNIT_HEAD, unit_a),
        head_b=make_user("head_b", roles.UNIT_HEAD, unit_b),
        officer_b=make_user("officer_b", roles.UNIT_OFFICER, unit_b),
        appraiser=make_user("appraiser", roles.NOIVU_STAFF, noivu),
        manager=make_user("manager", roles.NOIVU_MANAGER, noivu),
        council=make_user("council", roles.COUNCIL_MEMBER, noivu),
        leader=make_user("leader", roles.LEADER, province),
        nobody=make_user("nobody"),
    )


@pytest.fixture
def cast(db) -> Cast:
    """Officer and head of unit A, head and officer of unit B, appraiser, manager, council, leader."""
    return build_cast()


@pytest.fixture
def client_for(client):
    """client_for(user) -> a test client signed in as that user (None: anonymous)."""
    from django.test import Client

    def make(user):
        c = Client()
        if user is not None:
            c.force_login(user)
        return c

    return make


# --- Services -------------------------------------------------------------------------------


@pytest.fixture
def require_postgresql(db):
    requires("PostgreSQL (DATABASE_URL=postgres://…)", on_postgresql())


@pytest.fixture
def require_redis():
    requires("Redis (REDIS_URL)", redis_reachable())


def _database_url_for_worker() -> str:
    """The URL of the *test* database, so that a worker process sees what the test committed."""
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, django_db_blocker):
    """A real `celery worker` process on the configured broker, consuming a queue of its own."""
    if settings.REQUIRE_SERVICES:
        requires("Redis (REDIS_URL)", redis_reachable())
    queue = f"test-{uuid.uuid4().hex[:8]}"
    previous_queue = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    with django_db_blocker.unblock():
        db_url = _database_url_for_worker()
    env = dict(
        os.environ,
        DATABASE_URL=db_url,
        DJANGO_SETTINGS_MODULE="emulation_portal.settings",
        MEDIA_ROOT=str(ARTIFACTS / "worker-media"),
        CELERY_TASK_ALWAYS_EAGER="0",
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = open(ARTIFACTS / f"celery-worker-{queue}.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "emulation_portal",
            "worker",
            "-Q",
            queue,
            "--concurrency",
            "1",
            "--pool",
            "prefork",
            "--loglevel",
            "INFO",
            "-n",
            f"{queue}@%h",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    worker = WorkerHandle(process=process, queue=queue, log_path=Path(log.name), env=env)
    try:
        worker.wait_ready()
        yield worker
    finally:
        worker.stop()
        log.close()
        celery_app.conf.task_default_queue = previous_queue


@dataclass
class WorkerHandle:
    process: subprocess.Popen
    queue: str
    log_path: Path
    env: dict

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Celery worker exited early:\n{self.log_path.read_text()[-3000:]}")
            if "ready." in self.log_path.read_text(errors="replace"):
                return
            time.sleep(0.3)
        raise RuntimeError(f"Celery worker not ready after {timeout}s:\n{self.log_path.read_text()[-3000:]}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# --- Browser --------------------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture(scope="session")
def browser():
    requires("Chromium (gói Debian 'chromium')", chromium_available())
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(request, browser, live_server):
    """A fresh browser page; its screenshot is saved when the test fails."""
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1366, "height": 900}
    )
    pg = context.new_page()
    pg.set_default_timeout(15000)
    pg.base_url = live_server.url
    yield pg
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"FAILED-{request.node.name}.png"), full_page=True)
    context.close()


def screenshot(pg, name: str) -> Path:
    """Save a full-page screenshot under var/test-artifacts/ for people to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    return path


def login(pg, username: str, password: str = TEST_PASSWORD) -> None:
    pg.goto(pg.base_url + "/tai-khoan/dang-nhap/")
    pg.get_by_label("Tên đăng nhập").fill(username)
    pg.get_by_label("Mật khẩu").fill(password)
    press(pg, "Đăng nhập")


def press(pg, button: str, **options) -> None:
    """Click the button of that name (get_by_role options, e.g. exact=True) and wait for what it loads."""
    pg.get_by_role("button", name=button, **options).click()
    pg.wait_for_load_state("networkidle")
