"""The written parts in the annual and end-of-campaign reports: in order in the PDF and the Word file, the
versions of the request (not the ones saved since), and the DỰ THẢO mark while a part is not written."""

import io
import re
from unittest import mock

import docx
import pytest

from reports import jobs as building
from reports import narrative, storage
from reports.models import ReportJob
from reports.services import request_report, write_part
from tests.documents.test_rendering import find, words

from .conftest import give_contents, pdf_text

pytestmark = pytest.mark.django_db

TEXTS = {
    "uu-diem": (
        "Các sở, ngành và địa phương triển khai phong trào đồng bộ.\n\nNhiều mô hình hay được nhân rộng."
    ),
    "han-che": "Một số xã còn chậm ban hành kế hoạch.",
    "nguyen-nhan": "Cán bộ làm công tác thi đua ở cơ sở thay đổi sau sắp xếp.",
    "phuong-huong": "Tiếp tục đẩy mạnh chuyển đổi số\ntrong giải quyết thủ tục hành chính.",
    "kien-nghi": "Đề nghị bố trí kinh phí cho công tác khen thưởng.",
}


@pytest.fixture
def campaign(sample):
    give_contents(sample.campaign)
    return sample.campaign


def _write_all(user, campaign, kind="annual", year=2025, skip=()) -> dict:
    written = {}
    for part in narrative.parts_of(campaign, kind, year):
        if part.key in skip:
            continue
        text = TEXTS.get(part.key, f"Kết quả thực hiện {part.label[:10]}.")
        written[part.key] = write_part(
            actor=user, campaign=campaign, kind=kind, year=year, key=part.key, text=text, based_on=None
        )
    return written


def _built(user, campaign, kind="annual", year=2025, format="pdf") -> tuple[ReportJob, bytes]:
    with mock.patch("reports.tasks.build_report.apply_async"):
        job = request_report(actor=user, kind=kind, campaign=campaign, year=year, format=format)
    return job, _run(job)


def _run(job) -> bytes:
    assert building.run_job(job_id=job.pk) == "done", ReportJob.objects.get(pk=job.pk).error
    job.refresh_from_db()
    return storage.path_of(job.file.name).read_bytes()


def _flat(text: str) -> str:
    return " ".join(text.split())


def _in_order(text: str, pieces: list[str]) -> None:
    at = 0
    for piece in pieces:
        found = re.compile(piece).search(text, at)
        assert found, f"{piece!r} after position {at}"
        at = found.end()


def test_a_report_with_every_part_written_prints_them_in_order_and_no_draft_mark(campaign, cast):
    written = _write_all(cast.appraiser, campaign)
    job, data = _built(cast.leader, campaign)
    assert job.parameters["narrative"] == {key: v.pk for key, v in sorted(written.items())}
    text = _flat(pdf_text(data))
    _in_order(
        text,
        [
            r"[IVX]+\. KHÓ KHĂN, VƯỚNG MẮC",
            r"[IVX]+\. ĐÁNH GIÁ CHUNG",
            r"1\. Ưu điểm",
            "Các sở, ngành và địa phương triển khai phong trào đồng bộ.",
            "Nhiều mô hình hay được nhân rộng.",
            r"2\. Hạn chế",
            "Một số xã còn chậm ban hành kế hoạch.",
            r"3\. Nguyên nhân của hạn chế",
            "Cán bộ làm công tác thi đua ở cơ sở thay đổi sau sắp xếp.",
            r"[IVX]+\. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
            "Tiếp tục đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính.",
            r"[IVX]+\. KIẾN NGHỊ, ĐỀ XUẤT",
            "Đề nghị bố trí kinh phí cho công tác khen thưởng.",
            "Trên đây là báo cáo",
        ],
    )
    assert "DỰ THẢO" not in text and "chưa được viết" not in text


def test_the_word_file_has_the_parts_as_paragraphs_and_no_draft_mark(campaign, cast):
    _write_all(cast.appraiser, campaign)
    _job, data = _built(cast.leader, campaign, format="docx")
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    joined = "\n".join(paragraphs)
    _in_order(
        joined,
        [
            r"[IVX]+\. ĐÁNH GIÁ CHUNG\n1\. Ưu điểm\n",
            "Các sở, ngành và địa phương triển khai phong trào đồng bộ.\nNhiều mô hình hay được nhân rộng.\n",
            r"2\. Hạn chế\nMột số xã",
            r"[IVX]+\. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026\nTiếp tục đẩy mạnh chuyển đổi số trong giải quyết",
            r"[IVX]+\. KIẾN NGHỊ, ĐỀ XUẤT\nĐề nghị bố trí kinh phí",
        ],
    )
    assert "DỰ THẢO" not in joined


