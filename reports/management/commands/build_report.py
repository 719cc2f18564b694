"""Build a report synchronously with the same code the Celery task runs (for cron and operators).

manage.py build_report annual --campaign 169/KH-UBND --year 2025 --output report.pdf
manage.py build_report final --campaign 169/KH-UBND --output tong-ket.pdf
manage.py build_report proposal --campaign 169/KH-UBND --round nam-2025 --output to-trinh.pdf
manage.py build_report unit --campaign 169/KH-UBND --unit H-VANLAM --year 2025 --format xlsx --output dv.xlsx
manage.py build_report tt02-0603 --year 2025 --format xlsx --output bieu-0603.xlsx
"""

import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from campaigns.models import AwardRound, Campaign, Unit
from reports import jobs as building
from reports import narrative, selectors, storage
from reports.models import ReportJob

# The statistical forms of Thông tư 02/2023/TT-BNV: the command's names for the job kinds.
FORMS = {"tt02-0601": ReportJob.Kind.MOVEMENTS_FORM, "tt02-0603": ReportJob.Kind.AWARDS_FORM}


class Command(BaseCommand):
    help = _("Tạo báo cáo (PDF, Word hoặc Excel) ngay trong tiến trình này, dùng cùng mã với tác vụ nền.")

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["annual", "final", "proposal", "unit", *FORMS])
        parser.add_argument(
            "--campaign",
            help=_("Số hiệu kế hoạch, ví dụ 169/KH-UBND (mặc định: kế hoạch ban hành gần nhất)"),
        )
        parser.add_argument("--year", type=int)
        parser.add_argument("--round", help=_("Mã đợt khen thưởng, ví dụ nam-2025"))
        parser.add_argument("--unit", help=_("Mã đơn vị (báo cáo của đơn vị)"))
        parser.add_argument("--format", choices=["pdf", "docx", "xlsx"])
        parser.add_argument("--output", required=True, help=_("Đường dẫn tệp kết quả"))

    def handle(self, *args, kind, campaign, year, round, unit, format, output, **options):
        target = Path(output)
        fmt = format or {".xlsx": "xlsx", ".docx": "docx"}.get(target.suffix.lower(), "pdf")
        if kind in FORMS:
            if not year:
                raise CommandError(_("Biểu thống kê cần --year, ví dụ --year 2025."))
            if fmt == "docx":
                raise CommandError(_("Biểu thống kê có tệp PDF hoặc Excel: hãy chọn --format pdf hoặc xlsx."))
            kind = FORMS[kind]
        if campaign:
            found = Campaign.objects.filter(number=campaign).first()
            if found is None:
                raise CommandError(
                    _("Không có kế hoạch số %(campaign)s. Hãy kiểm tra số hiệu (ví dụ 169/KH-UBND).")
                    % {"campaign": campaign}
                )
        else:
            found = Campaign.objects.order_by("-issued_on").first()
            if found is None:
                raise CommandError(
                    _("Chưa có kế hoạch nào: hãy nạp kế hoạch (manage.py load_plan TỆP.yaml).")
                )
        job = ReportJob(kind=kind, format=fmt, campaign=found, year=year, parameters={})
        if kind == "annual" and not year:
            raise CommandError(_("Báo cáo năm cần --year, ví dụ --year 2025."))
        if year and not found.starts_on.year <= year <= found.ends_on.year:
            raise CommandError(
                _("Năm %(year)s nằm ngoài thời gian của kế hoạch (%(starts_on)s – %(ends_on)s).")
                % {
                    "year": year,
                    "starts_on": f"{found.starts_on:%d/%m/%Y}",
                    "ends_on": f"{found.ends_on:%d/%m/%Y}",
                }
            )
        if kind == "final":
            job.year = None
        if kind == "proposal":
            job.round = AwardRound.objects.filter(campaign=found, code=round or "").first()
            if job.round is None:
                codes = ", ".join(found.rounds.values_list("code", flat=True))
                raise CommandError(
                    _("Hãy chọn --round là một đợt của kế hoạch: %(codes)s.") % {"codes": codes}
                )
        if kind == "unit":
            job.unit = Unit.objects.filter(code=unit or "").select_related("parent").first()
            if job.unit is None:
                raise CommandError(_("Báo cáo của đơn vị cần --unit là mã một đơn vị có trong danh mục."))
        if kind in narrative.KINDS:
            # The parts Sở Nội vụ has written, as they stand now (what request_report records too).
            job.parameters["narrative"] = selectors.narrative_snapshot(found, kind, job.year)
        verbose = options["verbosity"] > 1

        def progress(percent: int, step: str) -> None:
            if verbose:
                sys.stderr.write(f"{percent:3d}% {step}\n")

        report = None
        try:
            if kind in FORMS.values():
                data = building.build_statistics(job, progress)
            else:
                report = building.gather(job, progress)
                data = building.render(report, fmt)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        storage.write_output(target, data)
        missing = report.missing_sources() if report is not None else []
        if missing and verbose:
            sys.stderr.write(_("Chưa có dữ liệu nguồn: ") + "; ".join(missing) + "\n")
        if report is not None and report.unwritten:
            self.stdout.write(
                _("Bản dự thảo: chưa viết %(parts)s (trang Báo cáo → Dự thảo báo cáo).")
                % {"parts": "; ".join(report.unwritten)}
            )
        self.stdout.write(
            _("Đã ghi %(target)s (%(size)s byte).")
            % {"target": target, "size": f"{len(data):,}".replace(",", ".")}
        )
