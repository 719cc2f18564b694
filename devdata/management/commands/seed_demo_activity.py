from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from devdata.demo.activity import seed_demo_activity


class Command(BaseCommand):
    help = (
        "Tạo hoạt động minh họa của phong trào theo Kế hoạch 169/KH-UBND: tài khoản của thêm 6 đơn vị, "
        "kết quả dân vận chính quyền, nhiệm vụ của đơn vị, đợt khen thưởng năm 2025 đã có quyết định, "
        "hồ sơ đợt năm 2026 ở mọi bước và một quyết định Giấy khen (chạy lại không nhân đôi). "
        "Chạy sau manage.py seed_plan169 và manage.py seed_demo."
    )

    def handle(self, *args, **options):
        try:
            result = seed_demo_activity()
        except ValidationError as error:
            raise CommandError("Không tạo được dữ liệu minh họa: " + "; ".join(error.messages)) from error
        if result.get("missing"):
            raise CommandError(
                "Chưa có " + " và ".join(result["missing"]) + ". Hãy chạy các lệnh đó trước rồi chạy lại."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Hoạt động minh họa: {result['accounts']} tài khoản, {result['rankings']} kết quả xếp hạng, "
                f"{result['duties']} nhiệm vụ của đơn vị, {result['dossiers']} hồ sơ, "
                f"{result['decisions']} quyết định với {result['awards']} người, tập thể được khen "
                f"(mô hình tạo mới: {result['practices']}), {result['narrative']} bản viết của dự thảo báo "
                f"cáo năm 2025. Chạy lại chỉ thêm phần còn thiếu."
            )
        )
        for note in result["notes"]:
            self.stdout.write(self.style.WARNING("  " + note))