def test_a_report_lacking_a_part_says_so_and_is_marked_draft_on_page_one(campaign, cast, client_for):
    _write_all(cast.appraiser, campaign, skip=("han-che", "noi-dung-3"))
    job, data = _built(cast.leader, campaign)
    every = {p.key for p in narrative.parts_of(campaign, "annual", 2025)}
    assert set(job.parameters["narrative"]) == every - {"han-che", "noi-dung-3"}
    text = _flat(pdf_text(data))
    _in_order(text, [r"2\. Hạn chế", r"\(Phần này chưa được viết\.\)", r"3\. Nguyên nhân"])
    first = words(data)[0]
    mark, issuer, motto = find(first, "DỰ"), find(first, "UBND"), find(first, "CỘNG")
    assert mark["y"] < issuer["y"] and mark["y"] < motto["y"]  # above the header
    assert mark["x"] > motto["x"]  # on the right
    assert all("DỰ THẢO" not in " ".join(w["text"] for w in page) for page in words(data)[1:])
    page = client_for(cast.leader).get(f"/bao-cao/{job.pk}/").content.decode()
    assert "Báo cáo này là bản DỰ THẢO" in page
    assert (
        "<li>Hạn chế</li>" in page
        and ("<li>Nội dung 3: Sáng kiến, giải pháp, cách làm trong xây dựng chính quyền số</li>") in page
    )


def test_the_word_file_of_a_draft_has_the_mark_and_the_italic_line(campaign, cast):
    _job, data = _built(cast.leader, campaign, kind="final", year=None, format="docx")
    document = docx.Document(io.BytesIO(data))
    first = document.paragraphs[0]
    assert first.text == "DỰ THẢO" and first.alignment == 2  # WD_ALIGN_PARAGRAPH.RIGHT
    texts = [p.text for p in document.paragraphs]
    assert any(re.fullmatch(r"[IVX]+\. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TIẾP THEO", t) for t in texts)
    missing = [p for p in document.paragraphs if p.text == "(Phần này chưa được viết.)"]
    assert len(missing) == 5 and all(p.runs[0].italic for p in missing)


def test_a_job_is_built_from_the_versions_of_its_request(campaign, cast):
    written = _write_all(cast.appraiser, campaign)
    with mock.patch("reports.tasks.build_report.apply_async"):
        job = request_report(actor=cast.leader, kind="annual", campaign=campaign, year=2025)
    write_part(
        actor=cast.manager,
        campaign=campaign,
        kind="annual",
        year=2025,
        key="han-che",
        text="Bản sửa sau khi đã yêu cầu báo cáo.",
        based_on=written["han-che"].pk,
    )
    text = _flat(pdf_text(_run(job)))
    assert "Một số xã còn chậm ban hành kế hoạch." in text
    assert "Bản sửa sau khi đã yêu cầu báo cáo." not in text
    # The next request takes the new version.
    _again, data = _built(cast.leader, campaign)
    assert "Bản sửa sau khi đã yêu cầu báo cáo." in _flat(pdf_text(data))


def test_the_unit_report_and_the_proposal_have_no_written_parts(campaign, cast):
    with mock.patch("reports.tasks.build_report.apply_async"):
        unit_job = request_report(
            actor=cast.leader, kind="unit", campaign=campaign, year=2025, unit=campaign.deciding_unit
        )
        proposal = request_report(
            actor=cast.leader, kind="proposal", campaign=campaign, round=campaign.rounds.get(code="nam-2025")
        )
    assert "narrative" not in unit_job.parameters and "narrative" not in proposal.parameters
    text = _flat(pdf_text(_run(unit_job)))
    assert "ĐÁNH GIÁ CHUNG" not in text and "DỰ THẢO" not in text and "KIẾN NGHỊ, ĐỀ XUẤT" not in text


def test_the_command_builds_from_the_current_versions_and_says_what_is_missing(campaign, cast, tmp_path):
    from django.core.management import call_command

    _write_all(cast.appraiser, campaign, skip=("kien-nghi",))
    out = io.StringIO()
    target = tmp_path / "bao-cao.pdf"
    call_command(
        "build_report", "annual", campaign=campaign.number, year=2025, output=str(target), stdout=out
    )
    assert "Bản dự thảo: chưa viết Kiến nghị, đề xuất" in out.getvalue()
    text = _flat(pdf_text(target.read_bytes()))
    assert "DỰ THẢO" in text and "Một số xã còn chậm ban hành kế hoạch." in text
