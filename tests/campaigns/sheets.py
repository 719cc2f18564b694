"""Spreadsheets as people really send them, built in memory for the import tests."""

import io

from openpyxl import Workbook


def xlsx(header: list, rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(header: list, rows: list[list], *, delimiter: str = ",", bom: bool = False) -> bytes:
    def quote(value) -> str:
        text = "" if value is None else str(value)
        if delimiter in text or '"' in text:
            text = '"' + text.replace('"', '""') + '"'
        return text

    lines = [delimiter.join(quote(v) for v in line) for line in [header, *rows]]
    data = "\r\n".join(lines).encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data


UNIT_HEADER = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên", "Cụm/Khối thi đua"]
PEOPLE_HEADER = [
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Chức vụ",
    "Mã đơn vị",
    "Đối tượng",
    "Số định danh cá nhân",
]
