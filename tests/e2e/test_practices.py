"""In Chromium: a unit registers a model with a photo, Sở Nội vụ recognises and features it, it shows in
the library and on the public page; a difficulty goes from raised to answered with its history."""

import re

import pytest

from practices.models import Difficulty, DifficultyState, Practice, PracticeState
from tests.conftest import login, press, screenshot
from tests.files import png_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NAME = "Dân vận khéo trong giải phóng mặt bằng"


def _sign_in_as(page, username: str) -> None:
    page.context.clear_cookies()
    login(page, username)


def test_model_from_registration_to_the_public_page(page, cast):
    base = page.base_url
    _sign_in_as(page, "officer_a")
    page.goto(base + "/mo-hinh/")
    page.get_by_role("link", name="Đăng ký mô hình", exact=True).click()
    page.fill("#id_name", NAME)
    page.select_option("#id_field", "economy")
    page.fill("#id_place", "Xã Lạc Hồng, huyện Văn Lâm")
    page.fill(
        "#id_description", "Cán bộ đến từng hộ, đối thoại công khai phương án bồi thường, hỗ trợ tái định cư."
    )
    page.fill(
        "#id_results", "Vận động 120 hộ bàn giao 35 ha mặt bằng đúng tiến độ; không có khiếu nại vượt cấp."
    )
    page.fill("#id_started_on", "01/03/2025")
    page.set_input_files(
        "#id_photos",
        files=[
            {
                "name": "doi-thoai-voi-dan.png",
                "mimeType": "image/png",
                "buffer": png_bytes(320, 200, (18, 53, 91)),
            }
        ],
    )
    screenshot(page, "practices-register-form")
    press(page, "Đăng ký", exact=True)
    assert "Đã đăng ký mô hình" in page.content()
    practice = Practice.objects.get(name=NAME)
    assert practice.state == PracticeState.REGISTERED and practice.unit == cast.unit_a
    assert page.locator("img.practice-photo").evaluate("img => img.naturalWidth") == 320
    screenshot(page, "practices-registered-detail")

    _sign_in_as(page, "appraiser")
    page.goto(f"{base}/mo-hinh/so-dang-ky/?state=registered")
    screenshot(page, "practices-register-noivu")
    page.get_by_role("link", name="Công nhận", exact=True).first.click()
    page.fill("#id_decision_number", "1862/QĐ-UBND")
    page.fill("#id_decision_date", "12/09/2025")
    press(page, "Công nhận", exact=True)
    assert "Đã ghi nhận quyết định công nhận" in page.content()
    page.fill("#id_comment", "Cách làm hay, cần nhân rộng tại các xã có dự án.")
    press(page, "Chọn nhân rộng")
    assert "điển hình nhân rộng và công khai" in page.content()
    assert "Quyết định số 1862/QĐ-UBND ngày 12/09/2025 của UBND tỉnh Hưng Yên" in page.content()
    screenshot(page, "practices-featured-detail-with-history")
    practice.refresh_from_db()
    assert practice.state == PracticeState.FEATURED

    _sign_in_as(page, "head_b")
    page.goto(base + "/mo-hinh/")
    page.fill("#id_q", "giai phong mat bang")
    press(page, "Lọc", exact=True)
    cards = page.locator(".practice-card")
    assert cards.count() == 1 and NAME in cards.first.inner_text()
    assert "Điển hình nhân rộng" in cards.first.inner_text()
    screenshot(page, "practices-library-search")

    page.context.clear_cookies()
    page.goto(base + "/cong-khai/mo-hinh/")
    assert NAME in page.content()
    page.get_by_role("link", name=NAME).click()
    page.wait_for_load_state("networkidle")
    assert re.search(r"/cong-khai/mo-hinh/\d+/$", page.url)
    assert page.locator("img.practice-photo").evaluate("img => img.naturalWidth") == 320
    assert "UBND huyện Văn Lâm" in page.content()
    screenshot(page, "practices-public-detail")


def test_difficulty_from_raised_to_answered_with_history(page, cast):
    base = page.base_url
    _sign_in_as(page, "officer_a")
    page.goto(base + "/kho-khan/")
    page.get_by_role("link", name="Gửi khó khăn, vướng mắc").click()
    page.select_option("#id_topic", "resources")
    page.fill("#id_title", "Chưa có kinh phí duy trì bộ phận một cửa thân thiện")
    page.fill(
        "#id_description",
        "Xã chưa được bố trí kinh phí mua máy lấy số tự động. Đề nghị hướng dẫn nguồn kinh phí.",
    )
    press(page, "Gửi", exact=True)
    assert "Đã gửi khó khăn, vướng mắc tới Sở Nội vụ" in page.content()

    _sign_in_as(page, "appraiser")
    page.goto(base + "/kho-khan/")
    row = page.locator("tbody tr").first
    assert "Chưa có kinh phí" in row.inner_text() and "UBND huyện Văn Lâm" in row.inner_text()
    screenshot(page, "difficulties-queue-noivu")
    row.get_by_role("link").click()
    page.fill("#id_answer", "Đề nghị đơn vị lập dự toán trong kinh phí cải cách hành chính năm 2026.")
    press(page, "Gửi trả lời")
    assert "Đã gửi trả lời cho đơn vị" in page.content()

    _sign_in_as(page, "officer_a")
    item = Difficulty.objects.get()
    assert item.state == DifficultyState.ANSWERED
    page.goto(f"{base}/kho-khan/{item.pk}/")
    content = page.content()
    assert "Trả lời của Sở Nội vụ" in content and "kinh phí cải cách hành chính năm 2026" in content
    history = page.locator(".list-group-item").all_inner_texts()
    assert history[0].startswith("Gửi khó khăn, vướng mắc") and history[1].startswith("Sở Nội vụ trả lời")
    screenshot(page, "difficulties-answered-unit-view")
