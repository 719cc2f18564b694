"""XLSX exports of the directory lists (any filtered list, every row, not only the page shown).

Identification numbers are written masked unless the reader is Sở Nội vụ staff.
"""

import io

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from campaigns.models import Person, Unit

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _workbook(title: str, header: list[str], rows, widths: list[int]) -> bytes:
    # write_only keeps memory flat for 30,000 rows.
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    cells = []
    for label in header:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def units_workbook(units: QuerySet[Unit]) -> bytes:
    header = [
        "Mã đơn vị",
        "Tên đơn vị",
        "Loại đơn vị",
        "Mã đơn vị cấp trên",
        "Cụm/Khối thi đua",
        "Hiệu lực từ",
        "Hiệu lực đến",
        "Số cá nhân",
    ]
    rows = (
        [
            u.code,
            u.name,
            u.get_kind_display(),
            u.parent.code if u.parent_id else "",
            u.cluster.name if u.cluster_id else "",
            u.valid_from.strftime("%d/%m/%Y") if u.valid_from else "",
            u.valid_to.strftime("%d/%m/%Y") if u.valid_to else "",
            getattr(u, "people_count", None),
        ]
        for u in units.iterator(chunk_size=2000)
    )
    return _workbook("Đơn vị", header, rows, [16, 48, 22, 18, 30, 13, 13, 11])


def people_workbook(people: QuerySet[Person], *, full_ids: bool) -> bytes:
    header = [
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Chức vụ",
        "Mã đơn vị",
        "Tên đơn vị",
        "Đối tượng",
        "Lãnh đạo, quản lý",
        "Trực tiếp lao động, công tác",
        "Số định danh cá nhân",
    ]
    rows = (
        [
            p.full_name,
            p.date_of_birth.strftime("%d/%m/%Y") if p.date_of_birth else "",
            p.get_gender_display(),
            p.position,
            p.unit.code,
            p.unit.name,
            p.get_category_display(),
            "x" if p.is_leadership else "",
            "x" if p.is_direct_worker else "",
            (p.personal_id or "") if full_ids else p.masked_personal_id,
        ]
        for p in people.iterator(chunk_size=2000)
    )
    return _workbook("Cá nhân", header, rows, [30, 12, 9, 28, 14, 40, 12, 10, 12, 20])


TEMPLATE_EXAMPLES = {
    "units": (
        [
            "H-VANLAM",
            "UBND huyện Văn Lâm",
            "UBND cấp huyện",
            "UBND-TINH",
            "Cụm thi đua số 1",
            "",
            "30/06/2025",
            "",
        ],
        [
            "Mã đơn vị: chữ không dấu, số, “-”, “_”, “.”; tối đa 32 ký tự; không trùng.",
            "Loại đơn vị: UBND tỉnh; Sở, ban, ngành tỉnh; UBND cấp huyện; UBND cấp xã; "
            "Phòng, ban chuyên môn.",
            "Mã đơn vị cấp trên: mã của một đơn vị trong tệp (có thể ở dòng sau) hoặc đã có trong hệ thống.",
            "Cụm/Khối thi đua: tên hoặc mã cụm, khối đã có; để trống nếu không thuộc cụm, khối nào.",
            "Hiệu lực từ/đến, Mã đơn vị kế thừa (nhiều mã cách nhau bởi dấu chấm phẩy): không bắt buộc.",
            "Có một dòng lỗi thì cả tệp không được ghi; sửa các dòng được nêu rồi tải lên lại.",
        ],
    ),
    "people": (
        ["Nguyễn Văn A", "15/03/1985", "Nam", "Chuyên viên", "SNV", "Công chức", "033085001234", "", "x"],
        [
            "Ngày sinh: dd/mm/yyyy hoặc ô ngày của Excel.",
            "Giới tính: Nam hoặc Nữ. Đối tượng: Cán bộ, Công chức hoặc Viên chức.",
            "Mã đơn vị: mã của đơn vị đã có trong hệ thống.",
            "Số định danh cá nhân: 12 chữ số, không bắt buộc; nên định dạng ô là Văn bản để giữ số 0 đầu.",
            "Lãnh đạo, quản lý / Trực tiếp lao động, công tác: ghi “x” nếu đúng, để trống nếu không.",
            "Nhập lại cùng tệp sẽ cập nhật (theo số định danh, hoặc họ tên + ngày sinh + đơn vị), "
            "không tạo trùng.",
        ],
    ),
}


def import_template(kind: str, columns: dict[str, str]) -> bytes:
    """The template XLSX of an import page: the headers, one example row, and a notes sheet."""
    example, notes = TEMPLATE_EXAMPLES[kind]
    book = Workbook()
    sheet = book.active
    sheet.title = "Dữ liệu"
    sheet.append(list(columns.values()))
    sheet.append(example[: len(columns)])
    for index, cell in enumerate(sheet[1]):
        cell.font = Font(bold=True)
        sheet.column_dimensions[chr(ord("A") + index)].width = max(14, len(str(cell.value)) + 4)
        # Text cells keep the leading zeros of codes and identification numbers.
        sheet.cell(row=2, column=index + 1).number_format = "@"
    guide = book.create_sheet("Hướng dẫn")
    for line in notes:
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
