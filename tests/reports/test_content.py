"""What the reports say: headings, figures, annexes, XLSX tables; never an identification number."""

import io

import pytest
from openpyxl import load_workbook

from reports import jobs as building
from reports.content.scope import annual_scope, campaign_scope
from reports.models import ReportJob

from .conftest import pdf_text

pytestmark = pytest.mark.django_db


def _job(sample, kind, **fields):
    return ReportJob(
        kind=kind, format=fields.pop("format", "pdf"), campaign=sample.campaign, parameters={}, **fields
    )


def _build(job) -> tuple:
    report = building.gather(job, lambda percent, step: None)
    return report, building.render(report, job.format)


def test_annual_pdf_has_the_official_layout_and_the_sections_in_vietnamese(sample):
    report, data = _build(_job(sample, "annual", year=2025))
    text = " ".join(pdf_text(data).split())
    assert data.startswith(b"%PDF-")
    for expected in (
        "UBND TỈNH HƯNG YÊN",
        "SỞ NỘI VỤ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "/BC-SNV",
        "BÁO CÁO",
        "Kết quả thực hiện phong trào thi đua năm 2025",
        # The parts of the body: Roman-numbered, in bold capitals (ND 30); sub-parts numbered 1, 2, …
        "I. CÔNG TÁC TRIỂN KHAI VÀ SỰ THAM GIA CỦA CÁC ĐƠN VỊ",
        "II. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG THI ĐUA",
        "III. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ THI ĐUA",
        "IV. MÔ HÌNH “DÂN VẬN KHÉO”",
        "V. HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG VÀ KẾT QUẢ THẨM ĐỊNH",
        "1. Hồ sơ đề nghị khen thưởng",
        "2. Kết quả thẩm định hồ sơ",
        "VI. KẾT QUẢ KHEN THƯỞNG",
        "1. Khen thưởng của Chủ tịch Ủy ban nhân dân tỉnh",
        "2. Giấy khen của Thủ trưởng các cơ quan, đơn vị",
        "VII. KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG CÔNG TÁC DÂN VẬN CHÍNH QUYỀN",
        "VIII. KHÓ KHĂN, VƯỚNG MẮC",
        "Biểu đồ 1",
        "Phụ lục I",
        "Nơi nhận:",
        "GIÁM ĐỐC",
        "Lê Văn Thành",
    ):
        assert expected in text, expected
    assert "Hưng Yên, ngày" in text
    assert report.missing_sources() == []


def test_annual_report_counts_only_the_years_rounds(sample):
    report, _ = _build(_job(sample, "annual", year=2025, format="xlsx"))
    tables = {t.key: t for t in report.tables()}
    by_state = tables["ho-so-theo-trang-thai"]
    counted = by_state.total[3]
    from nominations.models import Nomination

    assert counted == Nomination.objects.filter(round=sample.rounds["nam-2025"]).count()
    assert counted < Nomination.objects.filter(round__campaign=sample.campaign).count()


def test_final_report_covers_the_whole_campaign_with_rank_changes(sample):
    report, data = _build(_job(sample, "final"))
    text = pdf_text(data)
    assert "Tổng kết phong trào thi đua" in text
    assert "05/11/2024" in text and "31/12/2026" in text
    assert "Thay đổi thứ hạng" in text
    assert "So với năm 2024" in text


def test_no_identification_number_appears_in_any_report(sample):
    ids = [p.personal_id for p in sample.people]
    assert all(ids)
    for job in (
        _job(sample, "annual", year=2025),
        _job(sample, "final"),
        _job(sample, "proposal", round=sample.rounds["nam-2025"]),
    ):
        _, data = _build(job)
        text = pdf_text(data).replace(" ", "").replace("\n", "")
        assert not any(pid in text for pid in ids)


def test_proposal_has_the_submission_its_list_and_the_draft_decision(sample):
    report, data = _build(_job(sample, "proposal", round=sample.rounds["nam-2025"]))
    text = pdf_text(data)
    assert "TỜ TRÌNH" in text and "/TTr-SNV" in text
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh" in text
    assert "DANH SÁCH" in text
    assert "DỰ THẢO" in text and "QUYẾT ĐỊNH" in text and "/QĐ-UBND" in text
    assert "Điều 1." in text and "được tặng" in text.lower()
    # The Chairman's own decision: his title and name, no "TM." of the committee; no scores in its list.
    decision = text[text.index("QUYẾT ĐỊNH:") :]
    assert "CHỦ TỊCH" in decision and "Trần Quốc Văn" in decision and "TM." not in decision
    assert "Điểm" not in decision
    listed = [row for t in report.documents[0].annexes[0].blocks if hasattr(t, "rows") for row in t.rows]
    from nominations.models import Nomination

    proposed = Nomination.objects.filter(
        round=sample.rounds["nam-2025"],
        state__in=["proposed", "awarded", "not_awarded"],
        award_type__code="bang-khen-chu-tich",
    )
    assert len(listed) == proposed.count() > 0


