"""The awards journey in a real Chromium: rank and propose within quota, council vote, decision, register."""

import pytest

from awards.defaults import ensure_defaults
from tests.conftest import login, screenshot
from tests.factories import PersonFactory, appraised, award_round

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_manager_proposes_within_quota_council_votes_decision_is_public(page, cast):
    ensure_defaults()  # an earlier transactional test may have flushed the seeded base salary
    round_ = award_round(quota=2, name="Khen thưởng năm 2025")
    best = appraised(
        round_,
        created_by=cast.officer_a,
        score="96",
        person=PersonFactory(unit=cast.unit_a, full_name="Nguyễn Thị Hương", position="Phó Chủ tịch"),
    )
    direct = appraised(
        round_,
        created_by=cast.officer_a,
        score="90",
        person=PersonFactory(unit=cast.unit_a_child, full_name="Lê Văn Đạt", is_direct_worker=True),
    )
    outside = appraised(round_, created_by=cast.officer_b, score="90", unit=cast.unit_b)
    page.on("dialog", lambda dialog: dialog.accept())

    # 1. The manager ranks and proposes the two dossiers above the quota line.
    login(page, "manager")
    page.get_by_role("link", name="Xếp hạng, đề nghị").first.click()
    page.get_by_role("link", name="Khen thưởng năm 2025").click()
    rows = page.locator("#ranking tbody tr[data-rank]")
    assert rows.nth(0).inner_text().count("Nguyễn Thị Hương") == 1
    assert "Lê Văn Đạt" in rows.nth(1).inner_text()  # equal score: the direct worker goes first
    assert "Ngoài chỉ tiêu" in page.locator("#vach-chi-tieu").inner_text()
    screenshot(page, "awards-1-ranking-board")
    page.get_by_role("button", name="Đưa hồ sơ đã chọn vào tờ trình").click()
    assert "Đã đưa 2 hồ sơ vào tờ trình" in page.content()
    proposal = page.locator("#proposal").inner_text()
    assert (
        "Nguyễn Thị Hương" in proposal and "Lê Văn Đạt" in proposal and outside.nominee_name not in proposal
    )
    screenshot(page, "awards-2-proposal")

    # 2. The manager opens the council session.
    page.get_by_role("link", name="Hội đồng của đợt").click()
    page.get_by_role("button", name="Mở phiên họp Hội đồng").click()
    assert "Đã mở phiên họp" in page.content()
    page.context.clear_cookies()

    # 3. The council member votes.
    login(page, "council")
    page.get_by_role("link", name="Hội đồng").first.click()
    page.get_by_role("link", name="Khen thưởng năm 2025").click()
    page.locator(f"#phieu-{best.pk}-agree").check()
    page.locator(f"#phieu-{direct.pk}-agree").check()
    screenshot(page, "awards-3-council-vote")
    page.get_by_role("button", name="Gửi biểu quyết").click()
    assert "Đã ghi nhận biểu quyết của bạn cho 2 hồ sơ" in page.content()
    page.context.clear_cookies()

    # 4. The manager closes the session and records the decision.
    login(page, "manager")
    page.goto(page.base_url + f"/khen-thuong/hoi-dong/{round_.pk}/")
    page.get_by_role("button", name="Kết thúc phiên họp").click()
    assert "Thông qua" in page.locator("#council").inner_text()
    screenshot(page, "awards-4-council-results")
    page.get_by_role("link", name="Ghi nhận quyết định khen thưởng").click()
    page.get_by_label("Số quyết định").fill("2468/QĐ-UBND")
    page.get_by_label("Ngày quyết định").fill("2026-01-20")
    page.get_by_label("Họ tên người ký").fill("Trần Quốc Văn")
    page.get_by_label("Chức vụ người ký").fill("Chủ tịch")
    page.get_by_role("button", name="Ghi nhận quyết định").click()
    awardees = page.locator("#awardees").inner_text()
    assert "Đã ghi nhận quyết định số 2468/QĐ-UBND" in page.content()
    assert "2.340.000" in awardees and "Lê Văn Đạt" in awardees
    screenshot(page, "awards-5-decision")
    page.context.clear_cookies()

    # 5. Anyone sees it in the public register, searching without diacritics.
    page.goto(page.base_url + "/cong-khai/khen-thuong/")
    page.get_by_label("Tìm theo tên, đơn vị hoặc số quyết định").fill("nguyen thi huong")
    page.get_by_role("button", name="Tìm kiếm").click()
    register = page.locator("#register").inner_text()
    assert "Nguyễn Thị Hương" in register and "2468/QĐ-UBND" in register and "20/01/2026" in register
    assert "Lê Văn Đạt" not in register
    screenshot(page, "awards-6-public-register")
