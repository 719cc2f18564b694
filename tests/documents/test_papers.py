"""The awards' papers from the data: the recorded decision (its list and bonuses), the council's minutes,
the certificates fitting their frame, the build_document command — as an official reads them."""

import datetime
import io

import docx
import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from awards import papers
from documents import docx as word
from documents import pdf
from reports import jobs as building
from reports import services as report_services
from tests.awards.flow import (
    council_members,
    individual_and_collective,
    province_decision,
    unit_decision,
    voted_round,
)
from tests.documents.test_rendering import find, words
from tests.factories import (
    GIAY_KHEN,
    PersonFactory,
    appraised,
    award_round,
    award_type,
    deputy,
)

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 1, 15)
LONGEST = "Nguyễn Thị Phương Thảo Quỳnh Anh Hoàng Lê Minh Châu Khánh Linh"


def _voted(cast):
    round_ = award_round(quota=10)
    campaign = round_.campaign
    campaign.deciding_unit, campaign.appraising_unit = cast.province, cast.noivu
    campaign.save()
    person_dossier, unit_dossier = individual_and_collective(cast, round_)
    rejected = appraised(round_, created_by=cast.officer_b, unit=cast.unit_b)
    voted_round(
        cast,
        round_,
        votes={
            person_dossier: ["agree", "agree", "disagree"],
            unit_dossier: ["agree", "agree", "agree"],
            rejected: ["agree", "abstain", "disagree"],
        },
        members=council_members(cast, 2),
    )
    return round_


def _decision(cast, round_):
    return province_decision(cast, round_, issued_on=DAY)


def _text(data: bytes) -> str:
    return " ".join(w["text"] for page in words(data) for w in page)


def test_the_recorded_decision_reads_as_issued(cast):
    round_ = _voted(cast)
    decision = _decision(cast, round_)
    data = pdf.render(papers.decision_paper(decision))
    pages = words(data)
    text = _text(data)
    first = pages[0]
    # The header: the committee with no parent line, the number as issued, the place and date of the day.
    assert find(first, "Số:")["y"] < find(first, "QUYẾT")["y"]
    assert "Số: 123/QĐ-UBND" in text and "Hưng Yên, ngày 15 tháng 01 năm 2026" in text
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN" in text
    # The grounds in force in 2026, the articles, the Chairman's own signature with his full name.
    assert "Nghị định số 152/2025/NĐ-CP" in text and "98/2023" not in text
    assert "Điều 1. Tặng Bằng khen" in text and "1 tập thể và 1 cá nhân" in text
    assert "Trần Quốc Văn" in text and "TM." not in text and "DỰ THẢO" not in text
    # The annex on its own pages: separate numbered lists, bonuses, the full name of the collective.
    annex = " ".join(w["text"] for w in pages[-1])
    assert "I. TẬP THỂ (01)" in annex and "II. CÁ NHÂN (01)" in annex
    assert "Ủy ban nhân dân xã Lạc Hồng" in annex and "UBND xã" not in annex
    assert "4.680.000" in annex and "2.340.000" in annex
    assert "Tổng số tiền" not in annex and "21.060.000" not in text
    assert "(Kèm theo Quyết định số 123/QĐ-UBND ngày 15 tháng 01 năm 2026" in annex


def test_the_decision_and_its_certificates_keep_the_signer_recorded_on_it(cast):
    """Whoever the register's default is, and whoever signs a later tờ trình, a recorded decision prints
    the official recorded with it: on the register, with their authority form; else as recorded."""
    from awards.services.certificates import certificate_pdf

    deputy(cast.province, "Nguyễn Lê Huy", "Phó Chủ tịch", "Chủ tịch")
    round_ = _voted(cast)
    decision = province_decision(
        cast, round_, issued_on=DAY, signer_name="Nguyễn Lê Huy", signer_title="Phó Chủ tịch"
    )
    awards = list(decision.awards.select_related("person").order_by("subject"))
    for data in (pdf.render(papers.decision_paper(decision)), certificate_pdf(decision, awards)):
        text = _text(data)
        assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in text and "Nguyễn Lê Huy" in text
        assert "Trần Quốc Văn" not in text  # the default signs the papers asked for, not this one
    word_file = docx.Document(io.BytesIO(word.render(papers.decision_paper(decision))))
    blocks = [c.text.splitlines() for t in word_file.tables for r in t.rows for c in r.cells]
    assert any(b[:2] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] and b[-1] == "Nguyễn Lê Huy" for b in blocks if b)
    # Someone not on the register (an earlier term, say): the name and title as recorded.
    decision.signer_name, decision.signer_title = "Phạm Văn Cũ", "Chủ tịch"
    block = papers.certificate_face(decision)["signature"]
    assert (block.lines, block.name) == (["CHỦ TỊCH"], "Phạm Văn Cũ")


