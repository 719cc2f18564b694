"""Importing people: matching on re-import, refusing bad rows whole, never showing a full id."""

import datetime as dt
import logging

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from campaigns.imports import import_people
from campaigns.models import Person, Unit
from tests.factories import PersonFactory, UnitFactory
from tests.files import PEOPLE_HEADER, csv_bytes, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    province = UnitFactory(code="UBND-TINH", kind=Unit.Kind.PROVINCE)
    return {
        "SNV": UnitFactory(code="SNV", name="Sở Nội vụ", kind=Unit.Kind.PROVINCIAL_AGENCY, parent=province),
        "X-NQ": UnitFactory(code="X-NQ", name="UBND xã Như Quỳnh", parent=province),
    }


def test_excel_serial_dates_numeric_ids_and_vocabulary_variants(units):
    data = xlsx(
        PEOPLE_HEADER + ["Lãnh đạo, quản lý"],
        [
            ["Nguyễn Văn An", 30000, "Nam", "Chuyên viên", "SNV", "Công chức", 33085001234, ""],
            ["  trần  thị   BÌNH ", dt.datetime(1990, 5, 17), "nu", "Phó Chủ tịch", "X-NQ", "CB", "", "x"],
            ["Lê Văn Cường", "02/09/1985", "NAM", "", "X-NQ", "vien chuc", "033 085 009 999", "Có"],
        ],
    )
    result = import_people(data, "nguoi.xlsx", dry_run=False)
    assert result.ok, result.report_lines()
    assert result.created == 3
    an = Person.objects.get(search_name="nguyen van an")
    assert an.date_of_birth == dt.date(1982, 2, 18)
    assert an.personal_id == "033085001234"  # the leading zero Excel dropped is back
    binh = Person.objects.get(search_name="tran thi binh")
    assert binh.full_name == "trần thị BÌNH" and binh.gender == Person.Gender.FEMALE
    assert binh.category == Person.Category.CAN_BO and binh.is_leadership
    cuong = Person.objects.get(search_name="le van cuong")
    assert cuong.personal_id == "033085009999" and cuong.category == Person.Category.VIEN_CHUC


def test_semicolon_csv_with_bom_and_headers_without_diacritics(units):
    header = [
        "HO VA TEN",
        "ngay sinh",
        "Gioi tinh",
        "Chuc vu",
        "ma don vi",
        "Doi tuong",
        "So dinh danh ca nhan",
    ]
    data = csv_bytes(
        header,
        [
            [
                "Phạm Thị Dung",
                "01/01/1980",
                "Nữ",
                "Trưởng phòng, kiêm nhiệm",
                "SNV",
                "Công chức",
                "033180000111",
            ]
        ],
        delimiter=";",
        bom=True,
    )
    result = import_people(data, "nguoi.csv", dry_run=False)
    assert result.ok, result.report_lines()
    assert Person.objects.get().position == "Trưởng phòng, kiêm nhiệm"


def test_bad_rows_refuse_the_whole_file_with_reasons(units):
    PersonFactory(full_name="Ngô Văn Có Sẵn", unit=units["SNV"], personal_id="033099000777")
    data = xlsx(
        PEOPLE_HEADER,
        [
            ["Người Hợp Lệ", "01/01/1980", "Nam", "", "SNV", "Công chức", ""],
            ["Sai Đơn Vị", "01/01/1980", "Nam", "", "KHONG-CO", "Công chức", ""],
            ["Sai Ngày", "30/02/1980", "Nam", "", "SNV", "Công chức", ""],
            ["Sai Đối Tượng", "01/01/1980", "Nam", "", "SNV", "Hợp đồng", ""],
            ["Trùng Số Một", "01/01/1981", "Nam", "", "SNV", "Công chức", "033081123456"],
            ["Trùng Số Hai", "01/01/1982", "Nam", "", "SNV", "Công chức", "033081123456"],
            ["Số Của Người Khác", "01/01/1983", "Nam", "", "SNV", "Công chức", "033099000777"],
            ["Số Ngắn", "01/01/1984", "Nam", "", "SNV", "Công chức", "12345"],
            ["Sinh Tương Lai", "01/01/2030", "Nữ", "", "SNV", "Viên chức", ""],
            ["Giới Lạ", "01/01/1980", "Khác", "", "SNV", "Viên chức", ""],
        ],
    )
    result = import_people(data, "nguoi.xlsx", dry_run=False)
    assert {(e.row, e.column) for e in result.errors} == {
        (3, "Mã đơn vị"),
        (4, "Ngày sinh"),
        (5, "Đối tượng"),
        (7, "Số định danh cá nhân"),
        (8, "Số định danh cá nhân"),
        (9, "Số định danh cá nhân"),
        (10, "Ngày sinh"),
        (11, "Giới tính"),
    }
    text = "\n".join(result.report_lines())
    assert "Không có đơn vị mã “KHONG-CO”" in text
    assert "“30/02/1980” không phải là ngày hợp lệ" in text
    assert "Đối tượng “Hợp đồng” không có trong danh mục" in text
    assert "********3456 trùng với dòng 6" in text
    assert "********0777 đã thuộc về một người khác" in text
    # A report may be pasted anywhere: no full identification number in it.
    assert "033081123456" not in text and "033099000777" not in text
    assert Person.objects.count() == 1


