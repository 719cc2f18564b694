"""The statistical forms of Thông tư 02/2023/TT-BNV that the portal's data fills: Biểu 0601.N (emulation
movements) and Biểu 0603.N (province-level awards), for one year.

Each cell keeps the records that make it (`Cell.records`), so that the page, the PDF's note and the
XLSX's "Nguồn số liệu" sheet can show where every figure comes from.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.models import Award
from campaigns.models import AwardType, Campaign, Person
from criteria.models import Subject, UnitPlan

CIRCULAR = gettext_lazy("Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023")
RECEIVED_ON = gettext_lazy("Ngày nhận báo cáo: Ngày 15 tháng 12 năm báo cáo")
RECEIVER = gettext_lazy("Bộ Nội vụ")


@dataclass
class Cell:
    value: int = 0
    records: list[str] = field(default_factory=list)

    def add(self, record: str) -> None:
        self.value += 1
        self.records.append(record)


@dataclass
class Row:
    """A row of a form: a group heading has no code and no cells; `level` indents the label."""

    label: str
    code: str = ""
    measure: str = ""
    level: int = 0
    cells: list[Cell] = field(default_factory=list)

    @property
    def is_heading(self) -> bool:
        return not self.code


@dataclass
class StatisticsForm:
    kind: str  # "0601", "0603"
    number: str  # "Biểu số 0601.N/BNV-TĐKT"
    title: str
    measure: str  # "Đơn vị tính: Phong trào", or "" when each row says it
    columns: list[str]  # the numbered columns 1..n
    group: str  # the heading over columns 2..n
    rows: list[Row]
    year: int
    note: str = ""

    @property
    def has_measure_column(self) -> bool:
        return not self.measure

    def cell(self, code: str, column: int) -> Cell:
        row = next(r for r in self.rows if r.code == code)
        return row.cells[column - 1]


def _row(label, code, columns: int, *, measure="", level=1) -> Row:
    return Row(label, code, measure, level, [Cell() for _ in range(columns)])


def _overlaps(start: date, end: date, year: int) -> bool:
    return start <= date(year, 12, 31) and end >= date(year, 1, 1)


def duration_code(start: date, end: date) -> str:
    """Row 06–10 of Biểu 0601.N by how long the movement runs."""
    days = (end - start).days + 1
    if days < 360:
        return "06"
    if days <= 366:
        return "07"
    if days < 3 * 365:
        return "08"
    if days < 5 * 365:
        return "09"
    return "10"


def movements(year: int) -> StatisticsForm:
    """Biểu 0601.N: the movements running in `year` — the province's campaigns (launched by the province:
    column 3) and the units' own launching plans under criterion (a) (column 4)."""
    columns = [
        _("Tổng số"),
        _("Cấp Trung ương (Hội đồng Thi đua – Khen thưởng Trung ương)"),
        _("Cấp bộ, ban, ngành, đoàn thể trung ương, tỉnh, thành phố trực thuộc Trung ương"),
        _("Cơ quan, tổ chức, đơn vị"),
    ]
    n = len(columns)
    rows = [
        _row(_("Tổng số"), "01", n, level=0),
        Row(_("1. Chia theo phạm vi tổ chức thi đua")),
        _row(_("Toàn quốc"), "02", n),
        _row(_("Bộ, ban, ngành, đoàn thể, địa phương"), "03", n),
        _row(_("Cụm, khối thi đua do Hội đồng Thi đua – Khen thưởng các cấp tổ chức"), "04", n),
        _row(_("Cơ quan, tổ chức, đơn vị"), "05", n),
        Row(_("2. Chia theo thời hạn thi đua")),
        _row(_("Dưới 1 năm"), "06", n),
        _row(_("1 năm"), "07", n),
        _row(_("Từ 1 năm đến dưới 3 năm"), "08", n),
        _row(_("Từ 3 năm đến dưới 5 năm"), "09", n),
        _row(_("Từ 5 năm trở lên"), "10", n),
        Row(_("3. Chia theo phương thức tổ chức phong trào thi đua")),
        _row(_("Thi đua theo chuyên đề"), "11", n),
        _row(_("Thi đua thường xuyên hàng năm"), "12", n),
    ]
    form = StatisticsForm(
        kind="0601",
        number=_("Biểu số 0601.N/BNV-TĐKT"),
        title=_("SỐ PHONG TRÀO THI ĐUA"),
        measure=_("Đơn vị tính: Phong trào"),
        columns=columns,
        group=_("Số phong trào thi đua chia theo cấp chủ trì phát động thi đua"),
        rows=rows,
        year=year,
    )
    found = []
    for c in Campaign.objects.order_by("issued_on"):
        if _overlaps(c.starts_on, c.ends_on, year):
            found.append(
                (3, "03", c.starts_on, c.ends_on, c.kind, _("Kế hoạch %(number)s") % {"number": c.number})
            )
    plans = UnitPlan.objects.select_related("campaign", "unit").order_by("issued_on", "pk")
    for p in plans:
        if _overlaps(p.issued_on, p.campaign.ends_on, year):
            label = _("Kế hoạch %(number)s của %(unit)s") % {"number": p.number, "unit": p.unit.name}
            found.append((4, "05", p.issued_on, p.campaign.ends_on, p.campaign.kind, label))
    method = {Campaign.Kind.THEMATIC: "11", Campaign.Kind.ANNUAL: "12"}
    for column, scope, start, end, kind, label in found:
        for code in ("01", scope, duration_code(start, end), method[kind]):
            form.cell(code, 1).add(label)
            form.cell(code, column).add(label)
    return form


