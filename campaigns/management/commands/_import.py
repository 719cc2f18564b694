"""What import_units and import_people share: read the file, run the import, report, exit code."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.tabular import TableError


class ImportCommand(BaseCommand):
    importer = None  # set by subclasses: importer(data, filename, *, dry_run) -> ImportResult

    def add_arguments(self, parser):
        parser.add_argument("file", help=gettext_lazy("Tệp .xlsx hoặc .csv (UTF-8)"))
        parser.add_argument(
            "--dry-run", action="store_true", help=gettext_lazy("Chỉ kiểm tra, không ghi gì.")
        )

    def handle(self, *args, file, dry_run, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("Không tìm thấy tệp “%(file)s”. Hãy kiểm tra đường dẫn.") % {"file": file})
        try:
            result = type(self).importer(path.read_bytes(), path.name, dry_run=dry_run)
        except TableError as exc:
            raise CommandError(str(exc)) from exc
        for line in result.report_lines():
            self.stderr.write(line)
        if not result.ok:
            raise CommandError(result.summary())
        prefix = _("Kiểm tra xong (chưa ghi gì).") + " " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(prefix + result.summary()))
