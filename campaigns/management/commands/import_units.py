from django.utils.translation import gettext as _

from campaigns.imports import import_units
from campaigns.management.commands._import import ImportCommand


class Command(ImportCommand):
    help = _(
        "Nhập danh sách đơn vị từ tệp XLSX/CSV (cột: Mã đơn vị, Tên đơn vị, Loại đơn vị, "
        "Mã đơn vị cấp trên, Cụm/Khối thi đua). Có lỗi thì không ghi dòng nào."
    )
    importer = staticmethod(import_units)
