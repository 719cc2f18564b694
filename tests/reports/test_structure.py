"""The summary reports' structure: the plan's contents, the criteria, the order of the parts, the final
report's years, the workbook's first sheets, the units' kinds in full — every number against the database."""

import io
import re
from decimal import Decimal

import docx
import pytest
from django.db import connection
from django.db.models import Avg, F
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from awards.models import Award
from criteria.models import Criterion, EmulationContent, UnitRanking
from devdata.sample_report import build_sample
from documents.content import Heading, Paragraph, Table
from nominations.models import CriterionAssessment, Nomination, State
from practices.models import Difficulty, Practice, Topic
from reports import jobs as building
from reports.content import contents as contents_part
from reports.content import scores, summary, years
from reports.content.nominations import ELIGIBLE_STATES, SENT_STATES
from reports.content.scope import annual_scope, campaign_scope
from reports.models import ReportJob
from tests.conftest import build_cast

from .conftest import pdf_text

pytestmark = pytest.mark.django_db

PARTS = [
    "I. CÔNG TÁC TRIỂN KHAI VÀ SỰ THAM GIA CỦA CÁC ĐƠN VỊ",
    "II. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG THI ĐUA",
    "III. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ THI ĐUA",
    "IV. MÔ HÌNH “DÂN VẬN KHÉO”, CÁCH LÀM HAY, SÁNG KIẾN ĐƯỢC CÔNG NHẬN",
    "V. HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG VÀ KẾT QUẢ THẨM ĐỊNH",
    "VI. KẾT QUẢ KHEN THƯỞNG",
    "VII. KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG CÔNG TÁC DÂN VẬN CHÍNH QUYỀN",
    "VIII. KHÓ KHĂN, VƯỚNG MẮC VÀ VIỆC GIẢI QUYẾT",
]
# Then the parts Sở Nội vụ writes (reports/content/assessment.py), by kind of report.
WRITTEN = {
    "annual": ["IX. ĐÁNH GIÁ CHUNG", "X. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", "XI. KIẾN NGHỊ, ĐỀ XUẤT"],
    "final": [
        "IX. ĐÁNH GIÁ CHUNG",
        "X. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TIẾP THEO",
        "XI. KIẾN NGHỊ, ĐỀ XUẤT",
    ],
}
# The figures of the by-year table, in its rows' order, as the parts name them.
BY_YEAR = ["received", "eligible", "awarded", "unit_awards", "bonus", "recognised_practices", "settled"]


def _noop(percent, step):
    pass


@pytest.fixture(scope="module")
def world(module_db):
    """The sample campaign, once for the module, with its annual 2025 and final reports in three formats."""
    with module_db.unblock():
        build_cast()
        sample = build_sample(units=12, dossiers=60, awards=6)
        reports = {}
        for kind, year in (("annual", 2025), ("final", None)):
            job = ReportJob(kind=kind, format="pdf", campaign=sample.campaign, year=year, parameters={})
            report = building.gather(job, _noop)
            files = {fmt: building.render(report, fmt) for fmt in ("pdf", "docx", "xlsx")}
            reports[kind] = (report, files)
    return sample, reports


def _part(report, key):
    return next(s for s in report.sections if s.key == key)


def _under(part, numeral: str) -> list[str]:
    """The texts under sub-heading `numeral` of a part, up to the next sub-heading."""
    out, inside = [], False
    for block in part.blocks:
        if isinstance(block, Heading):
            inside = block.numeral == numeral
        elif inside and isinstance(block, Paragraph):
            out.append(block.text)
    return out


def _points(value) -> str:
    return f"{Decimal(value).quantize(Decimal('0.1')).normalize():f}".replace(".", ",")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _figures(report) -> dict:
    return {k: v for s in report.sections for k, v in s.figures.items()}


def _assessments(campaign, **filters):
    return CriterionAssessment.objects.filter(
        nomination__round__campaign=campaign, nomination__state__in=SENT_STATES, **filters
    )


