"""The demo portal in a real Chromium: after the seed commands, each demo account signs in and finds
its work (screenshots under var/test-artifacts/demo-*.png for people to look at)."""

import pytest
from django.core.management import call_command

from campaigns.models import AwardRound
from devdata.demo.directory import DEMO_PASSWORD
from nominations.models import Nomination, State
from tests.conftest import login, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RAW_ERRORS = ("Traceback", "Server Error", "TemplateSyntaxError", "NoReverseMatch", "{{", "{%")


def _seed():
    with open("/dev/null", "w") as quiet:
        for command in ("seed_plan169", "seed_demo", "seed_demo_activity"):
            call_command(command, stdout=quiet)


def _as(page, username: str) -> None:
    page.context.clear_cookies()
    login(page, username, DEMO_PASSWORD)
    assert "/tai-khoan/dang-nhap/" not in page.url, f"{username} could not sign in"


def _clean(page) -> str:
    text = page.inner_text("body")
    for marker in RAW_ERRORS:
        assert marker not in text, marker
    return text


def test_demo_accounts_find_their_work(page):
    _seed()
    round_ = AwardRound.objects.get(code="nam-2026")
    draft = Nomination.objects.get(round=round_, state=State.DRAFT, proposing_unit__code="X-NHUQUYNH")
    returned = Nomination.objects.get(state=State.RETURNED)
    in_review = Nomination.objects.get(state=State.IN_REVIEW)

    # The demo unit's officer: a draft still to complete and a dossier returned for supplement.
    _as(page, "canbo")
    page.goto(page.base_url + "/ho-so/")
    text = _clean(page)
    assert draft.code in text and returned.code in text and "Trả lại để bổ sung" in text
    screenshot(page, "demo-1-canbo-dossiers")
    page.goto(page.base_url + f"/ho-so/{draft.pk}/")
    text = _clean(page)
    assert "Biên bản họp Hội đồng" in text  # the checklist names what is missing
    screenshot(page, "demo-1b-canbo-draft-checklist")

    # The specialist: the queue with a dossier in review and two waiting.
    _as(page, "chuyenvien")
    page.goto(page.base_url + "/tham-dinh/")
    _clean(page)
    rows = page.locator('[data-testid="queue"] tbody').inner_text()  # not the state filter's choices
    assert in_review.code in rows and "Đang thẩm định" in rows
    screenshot(page, "demo-2-chuyenvien-queue")

    # The manager: the ranking board of nam-2026 with the quota line after the tenth.
    _as(page, "truongban")
    page.goto(page.base_url + f"/khen-thuong/xep-hang/{round_.pk}/")
    _clean(page)
    assert page.locator("#ranking tbody tr[data-rank]").count() == 12
    assert "Ngoài chỉ tiêu" in page.locator("#vach-chi-tieu").inner_text()
    screenshot(page, "demo-3-truongban-ranking")

    # The council member: last year's session with its results.
    _as(page, "hoidong")
    page.goto(page.base_url + "/khen-thuong/hoi-dong/")
    assert "Khen thưởng hằng năm 2025" in _clean(page)
    page.get_by_role("link", name="Khen thưởng hằng năm 2025").first.click()
    page.wait_for_load_state("networkidle")
    text = _clean(page)
    assert "Thông qua" in text and "Không thông qua" in text
    assert "Lê Minh Tuấn" in text  # members named family name first
    screenshot(page, "demo-4-hoidong-council")

    # The province's leader: the home page.
    _as(page, "lanhdao")
    page.goto(page.base_url + "/")
    _clean(page)
    screenshot(page, "demo-5-lanhdao-home")

    # Anyone: the public register of decided awards.
    page.context.clear_cookies()
    page.goto(page.base_url + "/cong-khai/khen-thuong/")
    text = _clean(page)
    assert (
        "2215/QĐ-UBND" in text and "Ủy ban nhân dân phường Phố Hiến" in text
    )  # the full name the decision wrote
    screenshot(page, "demo-6-public-register")
