"""manage.py generate_scale_data --seed N [--size small|full]: province-scale data for `make bench`."""

import time

from django.core.management.base import BaseCommand, CommandError

from devdata.scale.data import SIZES, ScaleDataError, generate


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu thử tải quy mô tỉnh (khoảng 300 đơn vị, 30.000 cá nhân, 5.000 hồ sơ, 200 khen thưởng); "
        "cùng seed cho cùng dữ liệu; chạy lại thì bỏ qua. Chỉ dùng trên cơ sở dữ liệu thử."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, required=True, help="Số seed (cùng seed, cùng dữ liệu)")
        parser.add_argument(
            "--size", choices=sorted(SIZES), default="full", help="full (mặc định) hoặc small"
        )

    def handle(self, *args, seed, size, **options):
        if seed < 0:
            raise CommandError("Seed phải là số không âm, ví dụ --seed 1.")
        started = time.monotonic()
        try:
            summary = generate(seed=seed, size=size, log=lambda line: self.stdout.write(f"  {line}"))
        except ScaleDataError as exc:
            raise CommandError(str(exc)) from exc
        counts = ", ".join(f"{name}: {count:,}".replace(",", ".") for name, count in summary.counts.items())
        verb = "Đã tạo" if summary.created else "Đã có sẵn"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} dữ liệu seed {seed} (cỡ {size}) trong {time.monotonic() - started:.1f} s: {counts}"
            )
        )