def test_the_contents_part_numbers_each_content_and_states_its_own_figures(world):
    sample, reports = world
    report, _files = reports["annual"]
    part = _part(report, "contents")
    contents = list(EmulationContent.objects.filter(campaign=sample.campaign).prefetch_related("criteria"))
    headings = [b for b in part.blocks if isinstance(b, Heading)]
    assert [(h.numeral, h.text, h.level) for h in headings] == [(str(c.number), c.title, 2) for c in contents]
    assert len(contents) == 6

    # Content 1 ↔ criterion c of collectives: the 2025 dossiers the units sent, as the appraisers scored them.
    c = Criterion.objects.get(
        criterion_set__campaign=sample.campaign, criterion_set__subject="collective", code="c"
    )
    scored = _assessments(sample.campaign, criterion=c, appraiser_points__isnull=False).filter(
        nomination__round=sample.rounds["nam-2025"]
    )
    average = scored.aggregate(a=Avg("appraiser_points"))["a"]
    assert scored.count() > 0
    assert _under(part, "1") == [
        "Trong các hồ sơ đề nghị khen thưởng đã được thẩm định chấm điểm, tiêu chí c) đối với tập thể "
        f"(tuyên truyền về dân vận chính quyền) đạt bình quân {_points(average)}/15 điểm "
        f"({scored.count()} hồ sơ)."
    ]

    # Content 3 ↔ initiatives (started in 2025); content 6 ↔ models: none started in 2025 in the sample.
    initiatives = Practice.objects.filter(kind=Practice.Kind.INITIATIVE, started_on__year=2025)
    recognised = initiatives.filter(state__in=["recognised", "featured"]).count()
    assert initiatives.count() > 0 and recognised > 0
    assert (
        f"Các đơn vị, cá nhân đã đăng ký {initiatives.count()} sáng kiến, cách làm hay; {recognised} đã được "
        "cấp có thẩm quyền công nhận"
    ) in " ".join(_under(part, "3"))
    assert not Practice.objects.filter(kind=Practice.Kind.MODEL, started_on__year=2025).exists()
    assert "mô hình “Dân vận khéo”" not in " ".join(_under(part, "6"))

    # Contents 4 and 6 ↔ the difficulties of their topics raised in 2025.
    said = 0
    for content in contents:
        for topic in content.difficulty_topics:
            raised = Difficulty.objects.filter(topic=topic, raised_at__year=2025).count()
            label = str(Topic(topic).label)
            sentence = f"đã phản ánh {raised} khó khăn, vướng mắc về {label[0].lower()}{label[1:]}"
            assert (sentence in " ".join(_under(part, str(content.number)))) == bool(raised), sentence
            said += raised
    assert (
        said
        == Difficulty.objects.filter(
            raised_at__year=2025, topic__in=["digital", "resources", "procedures"]
        ).count()
    )

    # Content 5 ↔ criterion d, computed from the dân vận ranking: the units' grades of 2025.
    ranked = UnitRanking.objects.filter(year=2025)
    good = ranked.filter(grade="tot").count()
    assert any(
        f"năm 2025: {ranked.count()} đơn vị được xếp hạng, trong đó {good} đơn vị xếp loại Tốt" in t
        for t in _under(part, "5")
    )


def test_a_content_shows_what_sở_nội_vụ_wrote_then_says_when_the_portal_has_no_figures(world):
    sample, _reports = world
    scope = annual_scope(sample.campaign, 2024)
    scope.narrative = {"noi-dung-1": "Các sở đã tổ chức\nhội nghị tuyên truyền.\n\n   Kết quả tốt.  \n\n"}
    part = _part(summary.build("annual", scope, _noop), "contents")
    # 2024 has no round, no practice and no difficulty in the sample: only the ranking of 2024.
    assert _under(part, "1") == [
        "Các sở đã tổ chức hội nghị tuyên truyền.",
        "Kết quả tốt.",
        "Cổng thông tin chưa có số liệu về nội dung này trong kỳ báo cáo.",
    ]
    assert _under(part, "4") == ["Cổng thông tin chưa có số liệu về nội dung này trong kỳ báo cáo."]
    assert "năm 2024" in _under(part, "5")[0]


