"""Benchmark: the end-of-campaign PDF over synthetic data (300 units, 5,000 dossiers, 30 awards).

    manage.py bench_report [--units 300 --dossiers 5000 --awards 30] [--output var/bench-final.pdf]

The data is created inside a transaction that is rolled back at the end: nothing stays in the database.
It prints the time to build the report (gathering + HTML + PDF), the peak memory of the process while
building (VmHWM, reset just before), and the ratio to WeasyPrint rendering the same final HTML alone.
"""

import contextlib
import time
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction
from django.template.loader import render_to_string

from campaigns.pdf import render_pdf
from devdata.sample_report import build_sample
from documents import pdf as paper_pdf
from reports import jobs as building
from reports.models import ReportJob


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")  # Linux: reset VmHWM to the current RSS


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Đo thời gian và bộ nhớ tạo báo cáo tổng kết trên dữ liệu giả lập (không lưu lại dữ liệu)."

    def add_arguments(self, parser):
        parser.add_argument("--units", type=int, default=300)
        parser.add_argument("--dossiers", type=int, default=5000)
        parser.add_argument("--awards", type=int, default=30)
        parser.add_argument("--output", default="var/bench-final.pdf")

    def handle(self, *args, units, dossiers, awards, output, **options):
        results = {}
        try:
            with transaction.atomic():
                started = time.perf_counter()
                sample = build_sample(units=units, dossiers=dossiers, awards=awards, number="BENCH/KH-UBND")
                results["data"] = time.perf_counter() - started
                render_pdf(
                    render_to_string("devdata/font_warmup.html")
                )  # load fonts once, as a running worker has
                job = ReportJob(kind="final", format="pdf", campaign=sample.campaign, parameters={})
                _reset_peak()
                base_mb = _peak_rss_mb()
                started = time.perf_counter()
                cpu_started = time.process_time()
                report = building.gather(job, lambda percent, step: None)
                results["gather"] = time.perf_counter() - started
                htmls = [h for doc in report.documents for h in paper_pdf.html_parts(doc)]
                results["html"] = time.perf_counter() - started - results["gather"]
                pdf = paper_pdf.write(htmls)
                results["total"] = time.perf_counter() - started
                results["cpu"] = time.process_time() - cpu_started
                results["peak_mb"] = _peak_rss_mb()
                results["base_mb"] = base_mb
                started = time.perf_counter()
                cpu_started = time.process_time()
                paper_pdf.write(htmls)
                results["weasyprint"] = time.perf_counter() - started
                results["weasyprint_cpu"] = time.process_time() - cpu_started
                Path(output).parent.mkdir(parents=True, exist_ok=True)
                Path(output).write_bytes(pdf)
                Path(output).with_suffix(".html").write_text("\n".join(htmls), encoding="utf-8")
                results["bytes"] = len(pdf)
                results["nominations"] = sample.nominations
                raise Rollback
        except Rollback:
            pass
        ratio = results["total"] / results["weasyprint"]
        cpu_ratio = results["cpu"] / results["weasyprint_cpu"]
        self.stdout.write(
            f"Dữ liệu: {units} đơn vị, {results['nominations']} hồ sơ, {awards} khen thưởng "
            f"(tạo trong {results['data']:.1f} s, đã hoàn tác)\n"
            f"Tạo báo cáo tổng kết PDF: {results['total']:.2f} s "
            f"(thu thập số liệu {results['gather']:.2f} s, HTML {results['html']:.2f} s, "
            f"PDF {results['total'] - results['gather'] - results['html']:.2f} s), "
            f"{results['bytes']:,} byte → {output}\n"
            f"Bộ nhớ đỉnh của tiến trình khi tạo: {results['peak_mb']:.0f} MB "
            f"(trước khi tạo: {results['base_mb']:.0f} MB)\n"
            f"Thời gian CPU: {results['cpu']:.2f} s (WeasyPrint riêng: {results['weasyprint_cpu']:.2f} s, "
            f"tỉ lệ {cpu_ratio:.2f}×)\n"
            f"WeasyPrint riêng trên cùng HTML: {results['weasyprint']:.2f} s; tỉ lệ {ratio:.2f}×"
        )
