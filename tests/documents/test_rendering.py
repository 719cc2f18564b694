"""One paper, two outputs: every ND 30 element of the PDF checked by its text and its place on the page,
and the same elements read back from the DOCX."""

import html
import io
import re
import subprocess
from datetime import date

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from documents import docx as word
from documents import pdf
from documents.content import (
    Annex,
    Document,
    Heading,
    Issuer,
    Paragraph,
    Signature,
    Table,
    date_words,
    place_date,
)

pytestmark = pytest.mark.unit

DEPARTMENT = Issuer(
    name="Sở Nội vụ",
    parent="UBND TỈNH HƯNG YÊN",
    abbreviation="SNV",
    locality="Hưng Yên",
    running_name="Sở Nội vụ",
)
LONG_LIST = Table(
    "ds",
    "Danh sách cá nhân",
    ["STT", "Họ và tên", "Đơn vị"],
    [[i, f"Nguyễn Thị Thu Hương {i}", "Ủy ban nhân dân xã Như Quỳnh"] for i in range(1, 60)],
    widths=[10, 45, 45],
    caption=False,
)


def paper(**changes) -> Document:
    fields = {
        "issuer": DEPARTMENT,
        "doc_type": "Tờ trình",
        "type_code": "TTr",
        "title_lines": ["Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"],
        "year": 2026,
        "addressee": ["Chủ tịch Ủy ban nhân dân tỉnh"],
        "body": [
            Heading("Kết quả thực hiện", numeral="I"),
            Paragraph("Thực hiện Kế hoạch số 169/KH-UBND ngày 05/11/2024. " * 60),
            Heading("Đề nghị", numeral="II"),
            Paragraph("Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./."),
        ],
        "recipients": ["Như trên;", "Lưu: VT, TĐKT."],
        "signatures": [Signature(authority="KT. GIÁM ĐỐC", title="PHÓ GIÁM ĐỐC", name="Trần Quốc Toản")],
        "annexes": [Annex("Phụ lục I", "Danh sách cá nhân đề nghị", [LONG_LIST])],
    }
    fields.update(changes)
    return Document(**fields)