def test_reimport_updates_by_id_then_by_name_birth_and_unit(units):
    rows = [
        ["Nguyễn Văn An", "01/01/1980", "Nam", "Chuyên viên", "SNV", "Công chức", "033080000001"],
        ["Trần Thị Bình", "02/02/1982", "Nữ", "Chuyên viên", "X-NQ", "Công chức", ""],
    ]
    first = import_people(xlsx(PEOPLE_HEADER, rows), "a.xlsx", dry_run=False)
    assert first.created == 2
    again = import_people(xlsx(PEOPLE_HEADER, rows), "a.xlsx", dry_run=False)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    changed = [
        ["Nguyễn Văn An", "01/01/1980", "Nam", "Phó Trưởng phòng", "X-NQ", "Công chức", "033080000001"],
        ["TRẦN THỊ BÌNH", "02/02/1982", "Nữ", "Trưởng phòng", "X-NQ", "Viên chức", "033082000002"],
    ]
    third = import_people(xlsx(PEOPLE_HEADER, changed), "a.xlsx", dry_run=False)
    assert (third.created, third.updated) == (0, 2), third.report_lines()
    assert Person.objects.count() == 2
    an = Person.objects.get(personal_id="033080000001")
    assert an.unit.code == "X-NQ" and an.position == "Phó Trưởng phòng"
    binh = Person.objects.get(search_name="tran thi binh")
    assert binh.personal_id == "033082000002" and binh.category == Person.Category.VIEN_CHUC


def test_an_empty_id_cell_keeps_the_stored_number(units):
    person = PersonFactory(
        full_name="Đỗ Văn Em",
        date_of_birth=dt.date(1979, 3, 3),
        unit=units["SNV"],
        personal_id="033079000003",
    )
    rows = [["Đỗ Văn Em", "03/03/1979", "Nam", "Chuyên viên chính", "SNV", "Công chức", ""]]
    result = import_people(xlsx(PEOPLE_HEADER, rows), "a.xlsx", dry_run=False)
    assert result.updated == 1, result.report_lines()
    person.refresh_from_db()
    assert person.personal_id == "033079000003" and person.position == "Chuyên viên chính"


def test_a_few_thousand_rows_import_with_a_bounded_number_of_queries(units, django_assert_max_num_queries):
    rows = [
        [
            f"Nguyễn Văn Thử {i}",
            f"{1 + i % 28:02d}/{1 + i % 12:02d}/{1960 + i % 40}",
            "Nam" if i % 2 else "Nữ",
            "Chuyên viên",
            "SNV" if i % 3 else "X-NQ",
            ("Cán bộ", "Công chức", "Viên chức")[i % 3],
            f"0330{i:08d}" if i % 2 else "",
        ]
        for i in range(3000)
    ]
    data = xlsx(PEOPLE_HEADER, rows)
    # SQLite allows 999 parameters a statement, so its batches are ~80 rows; PostgreSQL's are 1,000.
    bound = 20 if connection.vendor == "postgresql" else 20 + 3000 // 80
    with django_assert_max_num_queries(bound):
        result = import_people(data, "lon.xlsx", dry_run=False)
    assert result.ok and result.created == 3000
    with django_assert_max_num_queries(20):
        again = import_people(data, "lon.xlsx", dry_run=False)
    assert (again.created, again.unchanged) == (0, 3000)
    assert Person.objects.count() == 3000


def test_the_command_exits_non_zero_and_logs_no_full_id(units, tmp_path, capsys, caplog):
    bad = tmp_path / "nguoi.xlsx"
    bad.write_bytes(
        xlsx(
            PEOPLE_HEADER,
            [
                ["Một", "01/01/1980", "Nam", "", "SNV", "Công chức", "033080999888"],
                ["Hai", "01/01/1981", "Nam", "", "SNV", "Công chức", "033080999888"],
            ],
        )
    )
    caplog.set_level(logging.DEBUG)
    with pytest.raises(CommandError):
        call_command("import_people", str(bad))
    out = capsys.readouterr()
    everything = out.out + out.err + caplog.text
    assert "Dòng 3, cột “Số định danh cá nhân”" in everything
    assert "033080999888" not in everything
    assert Person.objects.count() == 0

    good = tmp_path / "tot.csv"
    good.write_bytes(
        csv_bytes(PEOPLE_HEADER, [["Ba", "01/01/1980", "Nam", "", "SNV", "Công chức", "033080999777"]])
    )
    call_command("import_people", str(good), "--dry-run")
    assert Person.objects.count() == 0
    call_command("import_people", str(good))
    out = capsys.readouterr()
    assert Person.objects.count() == 1 and "033080999777" not in out.out + out.err + caplog.text
