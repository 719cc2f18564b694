"""XLSX exports of the directory lists (any filtered list, every row, not only the page shown).

Identification numbers are written masked unless the reader is Sở Nội vụ staff.
"""

import io

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from campaigns.models import Person, Unit

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _workbook(title: str, header: list[str], rows, widths: list[int]) -> bytes:
    # write_only keeps memory flat for 30,000 rows.
    book = Workbook(write_only=True)
    sheet = book.create_sheet(str(title))
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    cells = []
    for label in header:
        cell = WriteOnlyCell(sheet, value=str(label))
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
        _("Mã đơn vị"),
        _("Tên đơn vị"),
        _("Loại đơn vị"),
        _("Mã đơn vị cấp trên"),
        _("Cụm/Khối thi đua"),
        _("Hiệu lực từ"),
        _("Hiệu lực đến"),
        _("Số cá nhân"),
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
    return _workbook(_("Đơn vị"), header, rows, [16, 48, 22, 18, 30, 13, 13, 11])


def people_workbook(people: QuerySet[Person], *, full_ids: bool) -> bytes:
    header = [
        _("Họ và tên"),
        _("Ngày sinh"),
        _("Giới tính"),
        _("Chức vụ"),
        _("Mã đơn vị"),
        _("Tên đơn vị"),
        _("Đối tượng"),
        _("Lãnh đạo, quản lý"),
        _("Trực tiếp lao động, công tác"),
        _("Số định danh cá nhân"),
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
    return _workbook(_("Cá nhân"), header, rows, [30, 12, 9, 28, 14, 40, 12, 10, 12, 20])


# Per kind: an example row (data as a person would type it, read by the importer) and the notes sheet.
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
            "Ủy ban nhân dân huyện Văn Lâm",
            "UBND",
            "Văn Lâm",
        ],
        [
            _("Mã đơn vị: chữ không dấu, số, “-”, “_”, “.”; tối đa 32 ký tự; không trùng."),
            _(
                "Loại đơn vị: UBND tỉnh; Sở, ban, ngành tỉnh; "
                "UBND cấp huyện; UBND cấp xã; Phòng, ban chuyên môn."
            ),
            _(
                "Mã đơn vị cấp trên: "
                "mã của một đơn vị trong tệp (có thể ở dòng sau) hoặc đã có trong hệ thống."
            ),
            _("Cụm/Khối thi đua: tên hoặc mã cụm, khối đã có; để trống nếu không thuộc cụm, khối nào."),
            _("Hiệu lực từ/đến, Mã đơn vị kế thừa (nhiều mã cách nhau bởi dấu chấm phẩy): không bắt buộc."),
            _(
                "Tên đầy đủ, chữ viết tắt trên số văn bản (SNV, UBND…) và địa danh: như văn bản của đơn vị "
                "ghi; không bắt buộc, nhưng cần để cổng lập tờ trình, quyết định, báo cáo của đơn vị."
            ),
            _("Có một dòng lỗi thì cả tệp không được ghi; sửa các dòng được nêu rồi tải lên lại."),
        ],
    ),
    "people": (
        ["Nguyễn Văn A", "15/03/1985", "Nam", "Chuyên viên", "SNV", "Công chức", "033085001234", "", "x"],
        [
            _("Ngày sinh: dd/mm/yyyy hoặc ô ngày của Excel."),
            _("Giới tính: Nam hoặc Nữ. Đối tượng: Cán bộ, Công chức hoặc Viên chức."),
            _("Mã đơn vị: mã của đơn vị đã có trong hệ thống."),
            _("Số định danh cá nhân: 12 chữ số, không bắt buộc; nên định dạng ô là Văn bản để giữ số 0 đầu."),
            _("Lãnh đạo, quản lý / Trực tiếp lao động, công tác: ghi “x” nếu đúng, để trống nếu không."),
            _(
                "Nhập lại cùng tệp sẽ cập nhật (theo số định danh, "
                "hoặc họ tên + ngày sinh + đơn vị), không tạo trùng."
            ),
        ],
    ),
}


def import_template(kind: str, columns: dict[str, str]) -> bytes:
    """The template XLSX of an import page: the headers, one example row, and a notes sheet."""
    example, notes = TEMPLATE_EXAMPLES[kind]
    book = Workbook()
    sheet = book.active
    sheet.title = str(_("Dữ liệu"))
    sheet.append(list(columns.values()))
    sheet.append(example[: len(columns)])
    for index, cell in enumerate(sheet[1]):
        cell.font = Font(bold=True)
        sheet.column_dimensions[chr(ord("A") + index)].width = max(14, len(str(cell.value)) + 4)
        # Text cells keep the leading zeros of codes and identification numbers.
        sheet.cell(row=2, column=index + 1).number_format = "@"
    guide = book.create_sheet(str(_("Hướng dẫn")))
    for line in notes:
        guide.append([str(line)])
    guide.column_dimensions["A"].width = 110
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
