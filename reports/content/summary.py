"""The annual, end-of-campaign and unit summary reports: sections in order, gathered with progress."""

from collections.abc import Callable

from django.utils import timezone

from reports.content import awards, nominations, participation, practices, rankings
from reports.content.base import Scope
from reports.content.report import NBSP, Part, Report, department_signature, place_date, province_body

# (label shown on the progress bar, builder) in the order of the report.
SECTIONS = [
    ("Tình hình tham gia của các đơn vị", participation.build),
    ("Hồ sơ đề nghị khen thưởng", nominations.build),
    ("Kết quả thẩm định", nominations.build_appraisal),
    ("Khen thưởng của Chủ tịch UBND tỉnh", awards.build),
    ("Giấy khen của các đơn vị", awards.build_unit_awards),
    ("Kết quả dân vận chính quyền", rankings.build),
    ("Mô hình, cách làm hay", practices.build),
    ("Khó khăn, vướng mắc", practices.build_difficulties),
]

Progress = Callable[[int, str], None]


def _campaign_ref(scope: Scope) -> str:
    c = scope.campaign
    return f"Kế hoạch số {c.number} ngày {c.issued_on:%d/%m/%Y} của {c.issuer}"


def build(kind: str, scope: Scope, progress: Progress, *, start: int = 0, end: int = 70) -> Report:
    """Gather every section, reporting progress from start to end (percent)."""
    c = scope.campaign
    today = timezone.localdate()
    sections = []
    for i, (label, builder) in enumerate(SECTIONS):
        progress(start + (end - start) * i // len(SECTIONS), label)
        scope.pause()
        sections.append(builder(scope))
    progress(end, "Hoàn thiện văn bản")
    if kind == "final":
        title = "Báo cáo tổng kết phong trào thi đua"
        title_lines = [
            "Tổng kết phong trào thi đua",
            f"“{c.title}”",
            f"(từ ngày {c.starts_on:%d/%m/%Y} đến ngày {c.ends_on:%d/%m/%Y})",
        ]
        subject = (
            f"tổng kết phong trào thi đua “{c.title}” giai đoạn {c.starts_on:%d/%m/%Y} – {c.ends_on:%d/%m/%Y}"
        )
    else:
        year = scope.year
        who = f" của {scope.unit.name}" if scope.unit is not None else ""
        title = (
            f"Báo cáo kết quả thực hiện phong trào thi đua năm {year}{who}"
            if year
            else (f"Báo cáo kết quả thực hiện phong trào thi đua{who}")
        )
        title_lines = [
            f"Kết quả thực hiện phong trào thi đua{f' năm {year}' if year else ''}",
            f"“{c.title}”",
        ]
        subject = f"kết quả thực hiện phong trào thi đua “{c.title}”" + (f" năm {year}" if year else "")
    if scope.unit is not None:
        unit = scope.unit
        parent = unit.parent.name.upper() if unit.parent_id else province_body()
        issuing = unit.name.upper()
        reporter = unit.name
        number = "Số:" + NBSP * 8 + "/BC"
        recipients = ["Sở Nội vụ (Ban Thi đua – Khen thưởng);", "Lưu: VT."]
        signature, signer = ["THỦ TRƯỞNG ĐƠN VỊ"], ""
    else:
        parent, issuing, reporter = province_body(), "SỞ NỘI VỤ", "Sở Nội vụ"
        number = "Số:" + NBSP * 8 + "/BC-SNV"
        recipients = [
            "UBND tỉnh (để báo cáo);",
            "Hội đồng Thi đua – Khen thưởng tỉnh;",
            "Các sở, ban, ngành; UBND các xã, phường;",
            "Lãnh đạo Sở;",
            "Lưu: VT, TĐKT.",
        ]
        signature, signer = department_signature()
    part = Part(
        issuer_name=reporter,
        parent_body=parent,
        issuing_body=issuing,
        number=number,
        place_date=place_date(c.place or "Hưng Yên", today),
        doc_type="BÁO CÁO",
        title_lines=title_lines,
        intro=[
            f"Thực hiện {_campaign_ref(scope)} về việc phát động phong trào thi đua “{c.title}”, "
            f"{reporter} báo cáo {subject} như sau:"
        ],
        sections=sections,
        closing=[
            f"Trên đây là báo cáo {subject} của {reporter}"
            + (". Kính đề nghị UBND tỉnh xem xét, chỉ đạo./." if scope.unit is None else "./.")
        ],
        recipients=recipients,
        signature_lines=signature,
        signer_name=signer,
    )
    part.attach_annexes()
    return Report(title=title, parts=[part])
