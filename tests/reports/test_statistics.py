"""Biểu 0601.N and 0603.N of Thông tư 02/2023/TT-BNV: each cell against the records behind it, the PDF in
the form's layout, the XLSX with the same codes and its sources, and what is refused."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone
from openpyxl import load_workbook

from campaigns.models import Campaign, Person
from criteria.models import UnitPlan
from reports import jobs as building
from reports import services
from reports.content.statistics import duration_code, movements, province_awards
from tests.awards.flow import council_members, province_decision, voted_round
from tests.factories import PersonFactory, appraised, award_round, campaign
from tests.files import stored_pdf_fields

from .conftest import pdf_text

pytestmark = pytest.mark.django_db
DAY = datetime.date(2025, 12, 20)


@pytest.fixture
def decided(cast):
    """A decision of 20/12/2025: a collective, a provincial leader, a direct worker (3 Bằng khen)."""
    round_ = award_round(year=2025)
    leader = PersonFactory(unit=cast.unit_a, leadership_level=Person.LeadershipLevel.PROVINCE)
    worker = PersonFactory(unit=cast.unit_a, is_direct_worker=True)
    dossiers = [
        appraised(round_, created_by=cast.officer_a, person=leader, proposing_unit=cast.unit_a),
        appraised(round_, created_by=cast.officer_a, person=worker, proposing_unit=cast.unit_a),
        appraised(round_, created_by=cast.officer_a, unit=cast.unit_a_child, proposing_unit=cast.unit_a),
    ]
    voted_round(
        cast,
        round_,
        votes={d: ["agree", "agree", "agree"] for d in dossiers},
        members=council_members(cast, 2),
    )
    return province_decision(cast, round_, number="77/QĐ-UBND", issued_on=DAY)


def test_0603_counts_each_award_once_per_breakdown_with_its_records(decided):
    form = province_awards(2025)
    assert [form.cell("01", c).value for c in range(1, 6)] == [3, 3, 0, 0, 0]
    assert form.cell("02", 2).value == 1 and form.cell("05", 2).value == 2
    assert form.cell("06", 2).value == 1 and form.cell("07", 2).value == 0
    assert form.cell("10", 2).value == 1
    # The campaign of the round is thematic (plan 169): its awards are "Chuyên đề".
    assert form.cell("12", 1).value == 3 and form.cell("11", 1).value == 0
    assert all(r.startswith("Quyết định 77/QĐ-UBND: ") for r in form.cell("01", 1).records)
    assert province_awards(2026).cell("01", 1).value == 0  # counted in the year of its decision


def test_0601_counts_the_movements_running_in_the_year(cast, decided):
    plan = (
        Campaign.objects.get(number="169/KH-UBND") if Campaign.objects.filter(number="169/KH-UBND") else None
    )
    assert plan is None or plan.kind == Campaign.Kind.THEMATIC
    regular = campaign(kind=Campaign.Kind.ANNUAL)
    regular.starts_on, regular.ends_on = datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)
    regular.save()
    UnitPlan.objects.create(
        campaign=regular,
        unit=cast.unit_a,
        number="05/KH-UBND",
        issued_on=datetime.date(2025, 3, 1),
        **stored_pdf_fields(cast.head_a, timezone.now(), file_name="k.pdf", original_name="k.pdf"),
    )
    form = movements(2025)
    running = [c for c in Campaign.objects.all() if c.starts_on.year <= 2025 <= c.ends_on.year]
    assert form.cell("01", 3).value == len(running) and form.cell("01", 4).value == 1
    assert form.cell("01", 1).value == len(running) + 1
    assert form.cell("05", 4).value == 1 and form.cell("05", 4).records == [
        "Kế hoạch 05/KH-UBND của UBND huyện Văn Lâm"
    ]
    assert form.cell("07", 3).value == 1  # the regular campaign runs one year
    assert form.cell("12", 1).value == 2  # it and the unit's plan under it are regular
    assert movements(2030).cell("01", 1).value == 0


@pytest.mark.unit
@pytest.mark.parametrize(
    "start, end, code",
    [
        (datetime.date(2025, 3, 1), datetime.date(2025, 9, 30), "06"),
        (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31), "07"),
        (datetime.date(2024, 11, 5), datetime.date(2026, 12, 31), "08"),
        (datetime.date(2021, 1, 1), datetime.date(2024, 12, 31), "09"),
        (datetime.date(2020, 1, 1), datetime.date(2025, 12, 31), "10"),
    ],
)
def test_the_duration_rows(start, end, code):
    assert duration_code(start, end) == code


def _job(cast, kind, fmt):
    return services.request_report(
        actor=cast.manager, kind=kind, campaign=campaign(number="169/KH-UBND"), year=2025, format=fmt
    )


def test_the_pdf_is_the_forms_landscape_layout(cast, decided):
    job = _job(cast, "tt02_0603", "pdf")
    data = building.build_statistics(job, lambda percent, step: None)
    text = " ".join(pdf_text(data).split())
    for expected in (
        "Biểu số 0603.N/BNV-TĐKT",
        "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023",
        "Ngày nhận báo cáo: Ngày 15 tháng 12 năm báo cáo",
        "Đơn vị báo cáo: Ủy ban nhân dân tỉnh Hưng Yên",
        "Đơn vị nhận báo cáo: Bộ Nội vụ",
        "Năm 2025",
        "NGƯỜI LẬP BIỂU",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "Trần Quốc Văn",
    ):
        assert expected in text, expected
    from pypdf import PdfReader

    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert float(box.width) > float(box.height)


def test_the_xlsx_has_the_codes_the_figures_and_their_sources(cast, decided):
    job = _job(cast, "tt02_0603", "xlsx")
    workbook = load_workbook(io.BytesIO(building.build_statistics(job, lambda percent, step: None)))
    form, sources = workbook.worksheets
    rows = {r[1]: r for r in form.iter_rows(values_only=True) if r[1] and str(r[1]).isdigit()}
    assert rows["01"][3:8] == (3, 3, 0, 0, 0) and rows["06"][3] == 1
    listed = [r for r in sources.iter_rows(min_row=2, values_only=True) if r[0] == "01" and r[1] == 1]
    assert len(listed) == 3 and all("77/QĐ-UBND" in r[2] for r in listed)


def test_bad_requests_for_a_form_are_refused(cast):
    plan = campaign(number="169/KH-UBND")
    with pytest.raises(ValidationError, match="Hãy chọn PDF hoặc Excel"):
        services.request_report(actor=cast.manager, kind="tt02_0601", campaign=plan, year=2025, format="docx")
    with pytest.raises(ValidationError, match="Hãy chọn năm"):
        services.request_report(actor=cast.manager, kind="tt02_0601", campaign=plan, format="pdf")
    with pytest.raises(CommandError, match="cần --year"):
        call_command("build_report", "tt02-0601", "--output", "x.pdf")


def test_the_command_writes_the_form(cast, decided, tmp_path):
    target = tmp_path / "bieu.xlsx"
    call_command("build_report", "tt02-0603", "--year", "2025", "--output", str(target))
    assert target.read_bytes()[:2] == b"PK"


def test_the_page_opens_the_records_behind_a_figure(cast, decided, client_for):
    url = "/bao-cao/thong-ke/0603/?year=2025&o=06-2"
    page = client_for(cast.manager).get(url).content.decode()
    assert "Mã số 06, cột 2: 1 bản ghi" in page and "Quyết định 77/QĐ-UBND: " in page
    assert client_for(cast.head_a).get(url).status_code == 403
    assert client_for(cast.manager).get("/bao-cao/thong-ke/9999/").status_code == 404
    # A forged cell or year is ignored, not an error.
    assert client_for(cast.manager).get("/bao-cao/thong-ke/0601/?year=abc&o=99-9").status_code == 200
