from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from criteria.rankings import apply_rankings, parse_rankings


class Command(BaseCommand):
    help = (
        "Nhập kết quả đánh giá, xếp hạng dân vận chính quyền của một năm từ tệp XLSX/CSV "
        "(cột: Mã đơn vị, Điểm, Xếp loại, Thứ hạng, Nhóm). Tất cả hoặc không gì cả."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--year", type=int, required=True, help="Năm đánh giá, ví dụ 2025")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi gì.")

    def handle(self, *args, file, year, dry_run, **options):
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp “{file}”. Hãy kiểm tra đường dẫn.") from exc
        parsed = parse_rankings(data, path.name, year)
        if parsed.file_error:
            raise CommandError(parsed.file_error)
        if parsed.errors:
            for error in parsed.errors:
                self.stderr.write(f"Dòng {error.row}, cột “{error.column}”: {error.message}")
            raise CommandError(
                f"Tệp có {len(parsed.errors)} lỗi nên không nhập dòng nào. "
                "Hãy sửa các dòng trên rồi nhập lại."
            )
        if dry_run:
            self.stdout.write(self.style.SUCCESS(f"Tệp hợp lệ: {len(parsed.rows)} đơn vị (chưa ghi gì)."))
            return
        result = apply_rankings(actor=None, parsed=parsed)
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nhập kết quả năm {year}: {result.created} đơn vị mới, {result.updated} đơn vị cập nhật."
            )
        )
