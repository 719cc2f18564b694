from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = _("Khôi phục một bản sao lưu vào cơ sở dữ liệu trống và thư mục tệp trống, rồi đối chiếu.")

    def add_arguments(self, parser):
        parser.add_argument("folder", help=_("Thư mục bản sao lưu (chứa manifest.json)."))

    def handle(self, *args, folder, **options):
        try:
            report = restore_backup(Path(folder))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if report.mismatches:
            raise CommandError(_("Khôi phục xong nhưng không khớp:") + "\n" + "\n".join(report.mismatches))
        self.stdout.write(
            self.style.SUCCESS(
                _("Đã khôi phục và đối chiếu %(tables)s bảng, %(files)s tệp: khớp hoàn toàn.")
                % {"tables": report.tables_checked, "files": report.files_checked}
            )
        )
