"""manage.py build_report: the same builders, synchronously, for cron and operators."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from reports.models import ReportJob

from .conftest import pdf_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["annual", "--year", "2025"], "Kết quả thực hiện phong trào thi đua năm 2025"),
        (["final"], "Tổng kết phong trào thi đua"),
        (["proposal", "--round", "nam-2025"], "TỜ TRÌNH"),
    ],
)
def test_build_report_writes_the_pdf(sample, tmp_path, args, expected):
    output = tmp_path / "report.pdf"
    out = io.StringIO()
    call_command("build_report", *args, "--campaign", "169/KH-UBND", "--output", str(output), stdout=out)
    assert expected in pdf_text(output.read_bytes())
    assert "Đã ghi" in out.getvalue()
    assert not ReportJob.objects.exists()  # no job row: the command is for operators and cron
    assert not list(tmp_path.glob(".*.part"))


def test_build_report_writes_xlsx(sample, tmp_path):
    output = tmp_path / "report.xlsx"
    call_command(
        "build_report",
        "annual",
        "--campaign",
        "169/KH-UBND",
        "--year",
        "2025",
        "--format",
        "xlsx",
        "--output",
        str(output),
        stdout=io.StringIO(),
    )
    workbook = load_workbook(output)
    assert any("Hồ sơ theo trạng thái" in name for name in workbook.sheetnames)


def test_build_report_says_what_to_fix(sample, tmp_path):
    with pytest.raises(CommandError, match="Không có kế hoạch số 1/KH"):
        call_command("build_report", "final", "--campaign", "1/KH", "--output", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="nam-2025"):
        call_command(
            "build_report",
            "proposal",
            "--campaign",
            "169/KH-UBND",
            "--round",
            "x",
            "--output",
            str(tmp_path / "x.pdf"),
        )
    with pytest.raises(CommandError, match="--year"):
        call_command(
            "build_report", "annual", "--campaign", "169/KH-UBND", "--output", str(tmp_path / "x.pdf")
        )
    assert not list(tmp_path.iterdir())