@pytest.mark.parametrize("kind", ["annual", "final"])
def test_the_criteria_tables_are_the_databases_averages_of_the_sent_dossiers(world, kind):
    sample, reports = world
    report, _files = reports[kind]
    tables = {t.key: t for t in _part(report, "criteria").printed_tables()}
    assert set(tables) == {"diem-tieu-chi-collective", "diem-tieu-chi-individual"}
    rounds = [sample.rounds["nam-2025"]] if kind == "annual" else list(sample.rounds.values())
    # Drafts and withdrawn dossiers hold self-assessments too: the tables must leave them out.
    assert CriterionAssessment.objects.filter(
        nomination__state=State.DRAFT, self_points__isnull=False
    ).exists()
    for subject in ("collective", "individual"):
        criteria = Criterion.objects.filter(
            criterion_set__campaign=sample.campaign, criterion_set__subject=subject
        )
        rows = tables[f"diem-tieu-chi-{subject}"].rows
        assert [r[0] for r in rows] == [f"{c.code})" for c in criteria.order_by("sort_key")]
        for row, c in zip(rows, criteria.order_by("sort_key"), strict=True):
            mine = _assessments(sample.campaign, criterion=c, nomination__round__in=rounds)
            scored = mine.filter(appraiser_points__isnull=False)
            assert row[1] == c.short_text and row[2] == c.max_points
            assert row[3] == scored.count() > 0
            assert _points(row[4]) == _points(scored.aggregate(a=Avg("appraiser_points"))["a"])
            self_average = mine.aggregate(a=Avg("self_points"))["a"]
            assert (row[5] is None) == (self_average is None) == (c.evaluation == "computed")
            if self_average is not None:
                assert _points(row[5]) == _points(self_average)
            assert row[6] == scored.filter(appraiser_points__gte=F("criterion__max_points")).count()


def test_the_criteria_part_costs_one_query_per_table(world):
    sample, _reports = world
    for scope in (annual_scope(sample.campaign, 2025), campaign_scope(sample.campaign)):
        with CaptureQueriesContext(connection) as queries:
            scores.build(scope)
        # The two sets with their criteria (2), then one aggregate per set's table (2).
        assert len(queries) == 4


def test_the_years_and_the_contents_cost_a_fixed_number_of_queries(world):
    sample, _reports = world
    for scope in (annual_scope(sample.campaign, 2025), campaign_scope(sample.campaign)):
        with CaptureQueriesContext(connection) as queries:
            years.figures_by_year(scope)
        # Dossiers (received, eligible), awards (Bằng khen, Giấy khen, bonuses), practices, difficulties.
        assert len(queries) == 4
        with CaptureQueriesContext(connection) as queries:
            contents_part.build(scope)
        # The contents and their criteria, the criteria's scores, practices, difficulties, the ranking
        # (its years when the scope is the campaign, then the grades): not one query per content.
        assert len(queries) <= 7


