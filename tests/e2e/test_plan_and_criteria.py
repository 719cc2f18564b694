"""In a real Chromium: the plan page, a manager editing a round, a unit uploading its plan."""

import datetime as dt

import pytest

from criteria.models import UnitPlan, UnitRanking
from criteria.plan_loader import load_plan_file
from tests.conftest import login, press, screenshot
from tests.criteria.conftest import PLAN_169
from tests.files import PDF_BYTES

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan(cast):
    return load_plan_file(PLAN_169).campaign


def test_manager_edits_a_round_and_sees_the_validation(page, plan):
    login(page, "manager")
    page.goto(page.base_url + "/ke-hoach/")
    assert page.locator("h1").first.inner_text() == "KẾ HOẠCH"
    rows = page.locator('table[data-subject="collective"] tr.criterion-row')
    assert rows.evaluate_all("rs => rs.map(r => r.dataset.code)") == ["a", "b", "c", "d", "đ", "e", "g"]
    screenshot(page, "plan-page-manager")

    page.locator("#dot-khen-thuong tr", has_text="Khen thưởng hằng năm 2026").get_by_role(
        "link", name="Sửa"
    ).click()
    page.get_by_label("Hạn nộp hồ sơ").fill("01/10/2026")  # before the window opens
    page.get_by_role("button", name="Lưu đợt khen thưởng").click()
    assert page.locator(".alert-danger").get_by_text("Hạn nộp hồ sơ phải sau ngày mở nhận hồ sơ").is_visible()
    assert page.get_by_label("Tỷ lệ đồng ý để thông qua").input_value() == "0,500"
    screenshot(page, "round-edit-refused")

    page.get_by_label("Hạn nộp hồ sơ").fill("05/12/2026")
    page.get_by_label("Chỉ tiêu: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh").fill("12")
    press(page, "Lưu đợt khen thưởng")
    assert "Đã lưu đợt" in page.content()
    row = page.locator("#dot-khen-thuong tr", has_text="Khen thưởng hằng năm 2026")
    assert "05/12/2026" in row.inner_text() and "Bằng khen: tối đa 12" in row.inner_text()
    screenshot(page, "round-edit-saved")
    round_ = plan.rounds.get(code="nam-2026")
    assert round_.closes_on == dt.date(2026, 12, 5)


def test_unit_officer_registers_and_uploads_its_plan(page, plan, cast, tmp_path):
    UnitRanking.objects.create(unit=cast.unit_a, year=2025, points=90, grade="tot", rank=2, group_size=10)
    login(page, "officer_a")
    page.goto(page.base_url + "/nhiem-vu-don-vi/")
    screenshot(page, "duties-table-officer")
    assert page.locator(".duties-table").inner_text().count("UBND huyện Ân Thi") == 0
    page.get_by_role("link", name="Nhiệm vụ của đơn vị tôi").click()

    page.get_by_label("Nội dung đăng ký, cam kết thi đua").fill(
        "100% thủ tục hành chính giải quyết đúng hạn; xây dựng 2 mô hình “Dân vận khéo”."
    )
    page.get_by_role("button", name="Đăng ký thi đua").click()
    assert "Đã lưu đăng ký thi đua" in page.content()

    bad = tmp_path / "ke-hoach.pdf"
    bad.write_bytes(b"<html>not a pdf</html>")
    page.get_by_label("Số, ký hiệu kế hoạch").fill("25/KH-UBND")
    page.get_by_label("Ngày ban hành").fill("10/12/2024")
    page.get_by_label("Tệp kế hoạch (PDF hoặc DOCX)").set_input_files(str(bad))
    page.get_by_role("button", name="Tải lên kế hoạch").click()
    assert "không phải là PDF" in page.content()
    assert not UnitPlan.objects.exists()

    good = tmp_path / "ke-hoach-phat-dong.pdf"
    good.write_bytes(PDF_BYTES)
    page.get_by_label("Số, ký hiệu kế hoạch").fill("25/KH-UBND")
    page.get_by_label("Ngày ban hành").fill("10/12/2024")
    page.get_by_label("Tệp kế hoạch (PDF hoặc DOCX)").set_input_files(str(good))
    press(page, "Tải lên kế hoạch")
    assert "Đã tải lên kế hoạch" in page.content()
    assert "ke-hoach-phat-dong.pdf" in page.locator(".current-plan").inner_text()
    screenshot(page, "unit-duties-after-upload")
    assert UnitPlan.objects.get().unit == cast.unit_a

    page.context.clear_cookies()
    login(page, "appraiser")
    page.goto(page.base_url + "/nhiem-vu-don-vi/?q=van lam")
    cells = page.locator(".duties-table tbody tr").first.inner_text()
    # Registered and uploaded today, after the deadlines of 15/12/2024 and 31/12/2024: late.
    assert "UBND huyện Văn Lâm" in cells and cells.count("Trễ hạn") == 2
    screenshot(page, "duties-table-noivu")
