"""Each role signs in with a real Chromium and sees its home page."""

import pytest

from campaigns import roles
from tests.conftest import login, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_every_role_signs_in_in_a_real_browser(page, cast):
    for username in ("appraiser", "manager", "council", "head_a", "officer_a", "leader"):
        login(page, username)
        heading = page.locator("h1").first.inner_text()
        assert heading.startswith("Xin chào"), username
        role = roles.primary_role(cast.users()[username])
        assert str(roles.ROLE_LABELS[role]) in page.content()
        screenshot(page, f"home-{username}")
        page.context.clear_cookies()


def test_wrong_password_in_the_browser_shows_the_vietnamese_message(page, cast):
    login(page, "head_a", "khong-dung")
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in page.content()
    screenshot(page, "login-wrong-password")
