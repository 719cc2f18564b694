"""Importing the unit tree from messy spreadsheets: all or nothing, with row-level reasons."""

import datetime as dt

import pytest

from campaigns.imports import import_units
from campaigns.models import Cluster, Unit
from campaigns.tabular import TableError
from tests.factories import UnitFactory
from tests.files import UNIT_HEADER, csv_bytes, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def province():
    return UnitFactory(code="UBND-TINH", name="Ủy ban nhân dân tỉnh Hưng Yên", kind=Unit.Kind.PROVINCE)


@pytest.fixture
def cluster():
    return Cluster.objects.create(code="CUM-1", name="Cụm thi đua số 1", kind=Cluster.Kind.CUM)


def test_a_parent_later_in_the_file_is_found_and_paths_are_built(province, cluster):
    data = xlsx(
        UNIT_HEADER,
        [
            ["X-LAC-HONG", "UBND xã Lạc Hồng", "UBND cấp xã", "H-VANLAM", ""],
            ["H-VANLAM", "UBND huyện Văn Lâm", "UBND cấp huyện", "UBND-TINH", "Cụm thi đua số 1"],
        ],
    )
    result = import_units(data, "don-vi.xlsx", dry_run=False)
    assert result.ok, result.report_lines()
    assert (result.created, result.updated) == (2, 0)
    district = Unit.objects.get(code="H-VANLAM")
    commune = Unit.objects.get(code="X-LAC-HONG")
    assert commune.parent == district and district.parent == province
    assert district.cluster == cluster
    assert commune.path == f"{province.path}{district.pk}/{commune.pk}/"
    assert list(Unit.objects.subtree_of(district)) == [district, commune]
    assert district.search_name == "h-vanlam ubnd huyen van lam"


def test_headers_without_diacritics_odd_spacing_bom_and_semicolons(province, cluster):
    header = ["  MA DON VI", "ten  don vi ", "Loai don vi", "Ma don vi cap tren", "cum/khoi thi dua"]
    data = csv_bytes(
        header,
        [["S-TP", "Sở Tư pháp", "Sở, ban, ngành tỉnh", "UBND-TINH", "cum-1"]],
        delimiter=";",
        bom=True,
    )
    result = import_units(data, "don-vi.csv", dry_run=False)
    assert result.ok, result.report_lines()
    unit = Unit.objects.get(code="S-TP")
    assert unit.kind == Unit.Kind.PROVINCIAL_AGENCY and unit.cluster == cluster and unit.parent == province


def test_nfc_and_trimmed_names(province):
    decomposed = "  UBND  xã Nghĩa   Trụ ".replace("ĩ", "i\u0303")
    result = import_units(
        csv_bytes(UNIT_HEADER, [["X-NT", decomposed, "Xã", "UBND-TINH", ""]]), "u.csv", dry_run=False
    )
    assert result.ok, result.report_lines()
    assert Unit.objects.get(code="X-NT").name == "UBND xã Nghĩa Trụ"


def test_a_cycle_is_refused_whole_with_the_rows_named(province):
    data = xlsx(
        UNIT_HEADER,
        [
            ["S-YT", "Sở Y tế", "Sở", "UBND-TINH", ""],
            ["A", "Phòng A", "Phòng", "B", ""],
            ["B", "Phòng B", "Phòng", "A", ""],
        ],
    )
    result = import_units(data, "u.xlsx", dry_run=False)
    assert not result.ok
    assert {(e.row, e.column) for e in result.errors} == {
        (3, "Mã đơn vị cấp trên"),
        (4, "Mã đơn vị cấp trên"),
    }
    assert "vòng lặp" in result.errors[0].message
    assert not Unit.objects.filter(code__in=["S-YT", "A", "B"]).exists()


def test_moving_a_stored_unit_below_its_own_descendant_is_a_cycle(province):
    district = UnitFactory(code="H-AT", kind=Unit.Kind.DISTRICT, parent=province)
    UnitFactory(code="X-AT-1", kind=Unit.Kind.COMMUNE, parent=district)
    data = xlsx(UNIT_HEADER, [["H-AT", "UBND huyện Ân Thi", "Huyện", "X-AT-1", ""]])
    result = import_units(data, "u.xlsx", dry_run=False)
    assert [(e.row, e.column) for e in result.errors] == [(2, "Mã đơn vị cấp trên")]
    district.refresh_from_db()
    assert district.parent == province


def test_every_bad_row_is_reported_and_nothing_is_written(province):
    data = xlsx(
        UNIT_HEADER + ["Hiệu lực từ", "Hiệu lực đến"],
        [
            ["OK-1", "Đơn vị hợp lệ", "Sở", "UBND-TINH", "", "", ""],
            ["", "Thiếu mã", "Sở", "UBND-TINH", "", "", ""],
            ["OK-2", "Sai loại", "Hợp tác xã", "UBND-TINH", "", "", ""],
            ["OK-3", "Cha không có", "Phòng", "KHONG-CO", "", "", ""],
            ["OK-4", "Cụm lạ", "Xã", "UBND-TINH", "Cụm thi đua số 99", "", ""],
            ["OK-5", "Ngày sai", "Xã", "UBND-TINH", "", "31/02/2025", ""],
            ["OK-1", "Trùng mã", "Sở", "UBND-TINH", "", "", ""],
            ["OK-6", "Hết trước khi bắt đầu", "Xã", "UBND-TINH", "", "01/07/2025", "30/06/2025"],
        ],
    )
    result = import_units(data, "u.xlsx", dry_run=False)
    assert {(e.row, e.column) for e in result.errors} == {
        (3, "Mã đơn vị"),
        (4, "Loại đơn vị"),
        (5, "Mã đơn vị cấp trên"),
        (6, "Cụm/Khối thi đua"),
        (7, "Hiệu lực từ"),
        (8, "Mã đơn vị"),
        (9, "Hiệu lực đến"),
    }
    lines = result.report_lines()
    assert "Dòng 5, cột “Mã đơn vị cấp trên”: Không có đơn vị cấp trên mã “KHONG-CO”" in lines[2]
    assert any("“31/02/2025” không phải là ngày hợp lệ" in line for line in lines)
    assert any("trùng với dòng 2" in line for line in lines)
    assert not result.written
    assert Unit.objects.count() == 1