def words(data: bytes) -> list[list[dict]]:
    """Each page's words with their boxes (points from the top left), by poppler's pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=data, capture_output=True, check=True).stdout
    pages = []
    for page in out.decode().split("<page ")[1:]:
        pages.append(
            [
                {"x": float(m[1]), "y": float(m[2]), "x2": float(m[3]), "text": html.unescape(m[5])}
                for m in re.finditer(
                    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                    page,
                )
            ]
        )
    return pages


def find(page: list[dict], text: str) -> dict:
    hits = [w for w in page if w["text"] == text]
    assert hits, f"«{text}» is not on the page: {' '.join(w['text'] for w in page[:80])}"
    return hits[0]


def annex_start(pages) -> int:
    return next(i for i, page in enumerate(pages) if any(w["text"] == "Phụ" for w in page[:3]))


@pytest.fixture(scope="module")
def rendered():
    data = pdf.render(paper())
    return data, words(data)


def test_the_header_stands_as_nd30_lays_it_out(rendered):
    _, pages = rendered
    first = pages[0]
    parent, issuer = find(first, "UBND"), find(first, "SỞ")
    nation, motto = find(first, "CỘNG"), find(first, "Độc")
    number, place = find(first, "Số:"), find(first, "Hưng")
    # Issuer's block on the left, the motto's on the right, each line under the one it follows.
    assert parent["x2"] < nation["x"] and issuer["x2"] < motto["x"]
    assert parent["y"] < issuer["y"] < number["y"]
    assert nation["y"] < motto["y"] < place["y"]
    assert abs(parent["y"] - nation["y"]) < 3
    text = " ".join(w["text"] for w in first)
    assert "SỞ NỘI VỤ" in text and "Sở Nội vụ SỞ" not in text  # the issuer once, in capitals
    assert "/TTr-SNV" in text and "năm 2026" in text
    doc_type, title = find(first, "TỜ"), find(first, "Về")
    assert number["y"] < doc_type["y"] < title["y"]
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh." in text
    assert "I. KẾT QUẢ THỰC HIỆN" in text
    assert "II. ĐỀ NGHỊ" in " ".join(w["text"] for page in pages for w in page)


def test_page_numbers_restart_and_skip_each_first_page(rendered):
    data, pages = rendered
    # Page numbers stand alone at the top of the page, centred.
    tops = [min(page, key=lambda w: w["y"]) for page in pages]
    numbered = [t["text"] for t in tops if t["text"].isdigit()]
    start = annex_start(pages)
    assert start >= 1
    assert not tops[0]["text"].isdigit() and not tops[start]["text"].isdigit()
    assert [t["text"] for t in tops[1:start]] == [str(n) for n in range(2, start + 1)]
    assert [t["text"] for t in tops[start + 1 :]] == [str(n) for n in range(2, len(pages) - start + 1)]
    assert numbered
    width = float(PdfReader(io.BytesIO(data)).pages[1].mediabox.width)
    centre = (tops[1]["x"] + tops[1]["x2"]) / 2
    # Centred on the text block (margins 30 mm left, 15 mm right), not on the sheet.
    assert abs(centre - (30 + (210 - 15 - 30) / 2) / 210 * width) < 6


def test_the_signature_block_keeps_the_last_lines_and_the_full_name(rendered):
    _, pages = rendered
    last = pages[annex_start(pages) - 1]
    text = " ".join(w["text"] for w in last)
    assert "KT. GIÁM ĐỐC" in text and "PHÓ GIÁM ĐỐC" in text and "Trần Quốc Toản" in text
    assert "kính trình Chủ tịch" in text  # the closing lines are on the signature's page
    recipients, signer = find(last, "Nơi"), find(last, "KT.")
    assert recipients["x2"] < signer["x"] and abs(recipients["y"] - signer["y"]) < 4


def test_the_annex_names_the_paper_it_goes_with(rendered):
    _, pages = rendered
    annex = pages[annex_start(pages)]
    text = " ".join(w["text"] for w in annex)
    assert "Phụ lục I" in text and "DANH SÁCH CÁ NHÂN ĐỀ NGHỊ" in text
    assert re.search(r"\(Kèm theo Tờ trình số\s+/TTr-SNV ngày\s+tháng\s+năm 2026 của Sở Nội vụ\)", text)


def test_dates_take_the_leading_zeros_nd30_wants():
    assert date_words(date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert date_words(date(2026, 11, 3)) == "ngày 03 tháng 11 năm 2026"
    assert place_date("Như Quỳnh", date(2026, 3, 15)) == "Như Quỳnh, ngày 15 tháng 3 năm 2026"


def test_a_numbered_dated_decision_with_two_signatures_and_a_draft_mark():
    doc = paper(
        doc_type="Biên bản",
        type_code="BB",
        number="07",
        day=date(2026, 12, 1),
        addressee=[],
        recipients=[],
        draft=True,
        signatures=[
            Signature(title="THƯ KÝ", name="Lê Thị Mai"),
            Signature(title="CHỦ TỌA", name="Phạm Văn Hùng"),
        ],
        annexes=[],
    )
    pages = words(pdf.render(doc))
    text = " ".join(w["text"] for p in pages for w in p)
    assert "DỰ THẢO" in text and "Số: 07/BB-SNV" in text and "Hưng Yên, ngày 01 tháng 12 năm 2026" in text
    secretary, chair = find(pages[-1], "THƯ"), find(pages[-1], "CHỦ")
    assert secretary["x2"] < chair["x"] and abs(secretary["y"] - chair["y"]) < 3
    assert "Lê Thị Mai" in text and "Phạm Văn Hùng" in text


def test_a_block_that_is_not_a_paper_block_is_refused():
    with pytest.raises(TypeError, match="not a block"):
        pdf.render(paper(body=["plain string"]))


# --- Word ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def word_file():
    return docx.Document(io.BytesIO(word.render(paper())))


def test_word_has_the_same_header_and_title(word_file):
    left, right = word_file.tables[0].rows[0].cells
    assert left.text.splitlines()[:2] == ["UBND TỈNH HƯNG YÊN", "SỞ NỘI VỤ"]
    assert left.paragraphs[1].runs[0].bold and not left.paragraphs[0].runs[0].bold
    assert "/TTr-SNV" in left.text
    lines = right.text.splitlines()
    assert lines[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert right.paragraphs[1].runs[0].underline  # the motto's rule: as long as the motto
    assert right.paragraphs[2].runs[0].italic and "năm 2026" in lines[2]
    texts = [p.text for p in word_file.paragraphs]
    assert "TỜ TRÌNH" in texts and "I. KẾT QUẢ THỰC HIỆN" in texts
    heading = next(p for p in word_file.paragraphs if p.text == "I. KẾT QUẢ THỰC HIỆN")
    assert heading.runs[0].bold and heading.paragraph_format.keep_with_next


def test_word_page_setup_and_numbering(word_file):
    assert len(word_file.sections) == 2  # the paper, the annex
    for section in word_file.sections:
        assert round(section.page_width.mm) == 210 and round(section.left_margin.mm) == 30
        assert round(section.right_margin.mm) == 15 and section.different_first_page_header_footer
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
        assert "PAGE" in section.header._element.xml
        assert "PAGE" not in section.first_page_header._element.xml
    assert word_file.styles["Normal"].font.name == "Times New Roman"


def test_word_signature_and_annex(word_file):
    closing = word_file.tables[1].rows[0].cells
    assert closing[0].text.startswith("Nơi nhận:") and "- Lưu: VT, TĐKT." in closing[0].text
    assert closing[1].text.splitlines()[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert closing[1].text.splitlines()[-1] == "Trần Quốc Toản"
    last_body = [p for p in word_file.paragraphs if "kính trình" in p.text][0]
    assert last_body.paragraph_format.keep_with_next
    annex_table = word_file.tables[2]
    assert [c.text for c in annex_table.rows[0].cells] == ["STT", "Họ và tên", "Đơn vị"]
    assert len(annex_table.rows) == 60 and annex_table.rows[59].cells[1].text == "Nguyễn Thị Thu Hương 59"
    assert "(Kèm theo Tờ trình số" in "\n".join(p.text for p in word_file.paragraphs)
