from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from criteria.plan_loader import PlanFileError, load_plan_file


class Command(BaseCommand):
    help = _("Nạp một kế hoạch thi đua từ tệp YAML (chạy lại không nhân đôi dữ liệu).")

    def add_arguments(self, parser):
        parser.add_argument("file", help=gettext_lazy("Đường dẫn tệp YAML, ví dụ plans/169-KH-UBND.yaml"))
        parser.add_argument(
            "--dry-run", action="store_true", help=gettext_lazy("Chỉ kiểm tra, không ghi gì.")
        )

    def handle(self, *args, file, dry_run, **options):
        try:
            summary = load_plan_file(file, dry_run=dry_run)
        except PlanFileError as exc:
            raise CommandError(str(exc)) from exc
        if dry_run:
            head = _("Kiểm tra xong (không ghi gì): kế hoạch %(number)s.")
        else:
            head = _("Đã nạp: kế hoạch %(number)s.")
        self.stdout.write(self.style.SUCCESS(head % {"number": summary.campaign.number}))
        for line in summary.lines():
            self.stdout.write(f"  {line}")
