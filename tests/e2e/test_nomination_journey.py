"""The whole journey of a dossier in a real Chromium: draft → submit → return → supplement → conclude."""

import pytest

from campaigns.pdf import render_pdf
from nominations.models import Nomination, NominationEvent, State
from tests.conftest import login, press, screenshot
from tests.factories import round_setup

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def as_user(page, username):
    page.context.clear_cookies()
    login(page, username)


def pdf_payload(name, title):
    html = (
        "<html><body style='font-family: \"Liberation Serif\", serif'><h1>"
        f"{title}</h1><p>Ủy ban nhân dân huyện Văn Lâm — tài liệu thử nghiệm.</p></body></html>"
    )
    return {"name": name, "mimeType": "application/pdf", "buffer": render_pdf(html)}


def upload(page, doc_type_label, name, title):
    page.select_option("#id_document_type", label=doc_type_label)
    page.set_input_files("#id_file", pdf_payload(name, title))
    press(page, "Tải lên", exact=True)
    assert f"Đã tải lên tài liệu “{name}”" in page.content()


def test_dossier_journey_in_the_browser(page, cast):
    setup = round_setup()
    page.on("dialog", lambda dialog: dialog.accept())

    # 1. The officer drafts the dossier with its documents and self-assessment.
    as_user(page, "officer_a")
    page.goto(page.base_url + "/ho-so/")
    screenshot(page, "nomination-01-unit-list-empty")
    page.get_by_role("link", name="Lập hồ sơ mới").click()
    page.select_option("#id_round", label=setup.round.name)
    page.select_option("#id_award_type", label=setup.award_type.name)
    page.check("input[name=subject][value=collective]")
    page.select_option("#id_nominee_unit", label=cast.unit_a.name)
    page.select_option("#id_proposing_unit", label=cast.unit_a.name)
    page.fill("#id_summary", "Đơn vị dẫn đầu cụm thi đua về dân vận chính quyền năm 2026.")
    screenshot(page, "nomination-02-create-form")
    press(page, "Lập hồ sơ dự thảo")
    nomination = Nomination.objects.get()
    assert "Hồ sơ còn thiếu" in page.content()
    upload(page, "Tờ trình của đơn vị", "to-trinh.pdf", "Tờ trình đề nghị khen thưởng")
    upload(page, "Báo cáo thành tích", "bao-cao-thanh-tich.pdf", "Báo cáo thành tích năm 2026")
    page.goto(page.base_url + f"/ho-so/{nomination.pk}/tu-danh-gia/")
    for criterion in setup.sets["collective"].criteria.filter(evaluation="appraiser"):
        page.select_option(f"#id_c{criterion.pk}_met", "yes")
        page.fill(f"#id_c{criterion.pk}_points", "8")
        page.fill(f"#id_c{criterion.pk}_evidence", f"Minh chứng cho tiêu chí {criterion.code}.")
    screenshot(page, "nomination-03-self-assessment")
    press(page, "Lưu tự đánh giá")
    missing = page.get_by_test_id("missing").inner_text()
    assert "Biên bản họp Hội đồng" in missing and "Tự đánh giá" not in missing
    upload(
        page,
        "Biên bản họp Hội đồng thi đua – khen thưởng của đơn vị",
        "bien-ban.pdf",
        "Biên bản họp Hội đồng",
    )
    assert page.get_by_test_id("complete").is_visible()
    assert (
        page.get_by_role("button", name="Nộp hồ sơ").count() == 0
    )  # the officer prepares; only the head submits
    screenshot(page, "nomination-04-draft-complete")

    # 2. The head submits.
    as_user(page, "head_a")
    page.goto(page.base_url + f"/ho-so/{nomination.pk}/")
    press(page, "Nộp hồ sơ")
    assert "Đã nộp hồ sơ lên Sở Nội vụ" in page.content()
    screenshot(page, "nomination-05-submitted")

    # 3. The appraiser takes it from the queue and returns it with a reason.
    as_user(page, "appraiser")
    page.goto(page.base_url + "/tham-dinh/?q=van+lam")
    assert nomination.code in page.get_by_test_id("queue").inner_text()
    screenshot(page, "nomination-06-queue")
    press(page, "Nhận hồ sơ tiếp theo chưa phân công")
    assert "Bạn đã nhận thẩm định" in page.content()
    assert page.get_by_test_id("countdown").inner_text().strip() != ""
    # The viewer frames the first PDF from the portal itself, inline (headless Chromium draws no PDF).
    viewer_src = page.locator("iframe[name=pdf-viewer]").get_attribute("src")
    framed = page.request.get(page.base_url + viewer_src)
    assert framed.status == 200 and framed.headers["content-type"] == "application/pdf"
    assert framed.headers["content-disposition"].startswith("inline")
    assert framed.headers["x-frame-options"] == "SAMEORIGIN" and framed.body().startswith(b"%PDF-")
    screenshot(page, "nomination-07-appraisal-page")
    page.fill(
        "#id_return-reason", "Biên bản họp Hội đồng thiếu chữ ký của Chủ tịch Hội đồng. Đề nghị bổ sung."
    )
    press(page, "Trả lại hồ sơ")
    assert "Đã trả lại hồ sơ" in page.content()

    # 4. The officer sees the reason and supplements.
    as_user(page, "officer_a")
    page.goto(page.base_url + "/ho-so/")
    assert "bị trả lại để bổ sung" in page.content()
    screenshot(page, "nomination-08-unit-list-returned")
    page.goto(page.base_url + f"/ho-so/{nomination.pk}/")
    assert "thiếu chữ ký của Chủ tịch Hội đồng" in page.get_by_test_id("return-reason").inner_text()
    upload(
        page,
        "Biên bản họp Hội đồng thi đua – khen thưởng của đơn vị",
        "bien-ban-co-chu-ky.pdf",
        "Biên bản (bổ sung)",
    )
    screenshot(page, "nomination-09-supplemented")

    # 5. The head resubmits.
    as_user(page, "head_a")
    page.goto(page.base_url + f"/ho-so/{nomination.pk}/")
    press(page, "Nộp lại hồ sơ")
    assert "Đã nộp lại hồ sơ" in page.content()

    # 6. The appraiser scores every criterion and concludes eligible.
    as_user(page, "appraiser")
    page.goto(page.base_url + f"/tham-dinh/{nomination.pk}/")
    press(page, "Nhận thẩm định hồ sơ này")
    for criterion in setup.sets["collective"].criteria.all():
        page.fill(f"#id_c{criterion.pk}_points", "9")
        page.fill(f"#id_c{criterion.pk}_comment", f"Đạt tiêu chí {criterion.code}.")
    press(page, "Lưu điểm")
    assert page.get_by_test_id("total").inner_text().strip() in ("63", "63,0", "63.0")
    page.check("input[name=conclude-verdict][value=eligible]")
    page.fill("#id_conclude-reason", "Hồ sơ đầy đủ, thành tích tiêu biểu, đủ điều kiện đề nghị Bằng khen.")
    press(page, "Ghi kết luận")
    assert "đủ điều kiện" in page.content()
    history = page.get_by_test_id("history").inner_text()
    steps = [
        "Lập hồ sơ",
        "Nộp hồ sơ",
        "Nhận thẩm định",
        "Trả lại để bổ sung",
        "Nộp lại sau bổ sung",
        "Nhận thẩm định",
        "Kết luận: đủ điều kiện",
    ]
    positions = [history.find(s) for s in steps]
    assert all(p >= 0 for p in positions), history
    screenshot(page, "nomination-10-concluded")

    nomination.refresh_from_db()
    assert nomination.state == State.APPRAISED and nomination.score == 63
    assert list(NominationEvent.objects.filter(nomination=nomination).values_list("action", flat=True)) == [
        "create",
        "submit",
        "take",
        "return",
        "resubmit",
        "take",
        "conclude_eligible",
    ]

    # 7. The unit sees the conclusion; the leader sees it read-only.
    as_user(page, "leader")
    page.goto(page.base_url + f"/ho-so/{nomination.pk}/")
    assert "Kết luận thẩm định" in page.content() and page.locator("form[action*='tai-lieu']").count() == 0
    screenshot(page, "nomination-11-leader-read-only")
