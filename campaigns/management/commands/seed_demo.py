from django.core.management.base import BaseCommand

from campaigns.demo import DEMO_PASSWORD, ensure_demo_accounts


class Command(BaseCommand):
    help = "Tạo dữ liệu minh họa: các đơn vị và một tài khoản cho mỗi vai trò (chạy lại không nhân đôi)."

    def handle(self, *args, **options):
        rows = ensure_demo_accounts()
        self.stdout.write(self.style.SUCCESS(f"Tài khoản minh họa (mật khẩu chung: {DEMO_PASSWORD}):"))
        for username, role, unit in rows:
            self.stdout.write(f"  {username:<12} {role} – {unit}")