def test_a_decision_of_2024_cites_the_texts_in_force_then(cast):
    round_ = _voted(cast)
    decision = _decision(cast, round_)
    decision.issued_on = datetime.date(2024, 12, 20)
    text = _text(pdf.render(papers.decision_paper(decision)))
    assert "98/2023/NĐ-CP" in text and "152/2025" not in text
    assert "ngày 19 tháng 6 năm 2015" in text


def test_a_unit_heads_giay_khen_decision_is_issued_by_the_unit_in_its_locality(cast):
    award_type(GIAY_KHEN)
    person = PersonFactory(unit=cast.unit_a, full_name="Đỗ Văn Hưởng")
    decision = unit_decision(
        cast, award_round(), "09/QĐ-UBND", DAY, signer_name="Nguyễn Văn Lâm", people=[person]
    ).decision
    text = _text(pdf.render(papers.decision_paper(decision)))
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN VĂN LÂM" in text and "UBND" not in text.replace("-UBND", "")
    assert "Văn Lâm, ngày 15 tháng 01 năm 2026" in text
    assert "Ông Đỗ Văn Hưởng" in text and "Nguyễn Văn Lâm" in text


def test_the_minutes_give_members_each_tally_and_the_result(cast):
    round_ = _voted(cast)
    paper = papers.council_minutes(round_.council_session)
    data = pdf.render(paper)
    text = _text(data)
    assert "BIÊN BẢN" in text and "/BB-HĐTĐKT" in text and "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG" in text
    assert "Hội đồng có 3 thành viên; 3 thành viên có mặt và biểu quyết" in text
    # Who led the meeting and who kept the minutes, named before the members.
    chair_line = "Chủ trì: Trần Quốc Văn, Chủ tịch Ủy ban nhân dân tỉnh"
    order = [text.index(t) for t in ("THÀNH PHẦN", chair_line, "Thư ký:", "Hội đồng có")]
    assert order == sorted(order)
    assert "vượt 50% tổng số thành viên" in text
    tally = next(b for b in paper.body if getattr(b, "key", "") == "bieu-quyet")
    assert sorted(r[3:] for r in tally.rows) == sorted(
        [[2, 1, 0, "Thông qua"], [3, 0, 0, "Thông qua"], [1, 1, 1, "Không thông qua"]]
    )
    assert "THƯ KÝ" in text and "CHỦ TỊCH HỘI ĐỒNG" in text and "Trần Quốc Văn" in text
    assert "đề nghị khen thưởng 1 tập thể và 1 cá nhân; 1 hồ sơ không được thông qua" in text


def test_minutes_of_an_open_session_are_refused_with_what_to_do(cast):
    round_ = award_round()
    with pytest.raises(ValidationError, match="hãy kết thúc phiên họp"):
        report_services.request_minutes(actor=cast.manager, round=round_)


def test_certificates_fit_their_frame_for_the_longest_name(cast):
    award_type(GIAY_KHEN)
    people = [PersonFactory(unit=cast.unit_a, full_name=LONGEST, gender="female", position="Phó Chủ tịch")]
    decision = unit_decision(
        cast,
        award_round(),
        "10/QĐ-UBND",
        DAY,
        signer_name="Nguyễn Văn Lâm",
        people=people,
        units=[cast.unit_a_child],
    ).decision
    from awards.services.certificates import certificate_pdf

    data = certificate_pdf(decision, list(decision.awards.select_related("person").order_by("subject")))
    pages = words(data)
    assert len(pages) == 2  # one page each: nothing spilled onto a page of its own
    for page in pages:
        text = " ".join(w["text"] for w in page)
        assert text.count("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN VĂN LÂM") == 1  # the issuer once, in full
        assert "Văn Lâm, ngày 15 tháng 01 năm 2026" in text
        # The signer's name is the lowest line, inside the inner frame (188 mm box from a 10 mm margin,
        # less its 3 mm border and 6 mm padding).
        name_line = max(w["y"] for w in page if w["text"] == "Lâm")
        assert name_line > find(page, "Lạc" if "Lạc" in text else "Phó")["y"]
        assert max(w["y"] for w in page) < (10 + 188 - 9) / 25.4 * 72
    both = " ".join(w["text"] for w in pages[0] + pages[1])
    assert "Ủy ban nhân dân xã Lạc Hồng" in both and "UBND xã" not in both
    assert f"Bà {LONGEST}" in both


