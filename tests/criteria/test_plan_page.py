"""The plan page: every signed-in user reads the plan as issued, its rounds and its units."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.models import AwardRound, Campaign, Unit
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_login(plan, client_for):
    response = client_for(None).get(reverse("campaigns:plan"))
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


@pytest.mark.parametrize(
    "who", ["officer_a", "head_b", "appraiser", "manager", "council", "leader", "nobody"]
)
def test_every_signed_in_user_reads_the_plan(plan, cast, client_for, who):
    response = client_for(getattr(cast, who)).get(reverse("campaigns:plan"))
    assert response.status_code == 200
    assert "169/KH-UBND" in response.content.decode()


def test_plan_page_shows_sections_criteria_and_quotas_in_order(plan, cast, client_for):
    html = client_for(cast.officer_a).get(reverse("campaigns:plan")).content.decode()
    headings = [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG THI ĐUA",
        "III. ĐỐI TƯỢNG, THỜI GIAN THI ĐUA",
        "IV. TIÊU CHÍ THI ĐUA",
        "V. ĐỐI TƯỢNG, TIÊU CHUẨN",
        "VI. TỔ CHỨC THỰC HIỆN",
    ]
    positions = [html.index(h) for h in headings]
    assert positions == sorted(positions)
    collective = html[html.index('data-subject="collective"') :]
    codes = re.findall(r'data-code="([^"]+)"', collective.split("</table>")[0])
    assert codes == ["a", "b", "c", "d", "đ", "e", "g"]
    individual = html[html.index('data-subject="individual"') :]
    assert re.findall(r'data-code="([^"]+)"', individual.split("</table>")[0]) == ["a", "b"]
    assert "Bằng khen: tối đa 10" in html and "Bằng khen: tối đa 20" in html
    assert "Trần Quốc Văn" in html and "05/11/2024" in html
    for name in ("Khen thưởng hằng năm 2025", "Khen thưởng hằng năm 2026", "Khen thưởng tổng kết"):
        assert name in html
    # Today (26/11/2026 in the brief) the 2026 window is open; statuses come from the dates.
    assert "round-status-" in html


def test_plan_page_shows_what_the_reports_count_under_each_content(plan, cast, client_for):
    html = client_for(cast.officer_a).get(reverse("campaigns:plan")).content.decode()
    table = html[html.index('class="table table-sm small contents-table"') :].split("</table>")[0]
    assert re.findall(r'data-number="(\d+)"', table) == ["1", "2", "3", "4", "5", "6"]
    rows = dict(
        zip(re.findall(r'data-number="(\d+)"', table), table.split('class="content-row"')[1:], strict=True)
    )
    assert "Tập thể: c)" in rows["1"] and "Tập thể: a), b), e)" in rows["2"]
    assert "Cá nhân: b)" in rows["3"] and "Sáng kiến, cách làm hay" in rows["3"]
    assert "Chuyển đổi số, dịch vụ công trực tuyến" in rows["4"]
    assert "Kinh phí, nguồn lực; Thủ tục hành chính, một cửa" in rows["6"]


def test_plan_page_counts_participating_units_by_kind(plan, cast, client_for):
    UnitFactory(code="X-DISSOLVED", kind=Unit.Kind.DISTRICT, parent=cast.province, valid_to="2025-06-30")
    response = client_for(cast.officer_a).get(reverse("campaigns:plan"))
    counts = dict(response.context["unit_counts"])
    assert counts["UBND cấp huyện"] == 2  # A and B; the dissolved one is not counted
    assert counts["UBND cấp xã"] == 1
    assert counts["Sở, ban, ngành tỉnh"] == 1


def test_unknown_plan_is_404_and_manager_sees_edit_links(plan, cast, client_for):
    assert (
        client_for(cast.officer_a).get(reverse("campaigns:plan_detail", args=[plan.pk + 99])).status_code
        == 404
    )
    manager_html = (
        client_for(cast.manager).get(reverse("campaigns:plan_detail", args=[plan.pk])).content.decode()
    )
    officer_html = (
        client_for(cast.officer_a).get(reverse("campaigns:plan_detail", args=[plan.pk])).content.decode()
    )
    assert "Thêm đợt khen thưởng" in manager_html and "Sửa bộ tiêu chí" in manager_html
    assert "Thêm đợt khen thưởng" not in officer_html and "Sửa bộ tiêu chí" not in officer_html


def test_plan_page_query_count_does_not_grow_with_rounds(
    plan, cast, client_for, django_assert_max_num_queries
):
    client = client_for(cast.officer_a)
    client.get(reverse("campaigns:plan"))
    with django_assert_max_num_queries(14):
        client.get(reverse("campaigns:plan"))


def test_years_and_ids_are_not_written_with_thousands_separators(plan, cast, client_for):
    html = client_for(cast.officer_a).get(reverse("campaigns:plan")).content.decode()
    assert "· 2025" in html and "2.025" not in html and "2.026" not in html


def test_plan_page_says_when_criteria_are_frozen_and_lists_other_campaigns(plan, cast, client_for):
    client = client_for(cast.officer_a)
    assert "không thể sửa tiêu chí nữa" not in client.get(reverse("campaigns:plan")).content.decode()
    round_ = plan.rounds.get(code="nam-2025")
    AwardRound.objects.filter(pk=round_.pk).update(submissions_started_at=timezone.now())
    html = client.get(reverse("campaigns:plan")).content.decode()
    assert f"Đợt “{round_.name}” đã có hồ sơ nộp" in html and "không thể sửa tiêu chí nữa" in html
    older = Campaign.objects.create(
        number="01/KH-UBND",
        title="Kế hoạch cũ",
        issuer="UBND tỉnh Hưng Yên",
        issued_on=dt.date(2020, 1, 2),
        starts_on=dt.date(2020, 1, 1),
        ends_on=dt.date(2020, 12, 31),
        status=Campaign.Status.CLOSED,
    )
    html = client.get(reverse("campaigns:plan")).content.decode()
    assert reverse("campaigns:plan_detail", args=[older.pk]) in html and "169/KH-UBND" in html
    html = client.get(reverse("campaigns:plan_detail", args=[older.pk])).content.decode()
    assert "Kế hoạch cũ" in html and reverse("campaigns:plan_detail", args=[plan.pk]) in html
