from django.utils.translation import gettext as _

from campaigns.imports import import_people
from campaigns.management.commands._import import ImportCommand


class Command(ImportCommand):
    help = _(
        "Nhập danh sách cá nhân từ tệp XLSX/CSV (cột: Họ và tên, Ngày sinh, Giới tính, Chức vụ, "
        "Mã đơn vị, Đối tượng, Số định danh cá nhân). Có lỗi thì không ghi dòng nào."
    )
    importer = staticmethod(import_people)
