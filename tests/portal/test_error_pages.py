import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_unknown_url_gets_the_vietnamese_404(client):
    response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_post_without_csrf_token_gets_a_vietnamese_page_and_changes_nothing(cast):
    c = Client(enforce_csrf_checks=True)
    c.force_login(cast.head_a)
    response = c.post(
        "/tai-khoan/doi-mat-khau/",
        {
            "old_password": "x",
            "new_password1": "Mot-mat-khau-moi-2026",
            "new_password2": "Mot-mat-khau-moi-2026",
        },
    )
    assert response.status_code == 403
    assert "Phiên biểu mẫu đã hết hạn" in response.content.decode()
    cast.head_a.refresh_from_db()
    assert not cast.head_a.check_password("Mot-mat-khau-moi-2026")


def test_server_error_page_is_vietnamese_without_a_trace():
    from django.test import RequestFactory

    from portal.views.errors import server_error

    response = server_error(RequestFactory().get("/"))
    text = response.content.decode()
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in text and "Traceback" not in text


def test_pages_carry_security_headers(client):
    response = client.get("/tai-khoan/dang-nhap/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