def test_the_final_reports_years_add_up_to_the_whole_campaigns_figures(world):
    sample, reports = world
    final, _files = reports["final"]
    annual, _files = reports["annual"]
    table = next(t for t in final.lead_tables if t.key == "so-lieu-theo-nam")
    assert table.columns[1:4] == ["Năm 2024", "Năm 2025", "Năm 2026"] and table.columns[-1] == "Tổng cộng"
    years = [int(c.split()[1]) for c in table.columns[1:-1]]
    figures, figures_2025 = _figures(final), _figures(annual)
    for key, row in zip(BY_YEAR, table.rows, strict=True):
        by_year = dict(zip(years, row[1:-1], strict=True))
        assert row[-1] == sum(by_year.values()) == figures[key], key
        # A year of the campaign is what that year's report says.
        assert by_year[2025] == figures_2025[key], key
    assert figures["received"] > figures_2025["received"] > 0
    # Counted straight from the rows: the final round's dossiers and awards belong to its last year.
    rows = dict(zip(BY_YEAR, table.rows, strict=True))
    sent = Nomination.objects.filter(round__campaign=sample.campaign, state__in=SENT_STATES)
    assert (
        rows["received"][years.index(2026) + 1]
        == sent.filter(round__code__in=["nam-2026", "tong-ket"]).count()
    )
    assert (
        rows["eligible"][-1]
        == Nomination.objects.filter(round__campaign=sample.campaign, state__in=ELIGIBLE_STATES).count()
    )
    province = Award.objects.filter(round__campaign=sample.campaign, decision__issuing_unit__isnull=True)
    assert rows["awarded"][-1] == province.count() > 0
    assert rows["unit_awards"][-1] == Award.objects.filter(decision__issuing_unit__isnull=False).count() > 0
    assert rows["bonus"][-1] == sum(a.bonus_amount for a in province)
    assert (
        rows["recognised_practices"][-1]
        == Practice.objects.filter(state__in=["recognised", "featured"]).count()
    )
    assert rows["settled"][-1] == Difficulty.objects.filter(state__in=["answered", "closed"]).count() > 0
    # The key figures carry the Giấy khen too, with the same count.
    key_figures = dict(final.lead_tables[0].rows)
    assert key_figures["Giấy khen của Thủ trưởng các cơ quan, đơn vị"] == rows["unit_awards"][-1]
    assert not any(t.key == "so-lieu-theo-nam" for t in annual.lead_tables)


@pytest.mark.parametrize("kind", ["annual", "final"])
def test_the_parts_read_in_the_order_of_a_bao_cao_tong_ket_in_pdf_and_docx(world, kind):
    _sample, reports = world
    _report, files = reports[kind]
    text = _flat(pdf_text(files["pdf"]))
    positions = [text.index(part) for part in PARTS + WRITTEN[kind]]
    assert positions == sorted(positions)
    assert text.index("Số liệu chính") < positions[0]
    if kind == "final":
        assert text.index("Số liệu chính") < text.index("Số liệu chính qua các năm") < positions[0]
    word = [p.text for p in docx.Document(io.BytesIO(files["docx"])).paragraphs]
    parts = [t for t in word if re.match(r"^[IVX]+\. ", t)]
    assert parts == PARTS + WRITTEN[kind]
    # The sub-parts: contents 1–6 under II, dossiers then appraisal under V, the two kinds of award under VI.
    after = word[word.index(PARTS[1]) : word.index(PARTS[2])]
    assert [t.split(".")[0] for t in after if re.match(r"^\d\. ", t)] == ["1", "2", "3", "4", "5", "6"]
    awards = word[word.index(PARTS[5]) : word.index(PARTS[6])]
    assert [t for t in awards if re.match(r"^\d\. ", t)] == [
        "1. Khen thưởng của Chủ tịch Ủy ban nhân dân tỉnh",
        "2. Giấy khen của Thủ trưởng các cơ quan, đơn vị",
    ]


def test_the_workbook_opens_with_the_key_figures_then_the_years(world):
    _sample, reports = world
    final, files = reports["final"]
    workbook = load_workbook(io.BytesIO(files["xlsx"]))
    assert workbook.sheetnames[:3] == ["Mục lục", "01 Số liệu chính", "02 Số liệu chính qua các năm"]
    years = workbook["02 Số liệu chính qua các năm"]
    table = final.lead_tables[1]
    assert [c.value for c in years[3]] == table.columns
    assert [[c.value for c in row] for row in years.iter_rows(min_row=4, max_row=3 + len(table.rows))] == [
        [float(v) if isinstance(v, Decimal) else v for v in row] for row in table.rows
    ]
    assert years.cell(row=5 + len(table.rows), column=1).value == table.note
    annual_sheets = load_workbook(io.BytesIO(reports["annual"][1]["xlsx"])).sheetnames
    assert annual_sheets[1] == "01 Số liệu chính" and annual_sheets[2].startswith("02 Đơn vị tham gia")


