from django.core.management.base import BaseCommand, CommandError

from criteria.plan_loader import PlanFileError, load_plan_file


class Command(BaseCommand):
    help = "Nạp một kế hoạch thi đua từ tệp YAML (chạy lại không nhân đôi dữ liệu)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Đường dẫn tệp YAML, ví dụ plans/169-KH-UBND.yaml")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi gì.")

    def handle(self, *args, file, dry_run, **options):
        try:
            summary = load_plan_file(file, dry_run=dry_run)
        except PlanFileError as exc:
            raise CommandError(str(exc)) from exc
        head = "Kiểm tra xong (không ghi gì)" if dry_run else "Đã nạp"
        self.stdout.write(self.style.SUCCESS(f"{head}: kế hoạch {summary.campaign.number}."))
        for line in summary.lines():
            self.stdout.write(f"  {line}")