def test_unit_report_stays_within_the_units_tree(sample):
    unit = sample.units[0]
    report, data = _build(_job(sample, "unit", unit=unit, year=2025))
    text = pdf_text(data)
    assert unit.name.upper() in text
    participation = next(t for t in report.tables() if t.key == "don-vi-theo-loai")
    assert participation.total[1] == 1
    other = sample.units[1].name
    assert other not in text
    # The province's quota is not the unit's: its key figures give its Bằng khen alone.
    figures = dict(report.lead_tables[0].rows)
    assert "Khen thưởng của Chủ tịch Ủy ban nhân dân tỉnh / chỉ tiêu" not in figures
    assert figures["Khen thưởng của Chủ tịch Ủy ban nhân dân tỉnh"].endswith(" Bằng khen")
    assert "/" not in figures["Khen thưởng của Chủ tịch Ủy ban nhân dân tỉnh"]


def test_xlsx_holds_the_same_tables_as_the_pdf(sample):
    report, data = _build(_job(sample, "annual", year=2025, format="xlsx"))
    workbook = load_workbook(io.BytesIO(data))
    # A cover sheet, then one sheet per table named by whole words of its title.
    assert workbook.sheetnames[0] == "Mục lục" and len(workbook.sheetnames) == len(report.tables()) + 1
    cover = [row for row in workbook["Mục lục"].iter_rows(min_row=5, values_only=True)]
    assert [r[0] for r in cover] == workbook.sheetnames[1:]
    assert [r[2] for r in cover] == [len(t.rows) for t in report.tables()]
    for name, table in zip(workbook.sheetnames[1:], report.tables(), strict=True):
        words = name.split(" ", 1)[1].split() if " " in name else []
        assert table.title.split()[: len(words)] == words, (name, table.title)
    first = report.tables()[0]
    sheet = workbook[workbook.sheetnames[1]]
    assert sheet["A1"].value == first.title
    assert [c.value for c in sheet[3]] == first.columns
    assert sheet.cell(row=4, column=2).value == first.rows[0][1]


def test_scopes_clip_the_year_to_the_campaign(sample):
    scope = annual_scope(sample.campaign, 2024)
    assert str(scope.period_start) == "2024-11-05"
    assert campaign_scope(sample.campaign).years == [2024, 2025, 2026]


def test_counts_agree_with_each_other(sample):
    from practices.models import Difficulty

    report, data = _build(_job(sample, "annual", year=2025))
    text = " ".join(pdf_text(data).split())
    tables = {t.key: t for t in report.tables()}
    clusters = [r for r in tables["don-vi-theo-cum"].rows if r[0] != "Chưa xếp cụm, khối"]
    assert f"thuộc {len(clusters)} cụm, khối thi đua" in text
    difficulties = tables["kho-khan-theo-nhom"]
    raised, settled, forwarded, waiting = difficulties.total[1:]
    assert raised == settled + forwarded + waiting
    assert raised == Difficulty.objects.filter(raised_at__year=2025).count() > 0


def test_a_long_list_is_in_the_workbook_not_the_paper(sample, monkeypatch):
    from reports.content import report as paper

    monkeypatch.setattr(paper, "PRINTED_ROWS", 1)
    report, data = _build(_job(sample, "annual", year=2025))
    text = " ".join(pdf_text(data).split())
    annex = next(t for s in report.sections for t in s.annexes if len(t.rows) > 1)
    assert f"Danh sách gồm {len(annex.rows)} dòng, không in kèm báo cáo này" in text
    assert annex in report.tables()


def test_page_one_opens_with_the_key_figures_from_the_database(sample):
    from awards.models import Award
    from nominations.models import Nomination
    from reports.content.nominations import SENT_STATES
    from tests.documents.test_rendering import words

    report, data = _build(_job(sample, "annual", year=2025))
    table = report.documents[0].body[1]
    assert table.key == "so-lieu-chinh"
    values = dict(table.rows)
    round_ = sample.rounds["nam-2025"]
    sent = Nomination.objects.filter(round=round_, state__in=SENT_STATES).count()
    assert values["Hồ sơ đề nghị khen thưởng đã tiếp nhận"] == sent
    awarded = Award.objects.filter(round=round_, decision__issuing_unit__isnull=True).count()
    assert values["Khen thưởng của Chủ tịch Ủy ban nhân dân tỉnh / chỉ tiêu"] == f"{awarded}/10 Bằng khen"
    first_page = " ".join(w["text"] for w in words(data)[0])
    assert "Số liệu chính" in first_page and f"{awarded}/10 Bằng khen" in first_page
