from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PLAN_FILE = Path(settings.BASE_DIR) / "plans" / "169-KH-UBND.yaml"


class Command(BaseCommand):
    help = _("Nạp Kế hoạch 169/KH-UBND (plans/169-KH-UBND.yaml); chạy lại không nhân đôi dữ liệu.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help=gettext_lazy("Chỉ kiểm tra, không ghi gì.")
        )

    def handle(self, *args, dry_run, **options):
        call_command("load_plan", str(PLAN_FILE), dry_run=dry_run, stdout=self.stdout, stderr=self.stderr)
