from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.backup import BackupError, create_backup


class Command(BaseCommand):
    help = _("Sao lưu cơ sở dữ liệu và tệp tải lên vào một thư mục mới (kèm manifest để kiểm tra).")

    def add_arguments(self, parser):
        parser.add_argument("--output", default="var/backups", help=_("Thư mục chứa các bản sao lưu."))

    def handle(self, *args, output, **options):
        try:
            folder = create_backup(Path(output))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(_("Đã sao lưu vào %(folder)s") % {"folder": folder}))
