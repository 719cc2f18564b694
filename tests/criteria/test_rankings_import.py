"""Importing dân vận chính quyền results: messy files import, bad files are refused whole."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from campaigns.models import ImportBatch
from campaigns.services.imports import start_import
from criteria.models import UnitRanking
from criteria.rankings import apply_rankings, parse_rankings
from tests.factories import UnitFactory
from tests.files import csv_bytes, xlsx

pytestmark = pytest.mark.django_db

HEADER = ["Mã đơn vị", "Điểm", "Xếp loại", "Thứ hạng", "Nhóm"]


def test_csv_with_bom_and_headers_without_diacritics(cast):
    data = csv_bytes(
        ["  ma don vi ", "DIEM", "xep loai", "Thu hang", "nhom"],
        [["T-VL", "92,5", "tốt", "1", "Cấp huyện"], ["t-at", "80", "KHA", "2", "Cấp huyện"]],
        bom=True,
    )
    parsed = parse_rankings(data, "ket-qua.csv", 2025)
    assert parsed.ok, parsed.errors
    apply_rankings(actor=cast.appraiser, parsed=parsed)
    a = UnitRanking.objects.get(unit=cast.unit_a, year=2025)
    assert (a.points, a.grade, a.rank, a.group_size) == (Decimal("92.50"), "tot", 1, 2)
    assert UnitRanking.objects.get(unit=cast.unit_b, year=2025).grade == "kha"


def test_xlsx_with_numbers_as_excel_types_and_semicolon_csv(cast):
    data = xlsx(HEADER, [[1234.0, 88.25, "Trung bình", 1.0, None]])
    UnitFactory(code="1234", kind="commune", parent=cast.unit_a)
    parsed = parse_rankings(data, "kq.xlsx", 2025)
    assert parsed.ok, parsed.errors
    assert parsed.rows[0].points == Decimal("88.25") and parsed.rows[0].rank == 1
    semicolon = csv_bytes(HEADER[:4], [["T-VL", "70", "Không xếp loại", "1"]], delimiter=";")
    assert parse_rankings(semicolon, "kq.csv", 2025).ok


def test_one_bad_row_refuses_the_whole_file_with_row_column_and_reason(cast):
    data = xlsx(
        HEADER,
        [
            ["T-VL", 90, "Tốt", 1, "Cấp huyện"],
            ["KHONG-CO", 80, "Khá", 2, "Cấp huyện"],
            ["T-AT", "tám mươi", "Xuất sắc", 0, "Cấp huyện"],
            ["T-VL", 70, "Khá", 3, "Cấp huyện"],
            [None, None, None, None, None],
            ["T-VL-LH", 60, "Khá", dt.datetime(2025, 1, 2), "Cấp xã"],
        ],
    )
    parsed = parse_rankings(data, "kq.xlsx", 2025)
    assert not parsed.ok
    reasons = {(e.row, e.column): e.message for e in parsed.errors}
    assert "Không có đơn vị mã “KHONG-CO”" in reasons[(3, "Mã đơn vị")]
    assert "không phải là số" in reasons[(4, "Điểm")]
    assert "Xếp loại “Xuất sắc” không hợp lệ" in reasons[(4, "Xếp loại")]
    assert "số nguyên từ 1" in reasons[(4, "Thứ hạng")]
    assert "đã có ở dòng 2" in reasons[(5, "Mã đơn vị")]
    assert (7, "Thứ hạng") in reasons  # an Excel date is not a rank
    assert UnitRanking.objects.count() == 0


def test_missing_column_and_wrong_format_are_file_errors(cast):
    assert (
        "Thiếu cột"
        in parse_rankings(csv_bytes(["Mã đơn vị", "Điểm"], [["T-VL", 1]]), "a.csv", 2025).file_error
    )
    assert "Chỉ nhận tệp Excel" in parse_rankings(b"abc", "a.pdf", 2025).file_error
    assert "Năm đánh giá" in parse_rankings(b"", "a.csv", 1990).file_error


def test_rank_larger_than_the_group_is_refused(cast):
    parsed = parse_rankings(csv_bytes(HEADER, [["T-VL", 90, "Tốt", 5, "Cấp huyện"]]), "a.csv", 2025)
    assert "lớn hơn số đơn vị" in parsed.errors[0].message


def test_reimport_updates_rows_instead_of_duplicating(cast):
    first = csv_bytes(HEADER, [["T-VL", 90, "Tốt", 1, "H"], ["T-AT", 80, "Khá", 2, "H"]])
    apply_rankings(actor=None, parsed=parse_rankings(first, "a.csv", 2025))
    second = csv_bytes(HEADER, [["T-VL", 75, "Khá", 2, "H"], ["T-AT", 85, "Tốt", 1, "H"]])
    result = apply_rankings(actor=None, parsed=parse_rankings(second, "a.csv", 2025))
    assert (result.created, result.updated) == (0, 2)
    assert UnitRanking.objects.count() == 2
    assert UnitRanking.objects.get(unit=cast.unit_a).rank == 2


def test_command_imports_and_refuses(cast, tmp_path, capsys):
    good = tmp_path / "kq.csv"
    good.write_bytes(csv_bytes(HEADER, [["T-VL", 90, "Tốt", 1, ""]], bom=True))
    call_command("import_rankings", str(good), "--year", "2025", "--dry-run")
    assert UnitRanking.objects.count() == 0
    call_command("import_rankings", str(good), "--year", "2025")
    assert UnitRanking.objects.count() == 1
    bad = tmp_path / "sai.csv"
    bad.write_bytes(csv_bytes(HEADER, [["T-VL", 90, "Tốt", 1, ""], ["ZZZ", 1, "Tốt", 1, ""]]))
    with pytest.raises(CommandError, match="không nhập dòng nào"):
        call_command("import_rankings", str(bad), "--year", "2024")
    assert "Dòng 3, cột “Mã đơn vị”" in capsys.readouterr().err
    assert not UnitRanking.objects.filter(year=2024).exists()


def _upload(client, data: bytes, year: int = 2025, name: str = "kq.csv"):
    """Upload through the rankings page: it starts an import batch and shows its preview."""
    return client.post(
        reverse("criteria:rankings_import"),
        {"year": year, "file": SimpleUploadedFile(name, data)},
        follow=True,
    )


def test_browser_import_preview_then_confirm(cast, client_for):
    client = client_for(cast.appraiser)
    data = csv_bytes(
        HEADER, [["T-VL", "91", "Tốt", "1", "Cấp huyện"], ["T-AT", "70", "Khá", "2", "Cấp huyện"]]
    )
    response = _upload(client, data)
    assert response.status_code == 200 and "Xác nhận nhập" in response.content.decode()
    assert "UBND huyện Văn Lâm" in response.content.decode()  # the unit each code names
    assert UnitRanking.objects.count() == 0  # the preview writes nothing
    batch = ImportBatch.objects.get(kind=ImportBatch.Kind.RANKINGS)
    assert batch.year == 2025 and response.redirect_chain[-1][0] == reverse(
        "campaigns:import_preview", args=[batch.pk]
    )
    # Someone else's batch cannot be confirmed, even by another staff member.
    assert (
        client_for(cast.manager).post(reverse("campaigns:import_confirm", args=[batch.pk])).status_code == 404
    )
    assert UnitRanking.objects.count() == 0
    response = client.post(reverse("campaigns:import_confirm", args=[batch.pk]))
    assert response.status_code == 302
    assert UnitRanking.objects.filter(year=2025).count() == 2
    done = client.get(response["Location"]).content.decode()
    assert "Đã ghi: 2 bản ghi thêm mới" in done and f"{reverse('criteria:rankings')}?year=2025" in done
    # Confirming twice writes nothing more.
    client.post(reverse("campaigns:import_confirm", args=[batch.pk]))
    assert UnitRanking.objects.count() == 2


def test_browser_preview_marks_errors_and_offers_no_confirm(cast, client_for):
    data = csv_bytes(HEADER, [["T-VL", "91", "Tốt", "1", ""], ["SAI", "70", "Khá", "2", ""]])
    html = _upload(client_for(cast.appraiser), data).content.decode()
    assert "cell-error" in html and "Dòng 3, cột “Mã đơn vị”" in html and "Xác nhận nhập" not in html
    batch = ImportBatch.objects.get()
    client_for(cast.appraiser).post(reverse("campaigns:import_confirm", args=[batch.pk]))
    assert not UnitRanking.objects.exists()


def test_a_year_in_the_future_is_refused_at_the_upload(cast, client_for):
    data = csv_bytes(HEADER, [["T-VL", "91", "Tốt", "1", ""]])
    next_year = dt.date.today().year + 1
    response = _upload(client_for(cast.appraiser), data, year=next_year)
    assert "Năm đánh giá phải từ 2000" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_the_import_home_offers_the_rankings_to_noivu_staff(cast, client_for):
    html = client_for(cast.appraiser).get(reverse("campaigns:import_home")).content.decode()
    assert "Kết quả dân vận chính quyền" in html and reverse("criteria:rankings_import") in html


def test_template_download_is_a_real_workbook_with_the_columns(cast, client_for):
    response = client_for(cast.appraiser).get(reverse("criteria:rankings_template"))
    book = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in book.active[1]] == HEADER


@pytest.mark.parametrize("who", ["officer_a", "head_b", "leader", "nobody"])
def test_only_noivu_staff_import(cast, client_for, who):
    client = client_for(getattr(cast, who))
    data = csv_bytes(HEADER, [["T-VL", "91", "Tốt", "1", ""]])
    batch, _result = start_import(
        actor=cast.appraiser,
        kind=ImportBatch.Kind.RANKINGS,
        upload=SimpleUploadedFile("k.csv", data),
        year=2025,
    )
    with pytest.raises(PermissionDenied):
        start_import(
            actor=getattr(cast, who), kind="rankings", upload=SimpleUploadedFile("k.csv", data), year=2025
        )
    assert (
        client.post(
            reverse("criteria:rankings_import"), {"year": 2025, "file": SimpleUploadedFile("k.csv", data)}
        ).status_code
        == 403
    )
    assert client.get(reverse("criteria:rankings_template")).status_code == 403
    assert client.post(reverse("campaigns:import_confirm", args=[batch.pk])).status_code == 403
    assert UnitRanking.objects.count() == 0


def test_rankings_page_lists_years_without_thousands_separators(cast, client_for):
    apply_rankings(
        actor=None, parsed=parse_rankings(csv_bytes(HEADER, [["T-VL", 90, "Tốt", 1, ""]]), "a.csv", 2025)
    )
    html = client_for(cast.leader).get(reverse("criteria:rankings")).content.decode()
    assert '<option value="2025" selected>2025</option>' in html and "UBND huyện Văn Lâm" in html
    assert client_for(cast.officer_a).get(reverse("criteria:rankings")).status_code == 403
