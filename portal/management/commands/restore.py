from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Khôi phục một bản sao lưu vào cơ sở dữ liệu trống và thư mục tệp trống, rồi đối chiếu."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Thư mục bản sao lưu (chứa manifest.json).")

    def handle(self, *args, folder, **options):
        try:
            report = restore_backup(Path(folder))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if report.mismatches:
            raise CommandError("Khôi phục xong nhưng không khớp:\n" + "\n".join(report.mismatches))
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã khôi phục và đối chiếu {report.tables_checked} bảng, "
                f"{report.files_checked} tệp: khớp hoàn toàn."
            )
        )
