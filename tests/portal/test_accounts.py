import pytest
from django.core import mail
from django.test import Client

from campaigns import roles
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_login_page_is_vietnamese(client):
    response = client.get("/tai-khoan/dang-nhap/")
    text = response.content.decode()
    assert response.status_code == 200
    assert 'lang="vi"' in text and "Tên đăng nhập" in text and "Mật khẩu" in text


def test_wrong_password_gets_a_vietnamese_message_and_no_session(cast, client):
    response = client.post("/tai-khoan/dang-nhap/", {"username": "head_a", "password": "sai-mat-khau"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_five_failures_lock_the_account_even_for_the_right_password(cast, client):
    for _ in range(5):
        client.post("/tai-khoan/dang-nhap/", {"username": "head_a", "password": "sai-mat-khau"})
    response = client.post("/tai-khoan/dang-nhap/", {"username": "head_a", "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert "tạm thời bị khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_each_role_signs_in_and_sees_its_home(cast):
    expected = {
        "appraiser": roles.NOIVU_STAFF,
        "manager": roles.NOIVU_MANAGER,
        "council": roles.COUNCIL_MEMBER,
        "head_a": roles.UNIT_HEAD,
        "officer_a": roles.UNIT_OFFICER,
        "leader": roles.LEADER,
    }
    for username, role in expected.items():
        c = Client()
        response = c.post(
            "/tai-khoan/dang-nhap/", {"username": username, "password": TEST_PASSWORD}, follow=True
        )
        text = response.content.decode()
        assert response.status_code == 200, username
        assert str(roles.ROLE_LABELS[role]) in text, username


def test_user_without_role_is_told_to_ask_for_access(cast, client_for):
    text = client_for(cast.nobody).get("/").content.decode()
    assert "chưa được phân vai trò" in text


def test_home_requires_login(client):
    response = client.get("/")
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def _expiry(client):
    from django.contrib.sessions.models import Session

    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_activity_extends_the_session_at_most_once_a_minute(cast):
    import time

    from django.core.cache import cache

    c = Client()
    c.post("/tai-khoan/dang-nhap/", {"username": "head_a", "password": TEST_PASSWORD})
    assert c.get("/").status_code == 200
    first = _expiry(c)
    assert c.get("/").status_code == 200
    assert _expiry(c) == first  # no write within the minute
    session = c.session
    session["_seen"] = int(time.time()) - 61
    session.save()
    cache.clear()
    assert c.get("/").status_code == 200
    assert _expiry(c) > first  # activity after a minute moves the expiry forward


def test_session_ends_after_thirty_minutes_without_activity(cast, settings):
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.core.cache import cache
    from django.utils import timezone

    assert settings.SESSION_COOKIE_AGE == 30 * 60
    c = Client()
    c.post("/tai-khoan/dang-nhap/", {"username": "head_a", "password": TEST_PASSWORD})
    assert c.get("/").status_code == 200
    Session.objects.filter(session_key=c.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    cache.clear()
    response = c.get("/")
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def test_passwords_are_hashed_with_argon2_in_the_portal():
    from django.conf import settings as django_settings

    from emulation_portal import settings as portal_settings

    assert portal_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert django_settings.AUTH_PASSWORD_VALIDATORS


def test_password_change_rejects_a_weak_password(cast, client_for):
    c = client_for(cast.head_a)
    response = c.post(
        "/tai-khoan/doi-mat-khau/",
        {
            "old_password": TEST_PASSWORD,
            "new_password1": "12345678",
            "new_password2": "12345678",
        },
    )
    assert response.status_code == 200
    cast.head_a.refresh_from_db()
    assert cast.head_a.check_password(TEST_PASSWORD)


def test_password_reset_sends_a_vietnamese_email(cast, client):
    response = client.post("/tai-khoan/quen-mat-khau/", {"email": "head_a@example.invalid"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "Đặt lại mật khẩu" in mail.outbox[0].subject
    assert "/tai-khoan/dat-lai/" in mail.outbox[0].body


def test_logout_is_a_post(cast, client_for):
    c = client_for(cast.head_a)
    assert c.post("/tai-khoan/dang-xuat/").status_code == 302
    assert c.get("/").status_code == 302
