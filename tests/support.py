"""What the test run can reach: PostgreSQL, Redis, Chromium; skip or fail when one is missing."""

import os
import shutil
import socket
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.db import connection

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


def requires(service: str, available: bool) -> None:
    """Skip (or, under REQUIRE_SERVICES=1, fail) when a service the test needs is missing."""
    if available:
        return
    message = f"{service} không sẵn sàng cho lần chạy này"
    if settings.REQUIRE_SERVICES:
        pytest.fail(f"REQUIRE_SERVICES=1 nhưng {message}")
    pytest.skip(message)


def on_postgresql() -> bool:
    return connection.vendor == "postgresql"


def redis_reachable() -> bool:
    if not settings.REDIS_URL:
        return False
    url = urlparse(settings.REDIS_URL)
    try:
        with socket.create_connection((url.hostname or "127.0.0.1", url.port or 6379), timeout=1):
            return True
    except OSError:
        return False


def chromium_available() -> bool:
    return os.path.exists(CHROMIUM)


def table_rows(html: str) -> str:
    """The rows of a list page's table: not its filters' choices, the navigation or the signed-in user's unit.

    An assertion on the whole page would also pass on a filter option or the header carrying the same text.
    """
    assert "<tbody" in html, "the page has no table"
    return html.split("<tbody", 1)[1].split("</tbody>", 1)[0]
