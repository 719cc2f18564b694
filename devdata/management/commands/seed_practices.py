from django.core.management.base import BaseCommand

from devdata.demo.practices import seed_practices


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu minh họa mô hình “Dân vận khéo”, cách làm hay và khó khăn, vướng mắc trên các đơn vị "
        "minh họa (chạy lại không nhân đôi). Chạy sau manage.py seed_demo."
    )

    def handle(self, *args, **options):
        result = seed_practices()
        if result.get("missing"):
            self.stdout.write(
                self.style.WARNING(
                    "Chưa có đơn vị hoặc tài khoản minh họa nên không tạo mô hình nào. "
                    "Hãy chạy manage.py seed_demo trước rồi chạy lại lệnh này."
                )
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Mô hình: {result['created']} tạo mới, {result['existing']} đã có. "
                f"Khó khăn, vướng mắc: {result['difficulties_created']} tạo mới, "
                f"{result['difficulties_existing']} đã có."
            )
        )
        for name in result["skipped"]:
            self.stdout.write(f"  Bỏ qua “{name}”: không có đơn vị minh họa tương ứng.")