# Biểu 0603.N's columns 2–5 by the award form's statistics column.
AWARD_COLUMNS = {
    AwardType.StatisticsColumn.BANG_KHEN: 2,
    AwardType.StatisticsColumn.CHIEN_SI: 3,
    AwardType.StatisticsColumn.CO_THI_DUA: 4,
    AwardType.StatisticsColumn.HUY_HIEU: 5,
}
LEVEL_ROWS = {
    Person.LeadershipLevel.PROVINCE: "06",
    Person.LeadershipLevel.DEPARTMENT: "07",
    Person.LeadershipLevel.OTHER: "09",
}


def province_awards(year: int) -> StatisticsForm:
    """Biểu 0603.N: the province-level awards of the decisions dated in `year`, by form, by awardee and by
    method (a thematic movement's awards are "Chuyên đề", a regular one's "Thường xuyên")."""
    columns = [
        _("Tổng số"),
        _("Bằng khen"),
        _("Chiến sĩ thi đua cấp bộ, cấp tỉnh"),
        _("Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương"),
        _(
            "Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc "
            "Trung ương"
        ),
    ]
    n = len(columns)
    person, collective = _("Người"), _("Tập thể")
    rows = [
        _row(_("Tổng số"), "01", n, level=0),
        Row(_("1. Chia theo đối tượng khen thưởng")),
        _row(_("Tập thể"), "02", n, measure=collective),
        _row(_("Trong đó: Doanh nghiệp"), "03", n, measure=_("Doanh nghiệp"), level=2),
        _row(_("Hộ gia đình"), "04", n, measure=_("Hộ")),
        _row(_("Cá nhân"), "05", n, measure=person),
        _row(_("Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên"), "06", n, measure=person, level=2),
        _row(_("Lãnh đạo cấp vụ, sở, ngành và tương đương"), "07", n, measure=person, level=2),
        _row(_("Doanh nhân"), "08", n, measure=person, level=2),
        _row(_("Các cấp lãnh đạo khác từ phó phòng trở lên"), "09", n, measure=person, level=2),
        _row(
            _(
                "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu (công nhân, "
                "nông "
                "dân, …)"
            ),
            "10",
            n,
            measure=person,
            level=2,
        ),
        Row(_("3. Chia theo phương thức khen thưởng")),
        _row(_("Thường xuyên"), "11", n),
        _row(_("Chuyên đề"), "12", n),
        _row(_("Đột xuất"), "13", n),
        _row(_("Đối ngoại"), "14", n),
        _row(_("Cống hiến"), "15", n),
        _row(_("Niên hạn"), "16", n),
        _row(_("Kháng chiến"), "17", n),
    ]
    form = StatisticsForm(
        kind="0603",
        number=_("Biểu số 0603.N/BNV-TĐKT"),
        title=_(
            "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC THUỘC "
            "TRUNG ƯƠNG"
        ),
        measure="",
        columns=columns,
        group=_("Chia ra"),
        rows=rows,
        year=year,
        note=_(
            "Dòng 03 (doanh nghiệp), 04 (hộ gia đình) và 08 (doanh nhân): cổng thông tin chỉ khen thưởng cơ "
            "quan, đơn vị và cán bộ, công chức, viên chức nên không có số liệu."
        ),
    )
    awards = (
        Award.objects.filter(
            decision__issued_on__year=year,
            award_type__level=AwardType.Level.PROVINCE,
            award_type__statistics_column__in=list(AWARD_COLUMNS),
        )
        .select_related("decision", "award_type", "round__campaign")
        .order_by("decision__issued_on", "decision__number", "pk")
    )
    method = {Campaign.Kind.THEMATIC: "12", Campaign.Kind.ANNUAL: "11"}
    for a in awards:
        label = _("Quyết định %(number)s: %(name)s") % {"number": a.decision.number, "name": a.recipient_name}
        codes = ["01", method[a.round.campaign.kind]]
        if a.subject == Subject.COLLECTIVE:
            codes.append("02")
        else:
            codes.append("05")
            if a.leadership_level in LEVEL_ROWS:
                codes.append(LEVEL_ROWS[a.leadership_level])
            if a.direct_worker:
                codes.append("10")
        for code in codes:
            form.cell(code, 1).add(label)
            form.cell(code, AWARD_COLUMNS[a.award_type.statistics_column]).add(label)
    return form


FORMS = {"0601": movements, "0603": province_awards}


def build(kind: str, year: int) -> StatisticsForm:
    return FORMS[kind](year)
