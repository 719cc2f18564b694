"""The directory in a real Chromium: search without diacritics, and a browser import preview → confirm."""

import pytest

from campaigns.models import Person
from tests.conftest import login, press, screenshot
from tests.factories import PersonFactory, UnitFactory
from tests.files import PEOPLE_HEADER, csv_bytes, xlsx

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_searching_people_without_diacritics(page, cast):
    PersonFactory(
        full_name="Nguyễn Văn A", unit=cast.unit_a, personal_id="033085001234", position="Chuyên viên"
    )
    PersonFactory(full_name="Nguyễn Thị Ánh", unit=cast.unit_a_child, position="Công chức Tư pháp – Hộ tịch")
    PersonFactory(full_name="Lê Văn Bảo", unit=cast.unit_b)
    login(page, "head_a")
    page.goto(page.base_url + "/ca-nhan/")
    page.get_by_label("Tìm kiếm").fill("nguyen van a")
    press(page, "Lọc")
    rows = page.locator("#people tbody tr")
    assert rows.count() == 1
    assert "Nguyễn Văn A" in rows.first.inner_text()
    # The unit head sees the number masked.
    assert "********1234" in rows.first.inner_text() and "033085001234" not in page.content()
    screenshot(page, "directory-search-without-diacritics")

    page.get_by_label("Tìm kiếm").fill("NGUYEN")
    press(page, "Lọc")
    text = page.locator("#people tbody").inner_text()
    assert "Nguyễn Thị Ánh" in text and "Nguyễn Văn A" in text and "Lê Văn Bảo" not in text


def test_browser_import_preview_marks_errors_then_confirm_writes(page, cast, tmp_path):
    UnitFactory(code="SNV", name="Sở Nội vụ tỉnh Hưng Yên", parent=cast.province)
    bad = tmp_path / "danh-sach-loi.csv"
    bad.write_bytes(
        csv_bytes(
            PEOPLE_HEADER,
            [
                ["Hoàng Văn Giang", "01/01/1980", "Nam", "Chuyên viên", "SNV", "Công chức", "033080111222"],
                ["Đinh Thị Hà", "31/04/1985", "Nữ", "Chuyên viên", "SNV", "Hợp đồng", ""],
                ["Vũ Minh Khoa", "12/12/1990", "Nam", "Chuyên viên", "KHONG-CO", "Viên chức", ""],
            ],
            delimiter=";",
            bom=True,
        )
    )
    good = tmp_path / "danh-sach.xlsx"
    good.write_bytes(
        xlsx(
            PEOPLE_HEADER,
            [
                ["Hoàng Văn Giang", "01/01/1980", "Nam", "Chuyên viên", "SNV", "Công chức", "033080111222"],
                ["Đinh Thị Hà", "30/04/1985", "Nữ", "Chuyên viên", "SNV", "Công chức", ""],
                ["Vũ Minh Khoa", 33219, "Nam", "Chuyên viên", "SNV", "Viên chức", ""],
            ],
        )
    )
    login(page, "appraiser")
    page.goto(page.base_url + "/nhap-du-lieu/")
    page.get_by_role("link", name="Tải tệp lên").nth(1).click()
    assert page.get_by_role("link", name="Tải tệp mẫu (.xlsx)").is_visible()
    page.get_by_label("Tệp dữ liệu").set_input_files(str(bad))
    press(page, "Tải lên và xem trước")
    report = page.locator(".import-report").inner_text()
    assert "Dòng 3, cột “Ngày sinh”" in report and "Dòng 3, cột “Đối tượng”" in report
    assert "Dòng 4, cột “Mã đơn vị”" in report
    assert page.locator("td.cell-error").count() == 3
    assert page.get_by_role("button", name="Xác nhận nhập").count() == 0
    screenshot(page, "directory-import-preview-errors")
    assert not Person.objects.exists()

    page.get_by_role("link", name="Tải tệp đã sửa lên").click()
    page.get_by_label("Tệp dữ liệu").set_input_files(str(good))
    press(page, "Tải lên và xem trước")
    assert "Sẽ ghi: 3 bản ghi thêm mới" in page.content()
    assert "********1222" in page.content()
    screenshot(page, "directory-import-preview-ok")
    press(page, "Xác nhận nhập")
    assert "Đã ghi: 3 bản ghi thêm mới" in page.content()
    screenshot(page, "directory-import-confirmed")
    assert Person.objects.count() == 3
    assert Person.objects.get(search_name="vu minh khoa").date_of_birth.isoformat() == "1990-12-12"

    page.goto(page.base_url + "/ca-nhan/?q=dinh thi ha")
    assert "Đinh Thị Hà" in page.locator("#people tbody").inner_text()
    screenshot(page, "directory-people-after-import")


