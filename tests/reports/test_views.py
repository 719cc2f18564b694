"""The "Báo cáo" pages: who sees what, asking, progress JSON, download, retry, constant queries."""

from unittest import mock

import pytest
from django.urls import reverse

from campaigns.text import fold
from reports import jobs as building
from reports.models import ReportJob

from .conftest import fail_job, make_job

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("leader", 200),
        ("manager", 200),
        ("appraiser", 200),
        ("head_a", 200),
        ("officer_a", 200),
        ("council", 403),
        ("nobody", 403),
    ],
)
def test_who_opens_the_reports_page(cast, client_for, username, status):
    response = client_for(cast.users()[username]).get(reverse("reports:home"))
    assert response.status_code == status


def test_anonymous_is_sent_to_sign_in(client_for):
    response = client_for(None).get(reverse("reports:home"))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_the_leader_asks_for_a_report_and_extra_fields_are_ignored(
    sample, cast, client_for, django_capture_on_commit_callbacks
):
    with (
        mock.patch("reports.tasks.build_report.apply_async") as send,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client_for(cast.leader).post(
            reverse("reports:home"),
            {
                "kind": "annual",
                "campaign": sample.campaign.pk,
                "year": 2025,
                "format": "pdf",
                "state": "done",
                "progress": 100,
                "requested_by": cast.head_b.pk,
                "section_delay": 5,
            },
        )
    job = ReportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("reports:job", args=[job.pk])
    assert (job.state, job.progress, job.requested_by) == ("queued", 0, cast.leader)
    assert "section_delay" not in job.parameters
    send.assert_called_once()


def test_a_unit_head_cannot_ask_for_a_province_report(sample, cast, client_for):
    response = client_for(cast.head_a).post(
        reverse("reports:home"), {"kind": "final", "campaign": sample.campaign.pk, "format": "pdf"}
    )
    assert response.status_code == 200
    assert not ReportJob.objects.exists()


def test_a_bad_request_shows_the_vietnamese_reason(sample, cast, client_for):
    response = client_for(cast.leader).post(
        reverse("reports:home"), {"kind": "proposal", "campaign": sample.campaign.pk, "format": "pdf"}
    )
    assert "Hãy chọn một đợt khen thưởng của kế hoạch này để lập tờ trình." in response.content.decode()
    assert not ReportJob.objects.exists()


def test_units_see_only_their_own_units_reports(sample, cast, client_for):
    own = make_job(cast.head_a, sample.campaign, kind="unit", unit=cast.unit_a)
    other = make_job(cast.head_b, sample.campaign, kind="unit", unit=cast.unit_b)
    province = make_job(cast.leader, sample.campaign)
    for job in (own, other, province):
        building.run_job(job_id=job.pk)
    head_a = client_for(cast.head_a)
    page = head_a.get(reverse("reports:home")).content.decode()
    assert reverse("reports:job", args=[own.pk]) in page
    assert reverse("reports:job", args=[other.pk]) not in page
    assert reverse("reports:job", args=[province.pk]) not in page
    for name in ("reports:job", "reports:job_status", "reports:download"):
        assert head_a.get(reverse(name, args=[other.pk])).status_code == 404
        assert head_a.get(reverse(name, args=[province.pk])).status_code == 404
    assert head_a.post(reverse("reports:retry", args=[other.pk])).status_code == 404
    assert head_a.get(reverse("reports:download", args=[own.pk])).status_code == 200
    leader = client_for(cast.leader)
    for job in (own, other, province):
        assert leader.get(reverse("reports:download", args=[job.pk])).status_code == 200


def test_status_json_follows_the_job_and_download_serves_the_file(sample, cast, client_for):
    job = make_job(cast.leader, sample.campaign)
    client = client_for(cast.leader)
    status = client.get(reverse("reports:job_status", args=[job.pk])).json()
    assert status == {
        "state": "queued",
        "state_label": "Đang chờ",
        "progress": 0,
        "step": "",
        "error": "",
        "finished": False,
        "download_url": None,
    }
    assert client.get(reverse("reports:download", args=[job.pk])).status_code == 404
    building.run_job(job_id=job.pk)
    status = client.get(reverse("reports:job_status", args=[job.pk])).json()
    assert status["state"] == "done" and status["progress"] == 100 and status["finished"]
    response = client.get(status["download_url"])
    body = b"".join(response.streaming_content)
    job.refresh_from_db()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-nam-2025-v1.pdf"'
    assert len(body) == job.size and body.startswith(b"%PDF-")


def test_a_failed_job_shows_its_error_and_is_retried_from_the_page(
    sample, cast, client_for, django_capture_on_commit_callbacks
):
    job = make_job(cast.leader, sample.campaign)
    fail_job(job, "Không tạo được báo cáo do lỗi hệ thống (mã báo cáo #1). Hãy bấm “Thử lại”.")
    client = client_for(cast.leader)
    page = client.get(reverse("reports:job", args=[job.pk])).content.decode()
    assert (
        "Không tạo được báo cáo do lỗi hệ thống" in page and reverse("reports:retry", args=[job.pk]) in page
    )
    with (
        mock.patch("reports.tasks.build_report.apply_async") as send,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(reverse("reports:retry", args=[job.pk]))
    assert response.status_code == 302
    send.assert_called_once_with(kwargs={"job_id": job.pk})
    assert ReportJob.objects.get(pk=job.pk).state == "queued"


def test_the_history_page_keeps_a_constant_number_of_queries(
    sample, cast, client_for, django_assert_max_num_queries
):
    client = client_for(cast.leader)
    for _ in range(3):
        make_job(cast.leader, sample.campaign, kind="unit", unit=cast.unit_a)
    # The campaigns are read once (the form's list and years, the signers' default, the drafts card), the
    # officials of the signing unit once.
    with django_assert_max_num_queries(10) as small:
        client.get(reverse("reports:home"))
    for _ in range(25):
        make_job(cast.manager, sample.campaign, kind="proposal", round=sample.rounds["nam-2025"])
    with django_assert_max_num_queries(10) as large:
        client.get(reverse("reports:home"))
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_leaders_home_shows_the_latest_summaries_and_charts(
    sample, cast, client_for, django_assert_max_num_queries
):
    job = make_job(cast.leader, sample.campaign)
    building.run_job(job_id=job.pk)
    client = client_for(cast.leader)
    with django_assert_max_num_queries(30) as small:
        page = client.get(reverse("home")).content.decode()
    assert "Báo cáo tổng hợp mới nhất" in page and reverse("reports:download", args=[job.pk]) in page
    assert page.count("<svg") >= 3 and "Hồ sơ theo cụm, khối thi đua" in page
    from devdata.sample_report import build_sample

    build_sample(units=20, dossiers=60, awards=4, number="169/KH-UBND", seed=7)
    with django_assert_max_num_queries(30) as large:
        client.get(reverse("home"))
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_unit_is_typed_not_chosen_from_a_list_of_every_unit(sample, cast, client_for):
    page = client_for(cast.leader).get(reverse("reports:home")).content.decode()
    field = (
        page.split('name="unit"', 1)[0].rsplit("<", 1)[1] + page.split('name="unit"', 1)[1].split(">", 1)[0]
    )
    assert field.startswith("input") and 'type="text"' in field
    assert f'<option value="{cast.unit_b.pk}">' not in page and "<optgroup" not in page


def test_the_typed_unit_is_matched_without_diacritics_among_the_users_units(
    sample, cast, client_for, django_capture_on_commit_callbacks
):
    client = client_for(cast.head_a)
    form = {"kind": "unit", "campaign": sample.campaign.pk, "format": "pdf"}
    response = client.post(reverse("reports:home"), {**form, "unit": cast.unit_b.name})
    assert response.status_code == 200 and not ReportJob.objects.exists()
    assert response.context["form"].errors["unit"] == [
        f"Không tìm thấy đơn vị “{cast.unit_b.name}”. Hãy gõ tên đơn vị (có thể không dấu) hoặc mã đơn vị."
    ]
    assert "Không tìm thấy đơn vị" in response.content.decode()
    with (
        mock.patch("reports.tasks.build_report.apply_async"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(
            reverse("reports:home"), {**form, "unit": fold(cast.unit_a_child.name).upper()}
        )
        leader = client_for(cast.leader).post(reverse("reports:home"), {**form, "unit": cast.unit_b.code})
    assert (
        response.status_code == 302
        and ReportJob.objects.get(requested_by=cast.head_a).unit == cast.unit_a_child
    )
    assert leader.status_code == 302 and ReportJob.objects.get(requested_by=cast.leader).unit == cast.unit_b
