"""The annual, end-of-campaign and unit summary reports: sections in order, gathered with progress."""

from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.content import Document, Paragraph, Table
from documents.issuers import campaign_unit, issuer_for, signature_for
from reports.content import (
    assessment,
    awards,
    contents,
    nominations,
    participation,
    practices,
    rankings,
    scores,
    years,
)
from reports.content.base import Scope, money
from reports.content.report import Report, annexes_of, body_of

# (label shown on the progress bar, builder) in the order a báo cáo tổng kết reads: how the movement was
# organised, what came of the plan's contents and criteria, the models, the dossiers, the awards, the
# dân vận ranking, the difficulties. The parts are numbered I, II, … by report.body_of.
SECTIONS = [
    (gettext_lazy("Tình hình tham gia của các đơn vị"), participation.build),
    (gettext_lazy("Kết quả thực hiện các nội dung thi đua"), contents.build),
    (gettext_lazy("Kết quả theo tiêu chí thi đua"), scores.build),
    (gettext_lazy("Mô hình, cách làm hay"), practices.build),
    (gettext_lazy("Hồ sơ đề nghị khen thưởng và kết quả thẩm định"), nominations.build_part),
    (gettext_lazy("Kết quả khen thưởng"), awards.build_part),
    (gettext_lazy("Kết quả dân vận chính quyền"), rankings.build),
    (gettext_lazy("Khó khăn, vướng mắc"), practices.build_difficulties),
    # The parts Sở Nội vụ writes (a unit's report has none: their builders give None).
    (gettext_lazy("Đánh giá chung"), assessment.build),
    (gettext_lazy("Phương hướng, nhiệm vụ"), assessment.build_direction),
    (gettext_lazy("Kiến nghị, đề xuất"), assessment.build_proposals),
]

Progress = Callable[[int, str], None]


def _campaign_ref(scope: Scope) -> str:
    c = scope.campaign
    return _("Kế hoạch số %(number)s ngày %(issued_on)s của %(issuer)s") % {
        "number": c.number,
        "issued_on": f"{c.issued_on:%d/%m/%Y}",
        "issuer": c.issuer,
    }


def key_figures(sections, *, of_unit: bool = False) -> Table:
    """Page 1's table, for a leader reading on a phone: the sections' own headline numbers, repeated. A
    unit's report gives its Bằng khen without the quota: the quota is the province's, not the unit's."""
    f = {k: v for s in sections for k, v in s.figures.items()}
    awarded = (
        _("%(used)s Bằng khen") % {"used": f.get("awarded", 0)}
        if of_unit
        else _("%(used)s/%(quota)s Bằng khen") % {"used": f.get("awarded", 0), "quota": f.get("quota", 0)}
    )
    rows = [
        [_("Cơ quan, đơn vị, địa phương tham gia"), f.get("units", 0)],
        [_("Hồ sơ đề nghị khen thưởng đã tiếp nhận"), f.get("received", 0)],
        [
            _("Hồ sơ đủ điều kiện / không đủ điều kiện"),
            f"{f.get('eligible', 0)} / {f.get('ineligible', 0)}",
        ],
        [
            _("Khen thưởng của Chủ tịch Ủy ban nhân dân tỉnh")
            if of_unit
            else _("Khen thưởng của Chủ tịch Ủy ban nhân dân tỉnh / chỉ tiêu"),
            awarded,
        ],
        [_("Tiền thưởng kèm Bằng khen (đồng)"), money(f.get("bonus", 0))],
        [_("Giấy khen của Thủ trưởng các cơ quan, đơn vị"), f.get("unit_awards", 0)],
        [_("Mô hình, cách làm hay được công nhận"), f.get("recognised_practices", 0)],
        [
            _("Khó khăn, vướng mắc đã giải quyết / đã phản ánh"),
            f"{f.get('settled', 0)} / {f.get('difficulties', 0)}",
        ],
    ]
    return Table("so-lieu-chinh", _("Số liệu chính"), [_("Chỉ tiêu"), _("Kết quả")], rows, widths=[70, 30])


def build(
    kind: str, scope: Scope, progress: Progress, *, start: int = 0, end: int = 70, signer: int | None = None
) -> Report:
    """Gather every section, reporting progress from start to end (percent); signed by the official
    `signer` (an id from the register, reports.signing), else the register's default."""
    c = scope.campaign
    today = timezone.localdate()
    sections = []
    for i, (label, builder) in enumerate(SECTIONS):
        progress(start + (end - start) * i // len(SECTIONS), label)
        scope.pause()
        section = builder(scope)
        if section is not None:
            sections.append(section)
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
    appraising = campaign_unit(c, "appraising")
    if scope.unit is not None:
        issuer = issuer_for(scope.unit, today)
        signature = signature_for(scope.unit, today, signer)
        recipients = [_("%(name)s;") % {"name": issuer_for(appraising, today).running_name}, _("Lưu: VT.")]
    else:
        issuer = issuer_for(appraising, today)
        signature = signature_for(appraising, today, signer)
        recipients = [
            _("%(name)s (để báo cáo);")
            % {"name": issuer_for(campaign_unit(c, "deciding"), today).running_name},
            _("Hội đồng Thi đua – Khen thưởng tỉnh;"),
            _("Các sở, ban, ngành; Ủy ban nhân dân các xã, phường;"),
            _("Lãnh đạo Sở;"),
            _("Lưu: VT, TĐKT."),
        ]
    reporter = issuer.running_name
    intro = _(
        "Thực hiện %(scope)s về việc phát động phong trào thi đua “%(title)s”, "
        "%(reporter)s báo cáo %(subject)s như sau:"
    ) % {"scope": _campaign_ref(scope), "title": c.title, "reporter": reporter, "subject": subject}
    closing = _("Trên đây là báo cáo %(subject)s của %(reporter)s") % {
        "subject": subject,
        "reporter": reporter,
    } + (_(". Kính đề nghị Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.") if scope.unit is None else "./.")
    # A part Sở Nội vụ has not written yet: the paper is a draft (ND 30's "DỰ THẢO" on page 1).
    unwritten = assessment.unwritten(scope)
    # Page 1: the key figures; the end-of-campaign report adds them year by year.
    lead_tables = [key_figures(sections, of_unit=scope.unit is not None)] + (
        [years.by_year_table(scope)] if kind == "final" else []
    )
    paper = Document(
        issuer=issuer,
        doc_type=_("BÁO CÁO"),
        type_code="BC",
        title_lines=title_lines,
        day=today,
        body=[Paragraph(intro), *lead_tables, *body_of(sections), Paragraph(closing)],
        recipients=recipients,
        signatures=[signature],
        annexes=annexes_of(sections),
        draft=bool(unwritten),
    )
    return Report(
        title=title,
        documents=[paper],
        sections=sections,
        unwritten=[p.label for p in unwritten],
        lead_tables=lead_tables,
    )