def test_a_unit_report_counts_only_its_trees_dossiers(world):
    sample, _reports = world
    unit = sample.units[0]
    report = summary.build("annual", campaign_scope(sample.campaign, unit=unit), _noop)
    collective = next(
        t for t in _part(report, "criteria").printed_tables() if t.key == "diem-tieu-chi-collective"
    )
    c = Criterion.objects.get(
        criterion_set__campaign=sample.campaign, criterion_set__subject="collective", code="c"
    )
    scored = _assessments(sample.campaign, criterion=c, appraiser_points__isnull=False)
    own = scored.filter(nomination__proposing_unit__path__startswith=unit.path)
    row = next(r for r in collective.rows if r[0] == "c)")
    assert row[3] == own.count() > 0
    assert scored.exclude(nomination__proposing_unit__path__startswith=unit.path).exists()  # others' exist
    assert f"({own.count()} hồ sơ)" in _under(_part(report, "contents"), "1")[0]
    assert _part(report, "participation").tables[0].total[1] == 1


def test_papers_write_units_kinds_and_ranking_groups_in_full(world):
    _sample, reports = world
    assert UnitRanking.objects.filter(group_label="UBND cấp xã").exists()  # the data's short form
    for kind in ("annual", "final"):
        report, files = reports[kind]
        text = _flat(pdf_text(files["pdf"]))
        assert "Ủy ban nhân dân cấp xã" in text
        assert "UBND cấp" not in text
        groups = next(t for t in report.tables() if t.key == "xep-loai-dan-van")
        assert "Ủy ban nhân dân cấp xã" in [r[0] for r in groups.rows]
        kinds = next(t for t in report.tables() if t.key == "don-vi-theo-loai")
        assert "Ủy ban nhân dân cấp xã" in [r[0] for r in kinds.rows]


def test_no_part_says_again_what_another_said(world):
    _sample, reports = world
    for kind in ("annual", "final"):
        text = _flat(pdf_text(reports[kind][1]["pdf"]))
        # The dossiers received: said once, in the part's first sentence (and in the key figures' table).
        assert text.count("Các đơn vị đã gửi") == 1 and "Sở Nội vụ đã tiếp nhận" not in text
        # The grades of the ranking: under content 5 only; the practices: under contents 3 and 6 only.
        assert text.count("đơn vị xếp loại Tốt") == 1
        assert "Các đơn vị đã đăng ký" not in text


def test_a_part_says_its_figures_itself_when_no_content_brings_them(world):
    sample, _reports = world
    EmulationContent.criteria.through.objects.filter(criterion__source="dvcq_ranking").delete()
    EmulationContent.objects.filter(campaign=sample.campaign, practice_kinds__contains=["model"]).update(
        practice_kinds=[]
    )
    report = summary.build("annual", annual_scope(sample.campaign, 2025), _noop)
    rankings = " ".join(_part(report, "rankings").paragraphs)
    assert (
        f"Năm 2025, {UnitRanking.objects.filter(year=2025).count()} đơn vị được đánh giá, xếp hạng"
        in rankings
    )
    practices = " ".join(_part(report, "practices").paragraphs)
    started = Practice.objects.filter(started_on__year=2025).count()
    assert f"Các đơn vị đã đăng ký {started} mô hình, cách làm hay triển khai năm 2025" in practices
    contents = _part(report, "contents")
    assert not any("xếp hạng" in t for t in _under(contents, "5"))
    assert isinstance(contents.blocks[0], Heading) and not any(isinstance(b, Table) for b in contents.blocks)
