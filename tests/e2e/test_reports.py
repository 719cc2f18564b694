"""A leader asks for the 2025 summary and the end-of-campaign summary, watches the bar, downloads the PDFs."""

import re
from pathlib import Path

import pytest

from devdata.sample_report import build_sample
from reports.models import ReportJob
from tests.conftest import ARTIFACTS, login, screenshot
from tests.reports.conftest import pdf_text

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _ask(page, kind_label: str, year: str | None = None) -> None:
    page.goto(page.base_url + "/bao-cao/")
    page.get_by_label("Loại báo cáo").select_option(label=kind_label)
    if year:
        page.get_by_label("Năm").select_option(year)
    page.get_by_role("button", name="Tạo báo cáo").click()
    page.wait_for_url(re.compile(r"/bao-cao/\d+/$"))


def test_a_leader_gets_the_annual_and_final_summaries(page, cast, celery_worker, settings):
    settings.MEDIA_ROOT = celery_worker.env["MEDIA_ROOT"]
    build_sample(units=10, dossiers=30, awards=4)
    login(page, "leader")
    screenshot(page, "reports-leader-home-before")

    _ask(page, "Báo cáo kết quả năm", "2025")
    assert page.locator("#report-progress").is_visible()
    screenshot(page, "reports-job-progress")
    page.get_by_role("link", name=re.compile("Tải về")).first.wait_for(timeout=120_000)
    screenshot(page, "reports-job-done")
    with page.expect_download() as download:
        page.locator("#report-download").click()
    annual = Path(download.value.path()).read_bytes()
    assert "Kết quả thực hiện phong trào thi đua năm 2025" in pdf_text(annual)
    (ARTIFACTS / "reports-annual-2025.pdf").write_bytes(annual)

    _ask(page, "Báo cáo tổng kết phong trào")
    page.get_by_role("link", name=re.compile("Tải về")).first.wait_for(timeout=120_000)
    with page.expect_download() as download:
        page.locator("#report-download").click()
    final = Path(download.value.path()).read_bytes()
    assert "Tổng kết phong trào thi đua" in pdf_text(final)
    (ARTIFACTS / "reports-final.pdf").write_bytes(final)

    page.goto(page.base_url + "/bao-cao/")
    assert page.locator("tbody tr").count() == 2
    screenshot(page, "reports-history")
    page.goto(page.base_url + "/")
    assert page.locator(".chart-box svg").count() == 3
    assert page.get_by_text("Báo cáo tổng hợp mới nhất").is_visible()
    screenshot(page, "reports-leader-home-after")
    assert ReportJob.objects.filter(state="done").count() == 2


def test_a_unit_head_sees_only_the_unit_report_choice(page, cast):
    login(page, "head_a")
    page.goto(page.base_url + "/bao-cao/")
    options = page.get_by_label("Loại báo cáo").locator("option").all_inner_texts()
    assert options == ["Báo cáo của đơn vị"]
    assert page.locator("#div_id_round").is_hidden()
    assert page.locator("#div_id_unit").is_visible()
    screenshot(page, "reports-unit-head")
