"""The annual, end-of-campaign and unit summary reports: sections in order, gathered with progress."""

from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports.content import awards, nominations, participation, practices, rankings
from reports.content.base import Scope
from reports.content.report import NBSP, Part, Report, department_signature, place_date, province_body

# (label shown on the progress bar, builder) in the order of the report.
SECTIONS = [
    (gettext_lazy("Tình hình tham gia của các đơn vị"), participation.build),
    (gettext_lazy("Hồ sơ đề nghị khen thưởng"), nominations.build),
    (gettext_lazy("Kết quả thẩm định"), nominations.build_appraisal),
    (gettext_lazy("Khen thưởng của Chủ tịch UBND tỉnh"), awards.build),
    (gettext_lazy("Giấy khen của các đơn vị"), awards.build_unit_awards),
    (gettext_lazy("Kết quả dân vận chính quyền"), rankings.build),
    (gettext_lazy("Mô hình, cách làm hay"), practices.build),
    (gettext_lazy("Khó khăn, vướng mắc"), practices.build_difficulties),
]

Progress = Callable[[int, str], None]


def _campaign_ref(scope: Scope) -> str:
    c = scope.campaign
    return _("Kế hoạch số %(number)s ngày %(issued_on)s của %(issuer)s") % {
        "number": c.number,
        "issued_on": f"{c.issued_on:%d/%m/%Y}",
        "issuer": c.issuer,
    }


def build(kind: str, scope: Scope, progress: Progress, *, start: int = 0, end: int = 70) -> Report:
    """Gather every section, reporting progress from start to end (percent)."""
    c = scope.campaign
    today = timezone.localdate()
    sections = []
    for i, (label, builder) in enumerate(SECTIONS):
        progress(start + (end - start) * i // len(SECTIONS), label)
        scope.pause()
        sections.append(builder(scope))
    progress(end, _("Hoàn thiện văn bản"))
    if kind == "final":
        title = _("Báo cáo tổng kết phong trào thi đua")
        title_lines = [
            _("Tổng kết phong trào thi đua"),
            f"“{c.title}”",
            _("(từ ngày %(starts_on)s đến ngày %(ends_on)s)")
            % {"starts_on": f"{c.starts_on:%d/%m/%Y}", "ends_on": f"{c.ends_on:%d/%m/%Y}"},
        ]
        subject = _("tổng kết phong trào thi đua “%(title)s” giai đoạn %(starts_on)s – %(ends_on)s") % {
            "title": c.title,
            "starts_on": f"{c.starts_on:%d/%m/%Y}",
            "ends_on": f"{c.ends_on:%d/%m/%Y}",
        }
    else:
        year = scope.year
        who = _(" của %(name)s") % {"name": scope.unit.name} if scope.unit is not None else ""
        title = (
            _("Báo cáo kết quả thực hiện phong trào thi đua năm %(year)s%(who)s") % {"year": year, "who": who}
            if year
            else (_("Báo cáo kết quả thực hiện phong trào thi đua%(who)s") % {"who": who})
        )
        title_lines = [
            _("Kết quả thực hiện phong trào thi đua năm %(year)s") % {"year": year}
            if year
            else _("Kết quả thực hiện phong trào thi đua"),
            f"“{c.title}”",
        ]
        subject = _("kết quả thực hiện phong trào thi đua “%(title)s”") % {"title": c.title} + (
            _(" năm %(year)s") % {"year": year} if year else ""
        )
    if scope.unit is not None:
        unit = scope.unit
        parent = unit.parent.name.upper() if unit.parent_id else province_body()
        issuing = unit.name.upper()
        reporter = unit.name
        number = _("Số:") + NBSP * 8 + "/BC"
        recipients = [_("Sở Nội vụ (Ban Thi đua – Khen thưởng);"), _("Lưu: VT.")]
        signature, signer = [_("THỦ TRƯỞNG ĐƠN VỊ")], ""
    else:
        parent, issuing, reporter = province_body(), _("SỞ NỘI VỤ"), _("Sở Nội vụ")
        number = _("Số:") + NBSP * 8 + "/BC-SNV"
        recipients = [
            _("UBND tỉnh (để báo cáo);"),
            _("Hội đồng Thi đua – Khen thưởng tỉnh;"),
            _("Các sở, ban, ngành; UBND các xã, phường;"),
            _("Lãnh đạo Sở;"),
            _("Lưu: VT, TĐKT."),
        ]
        signature, signer = department_signature()
    part = Part(
        issuer_name=reporter,
        parent_body=parent,
        issuing_body=issuing,
        number=number,
        place_date=place_date(c.place or _("Hưng Yên"), today),
        doc_type=_("BÁO CÁO"),
        title_lines=title_lines,
        intro=[
            _(
                "Thực hiện %(scope)s về việc phát động phong trào thi đua “%(title)s”, "
                "%(reporter)s báo cáo %(subject)s như sau:"
            )
            % {"scope": _campaign_ref(scope), "title": c.title, "reporter": reporter, "subject": subject}
        ],
        sections=sections,
        closing=[
            _("Trên đây là báo cáo %(subject)s của %(reporter)s") % {"subject": subject, "reporter": reporter}
            + (_(". Kính đề nghị UBND tỉnh xem xét, chỉ đạo./.") if scope.unit is None else "./.")
        ],
        recipients=recipients,
        signature_lines=signature,
        signer_name=signer,
    )
    part.attach_annexes()
    return Report(title=title, parts=[part])