def test_the_build_document_command_builds_every_kind_and_refuses_bad_input(cast, tmp_path):
    round_ = _voted(cast)
    _decision(cast, round_)
    for kind, fmt in [
        ("proposal", "docx"),
        ("draft-decision", "pdf"),
        ("decision", "docx"),
        ("council-minutes", "pdf"),
        ("certificates", "pdf"),
    ]:
        target = tmp_path / f"{kind}.{fmt}"
        extra = ["--decision", "123/QĐ-UBND"] if kind in ("decision", "certificates") else []
        call_command("build_document", kind, "--round", round_.code, "--output", str(target), *extra)
        data = target.read_bytes()
        assert data[:4] == (b"PK\x03\x04" if fmt == "docx" else b"%PDF")
    with pytest.raises(CommandError, match="Các quyết định của đợt: 123/QĐ-UBND"):
        call_command(
            "build_document", "decision", "--round", round_.code, "--decision", "9", "--output", "x.pdf"
        )
    with pytest.raises(CommandError, match="Không có đợt"):
        call_command("build_document", "proposal", "--round", "khong-co", "--output", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="chỉ có tệp PDF"):
        call_command(
            "build_document",
            "certificates",
            "--round",
            round_.code,
            "--decision",
            "123/QĐ-UBND",
            "--format",
            "docx",
            "--output",
            str(tmp_path / "x.docx"),
        )
    assert not (tmp_path / "x.docx").exists() and not (tmp_path / "x.pdf").exists()


def test_the_proposal_in_word_reads_back_with_its_lists_and_a_draft_decision(cast):
    round_ = award_round(quota=10)
    campaign = round_.campaign
    campaign.deciding_unit, campaign.appraising_unit = cast.province, cast.noivu
    campaign.save()
    person_dossier, unit_dossier = individual_and_collective(cast, round_)
    from awards.services import propose

    propose(actor=cast.manager, round=round_, nominations=[person_dossier, unit_dossier])
    job = report_services.request_report(
        actor=cast.manager, kind="proposal", campaign=campaign, round=round_, format="docx"
    )
    report = building.gather(job, lambda percent, step: None)
    document = docx.Document(io.BytesIO(word.render(*report.documents)))
    texts = [p.text for p in document.paragraphs]
    assert "TỜ TRÌNH" in texts and "QUYẾT ĐỊNH" in texts and "I. TẬP THỂ (01)" in texts
    assert "II. CÁ NHÂN (01)" in texts and "DỰ THẢO" in "\n".join(texts)
    left = document.tables[0].rows[0].cells[0].text.splitlines()
    assert left[:2] == ["UBND TỈNH HƯNG YÊN", "SỞ NỘI VỤ"]
    assert any(t.startswith("Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên") for t in texts)
    assert sum("kính trình" in t for t in texts) == 2  # the opening and the closing, not the request


def test_a_round_with_nothing_to_propose_is_refused_before_any_job(cast):
    round_ = award_round()
    with pytest.raises(ValidationError, match="chưa có hồ sơ nào trong danh sách đề nghị"):
        report_services.request_report(
            actor=cast.manager, kind="proposal", campaign=round_.campaign, round=round_
        )


def test_another_units_decision_paper_is_not_found(cast, client_for):
    award_type(GIAY_KHEN)
    decision = unit_decision(
        cast,
        award_round(),
        "11/QĐ-UBND",
        DAY,
        signer_name="Nguyễn Văn Lâm",
        people=[PersonFactory(unit=cast.unit_a)],
    ).decision
    url = reverse("reports:decision_paper", args=[decision.pk, "docx"])
    assert client_for(cast.head_b).get(url).status_code == 404
    assert client_for(cast.head_b).post(url).status_code == 404
    own = client_for(cast.head_a)
    assert own.get(url).status_code == 200
    response = own.post(url)
    assert response.status_code == 302
    with pytest.raises(ValidationError, match="Hãy chọn PDF hoặc Word"):
        report_services.request_decision_file(
            actor=cast.head_a, decision=decision, kind="decision", format="xlsx"
        )