def test_demo_unit_head_sees_the_history_of_the_units_their_commune_succeeded(page):
    from django.core.management import call_command

    from campaigns.models import Unit
    from devdata.demo.directory import DEMO_PASSWORD, DEMO_UNIT_CODE

    call_command("seed_demo")
    commune = Unit.objects.get(code=DEMO_UNIT_CODE)
    login(page, "thutruong", DEMO_PASSWORD)
    page.get_by_role("button", name="Danh mục").click()  # the navigation groups the directory pages
    page.get_by_role("link", name="Đơn vị", exact=True).first.click()
    page.wait_for_load_state("networkidle")
    assert "UBND xã Như Quỳnh" in page.content() and "UBND huyện Ân Thi" not in page.content()
    screenshot(page, "directory-demo-unit-list-head")
    page.goto(f"{page.base_url}/don-vi/{commune.pk}/")
    history = page.locator("main").inner_text()
    assert (
        "UBND huyện Văn Lâm" in history and "UBND thị trấn Như Quỳnh" in history and "30/06/2025" in history
    )
    screenshot(page, "directory-demo-unit-page-successor")
    # The dissolved district's own page is outside the commune's tree: not found.
    district = Unit.objects.get(code="H-VANLAM")
    page.goto(f"{page.base_url}/don-vi/{district.pk}/")
    assert "Không tìm thấy trang" in page.locator("h1").inner_text()
    page.context.clear_cookies()
    login(page, "chuyenvien", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/don-vi/{district.pk}/")
    assert "Đã giải thể, sáp nhập" in page.content()
    screenshot(page, "directory-demo-dissolved-district")


def test_manager_onboards_a_unit_officer_in_the_browser(page, cast):
    from django.contrib.auth import get_user_model

    login(page, "manager")
    page.get_by_role("button", name="Danh mục").click()
    page.get_by_role("link", name="Tài khoản", exact=True).first.click()
    page.get_by_role("link", name="Thêm tài khoản").click()
    page.get_by_label("Tên đăng nhập").fill("canbo_lachong")
    page.get_by_label("Họ và tên đệm").fill("Vũ Thị")
    page.locator("#id_first_name").fill("Hoa")
    page.get_by_label("Vai trò").select_option("unit_officer")
    page.get_by_label("Mật khẩu ban đầu").fill("Mat-khau-dai-2026")
    press(page, "Lưu")
    # No unit chosen: the service refuses with a sentence, nothing is created.
    assert "phải thuộc một đơn vị" in page.content()
    screenshot(page, "directory-account-refused")
    page.get_by_label("Đơn vị").fill("lac hong")  # the unit typed by name, without diacritics
    page.get_by_label("Mật khẩu ban đầu").fill("Mat-khau-dai-2026")
    press(page, "Lưu")
    assert "Đã tạo tài khoản “canbo_lachong”" in page.content()
    screenshot(page, "directory-account-list")
    user = get_user_model().objects.get(username="canbo_lachong")
    assert user.membership.unit == cast.unit_a_child
