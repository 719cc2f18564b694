from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.tabular import TableError
from criteria.rankings import import_rankings


class Command(BaseCommand):
    help = _(
        "Nhập kết quả đánh giá, xếp hạng dân vận chính quyền của một năm từ tệp XLSX/CSV "
        "(cột: Mã đơn vị, Điểm, Xếp loại, Thứ hạng, Nhóm). Tất cả hoặc không gì cả."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--year", type=int, required=True, help=gettext_lazy("Năm đánh giá, ví dụ 2025"))
        parser.add_argument(
            "--dry-run", action="store_true", help=gettext_lazy("Chỉ kiểm tra, không ghi gì.")
        )

    def handle(self, *args, file, year, dry_run, **options):
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(
                _("Không đọc được tệp “%(file)s”. Hãy kiểm tra đường dẫn.") % {"file": file}
            ) from exc
        try:
            result = import_rankings(data, path.name, year=year, dry_run=dry_run)
        except TableError as exc:
            raise CommandError(str(exc)) from exc
        if result.errors:
            for line in result.report_lines():
                self.stderr.write(line)
            raise CommandError(
                _("Tệp có %(n)s lỗi nên không nhập dòng nào. Hãy sửa các dòng trên rồi nhập lại.")
                % {"n": len(result.errors)}
            )
        if dry_run:
            message = _("Tệp hợp lệ: %(n)s đơn vị (chưa ghi gì).") % {"n": len(result.rows)}
        else:
            message = _(
                "Đã nhập kết quả năm %(year)s: %(created)s đơn vị mới, %(updated)s đơn vị cập nhật, "
                "%(unchanged)s đơn vị không đổi."
            ) % {
                "year": year,
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
            }
        self.stdout.write(self.style.SUCCESS(message))
