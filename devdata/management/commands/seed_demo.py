from django.core.management.base import BaseCommand

from devdata.demo.directory import DEMO_PASSWORD, ensure_demo_accounts, seed_directory
from devdata.demo.signers import seed_signers


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu minh họa: cây đơn vị Hưng Yên trước và sau 01/7/2025, cụm và khối thi đua, "
        "vài trăm cá nhân minh họa và một tài khoản cho mỗi vai trò (chạy lại không nhân đôi)."
    )

    def handle(self, *args, **options):
        counts = seed_directory()
        self.stdout.write(
            f"Đơn vị: {counts['units']}, cụm/khối thi đua: {counts['clusters']}, "
            f"cá nhân minh họa: {counts['people']}."
        )
        signers = seed_signers()
        self.stdout.write(f"Đơn vị ban hành văn bản: {signers['issuers']}, người ký: {signers['officials']}.")
        rows = ensure_demo_accounts()
        self.stdout.write(self.style.SUCCESS(f"Tài khoản minh họa (mật khẩu chung: {DEMO_PASSWORD}):"))
        for username, role, unit in rows:
            self.stdout.write(f"  {username:<12} {role} – {unit}")