def test_reimport_updates_instead_of_duplicating(province):
    rows = [["H-VL", "UBND huyện Văn Lâm", "Huyện", "UBND-TINH", ""]]
    assert import_units(xlsx(UNIT_HEADER, rows), "u.xlsx", dry_run=False).created == 1
    again = import_units(xlsx(UNIT_HEADER, rows), "u.xlsx", dry_run=False)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    renamed = import_units(
        xlsx(UNIT_HEADER, [["H-VL", "UBND huyện Văn Lâm (cũ)", "Huyện", "UBND-TINH", ""]]),
        "u.xlsx",
        dry_run=False,
    )
    assert (renamed.created, renamed.updated) == (0, 1)
    assert Unit.objects.filter(code="H-VL").get().name == "UBND huyện Văn Lâm (cũ)"
    assert Unit.objects.count() == 2


def test_dry_run_writes_nothing_but_counts(province):
    result = import_units(
        xlsx(UNIT_HEADER, [["H-VG", "UBND huyện Văn Giang", "Huyện", "UBND-TINH", ""]]),
        "u.xlsx",
        dry_run=True,
    )
    assert result.ok and result.created == 1 and not result.written
    assert not Unit.objects.filter(code="H-VG").exists()


def test_validity_and_successors_record_the_2025_reorganisation(province):
    header = UNIT_HEADER + ["Hiệu lực từ", "Hiệu lực đến", "Mã đơn vị kế thừa"]
    data = xlsx(
        header,
        [
            ["H-VL", "UBND huyện Văn Lâm", "Huyện", "UBND-TINH", "", None, dt.datetime(2025, 6, 30), "X-NQ"],
            ["X-NQ", "UBND xã Như Quỳnh", "Xã", "UBND-TINH", "", 45839, None, ""],
        ],
    )
    result = import_units(data, "u.xlsx", dry_run=False)
    assert result.ok, result.report_lines()
    old, new = Unit.objects.get(code="H-VL"), Unit.objects.get(code="X-NQ")
    assert old.valid_to == dt.date(2025, 6, 30) and new.valid_from == dt.date(2025, 7, 1)
    assert list(old.successors.all()) == [new]
    assert Unit.objects.lineage_of(new) == [old]


def test_an_unreadable_file_is_refused_with_a_sentence():
    with pytest.raises(TableError, match="Thiếu cột"):
        import_units(csv_bytes(["Tên"], [["x"]]), "u.csv", dry_run=False)
    with pytest.raises(TableError, match="Chỉ nhận tệp Excel"):
        import_units(b"%PDF-1.4", "u.pdf", dry_run=False)


PAPER_HEADER = UNIT_HEADER + [
    "Tên đầy đủ trên văn bản",
    "Chữ viết tắt trên số văn bản",
    "Địa danh trên văn bản",
]


def test_the_papers_columns_give_the_issuer_of_the_units_papers(province):
    from datetime import date

    from documents.issuers import issuer_for

    row = ["S-TC", "Sở Tài chính", "Sở, ban, ngành tỉnh", "UBND-TINH", "", "Sở Tài chính", "STC", ""]
    result = import_units(xlsx(PAPER_HEADER, [row]), "don-vi.xlsx", dry_run=False)
    assert result.ok, result.report_lines()
    province.locality = "Hưng Yên"
    province.official_name = "Ủy ban nhân dân tỉnh Hưng Yên"
    province.save()
    issuer = issuer_for(Unit.objects.get(code="S-TC"), date(2026, 1, 5))
    assert (issuer.parent, issuer.name, issuer.abbreviation, issuer.locality) == (
        "UBND TỈNH HƯNG YÊN",
        "SỞ TÀI CHÍNH",
        "STC",
        "Hưng Yên",
    )


@pytest.mark.parametrize(
    "cells, sentence",
    [
        (["UBND xã Lạc Hồng", "UBND", "Lạc Hồng"], "không viết tắt"),
        (["Ủy ban nhân dân xã Lạc Hồng", "ub nd", "Lạc Hồng"], "Chữ viết tắt “ub nd” không hợp lệ"),
        (["Ủy ban nhân dân xã Lạc Hồng", "UBND", "L" * 101], "dài quá 100 ký tự"),
    ],
)
def test_bad_paper_cells_are_refused_with_what_to_write(province, cells, sentence):
    row = ["X-LAC-HONG", "UBND xã Lạc Hồng", "UBND cấp xã", "UBND-TINH", "", *cells]
    result = import_units(xlsx(PAPER_HEADER, [row]), "don-vi.xlsx", dry_run=False)
    assert not result.ok and not result.written
    assert any(sentence in line for line in result.report_lines()), result.report_lines()
    assert not Unit.objects.filter(code="X-LAC-HONG").exists()
