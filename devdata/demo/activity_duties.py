"""Demo dân vận chính quyền results and units' duties (part of seed_demo_activity, see demo_activity).

Rankings go through the import service (criteria.rankings.parse_rankings + apply_rankings) fed an
in-memory CSV, as the Sở Nội vụ specialist would upload it. Duties go through the duties services as
each unit's officer, on the day they were done (demo_clock), so that the duties table and the
computed criteria (a) and (g) show on time, late and missing.
"""

import datetime as dt
import hashlib

from campaigns.models import Campaign, Unit
from criteria.models import DutyDeadline, PeriodicReport, Registration, UnitPlan, UnitRanking
from criteria.rankings import apply_rankings, parse_rankings
from criteria.services import duties as services_duties
from devdata.demo.activity import STAFF, Cast, demo_clock, pdf_upload

CAMPAIGN_NUMBER = "169/KH-UBND"
D = dt.date

# The demo units' places in their group; every other unit of the group fills the remaining places
# in code order. 2024 ranks the districts (before the reorganisation of 01/07/2025) and agencies;
# 2025 and 2026 the new communes and wards and the agencies.
COMMUNE_RANKS = {
    2025: {"P-PHOHIEN": 1, "X-NHUQUYNH": 2, "X-ANTHI": 4, "X-YENMY": 9, "X-KHOAICHAU": 15},
    2026: {"X-NHUQUYNH": 1, "P-PHOHIEN": 2, "X-YENMY": 3, "X-ANTHI": 7, "X-KHOAICHAU": 12},
}
AGENCY_RANKS = {
    2024: {"STP": 2, "SYT": 6},
    2025: {"STP": 1, "SYT": 3},
    2026: {"STP": 3, "SYT": 8},
}
DISTRICT_RANKS_2024 = {"H-TPHY": 1, "H-VANLAM": 3, "H-ANTHI": 5, "H-YENMY": 7, "H-KHOAICHAU": 8}

# When each unit did its duties: registration, its plan (number, issued on, uploaded on), and its
# reports in REPORT_CODES order (None: never sent). The new communes exist from 01/07/2025 only.
REGISTERED = {
    "X-NHUQUYNH": D(2025, 7, 10),
    "P-PHOHIEN": D(2025, 7, 8),
    "X-YENMY": D(2025, 7, 15),
    "X-ANTHI": D(2025, 7, 20),
    "X-KHOAICHAU": D(2025, 8, 5),
    "STP": D(2024, 12, 10),
    "SYT": D(2024, 12, 20),
}
PLANS = {
    "X-NHUQUYNH": ("45/KH-UBND", D(2025, 7, 22), D(2025, 7, 25)),
    "P-PHOHIEN": ("12/KH-UBND", D(2025, 7, 15), D(2025, 7, 20)),
    "X-YENMY": ("31/KH-UBND", D(2025, 8, 4), D(2025, 8, 10)),
    "STP": ("208/KH-STP", D(2024, 12, 16), D(2024, 12, 20)),
    "SYT": ("3120/KH-SYT", D(2024, 12, 24), D(2024, 12, 28)),
}
REPORT_CODES = ("bao-cao-6-thang-2025", "bao-cao-nam-2025", "bao-cao-6-thang-2026", "bao-cao-tong-ket")
REPORTS_SENT = {
    "X-NHUQUYNH": (None, D(2025, 11, 5), D(2026, 6, 15), D(2026, 11, 7)),
    "P-PHOHIEN": (None, D(2025, 11, 8), D(2026, 6, 18), D(2026, 11, 9)),
    "X-YENMY": (None, D(2025, 11, 18), D(2026, 6, 19), D(2026, 11, 14)),
    "X-ANTHI": (None, D(2025, 11, 10), D(2026, 6, 12), D(2026, 11, 10)),
    "X-KHOAICHAU": (None, None, D(2026, 7, 2), D(2026, 11, 20)),
    "STP": (D(2025, 6, 18), D(2025, 11, 6), D(2026, 6, 17), D(2026, 11, 5)),
    "SYT": (D(2025, 6, 25), D(2025, 11, 7), D(2026, 6, 20), None),
}
COMMITMENTS = (
    "Đăng ký thi đua thực hiện tốt công tác dân vận chính quyền năm {year}: 100% hồ sơ thủ tục hành chính "
    "giải quyết đúng hạn; tỷ lệ hài lòng của người dân và doanh nghiệp trên 95%; xây dựng ít nhất "
    "một mô hình “Dân vận khéo”."
)


def _digit(code: str, salt: int) -> int:
    """A stable small number from a unit code (no random state to keep in step)."""
    return hashlib.sha256(f"{code}/{salt}".encode()).digest()[0] % 10


def _ranked(units: list[Unit], fixed: dict[str, int], year: int) -> list[tuple[Unit, int]]:
    others = [u for u in sorted(units, key=lambda u: u.code) if u.code not in fixed]
    free = [r for r in range(1, len(units) + 1) if r not in fixed.values()]
    by_code = {u.code: u for u in units}
    rows = [(by_code[code], rank) for code, rank in fixed.items() if code in by_code]
    rows += list(zip(others, free, strict=False))
    return sorted(rows, key=lambda row: row[1])


def _csv(groups: list[tuple[str, list[tuple[Unit, int]]]], year: int) -> bytes:
    lines = ["Mã đơn vị,Điểm,Xếp loại,Thứ hạng,Nhóm"]
    for label, rows in groups:
        for unit, rank in rows:
            points = 96 - rank * 1.5 - _digit(unit.code, year) / 10
            grade = "Tốt" if points >= 85 else "Khá" if points >= 70 else "Trung bình"
            # The group's name has commas ("Sở, ban, ngành"): quoted, as a spreadsheet writes it.
            lines.append(f'{unit.code},{points:.2f},{grade},{rank},"{label}"')
    return ("\n".join(lines) + "\n").encode("utf-8")


def seed_rankings(cast: Cast, summary: dict) -> None:
    """Import the yearly results of 2024, 2025 and 2026 for the years not yet imported."""
    agencies = list(Unit.objects.filter(kind=Unit.Kind.PROVINCIAL_AGENCY, valid_to__isnull=True))
    communes = list(Unit.objects.filter(kind=Unit.Kind.COMMUNE, valid_from__isnull=False))
    districts = list(Unit.objects.filter(kind=Unit.Kind.DISTRICT))
    plan = {
        2024: [("Cấp huyện", _ranked(districts, DISTRICT_RANKS_2024, 2024))],
        2025: [("Cấp xã", _ranked(communes, COMMUNE_RANKS[2025], 2025))],
        2026: [("Cấp xã", _ranked(communes, COMMUNE_RANKS[2026], 2026))],
    }
    for year, groups in plan.items():
        groups.append(("Sở, ban, ngành", _ranked(agencies, AGENCY_RANKS[year], year)))
        if UnitRanking.objects.filter(year=year, unit__code__in=AGENCY_RANKS[year]).exists():
            continue
        parsed = parse_rankings(_csv(groups, year), f"xep-hang-dan-van-{year}.csv", year)
        if not parsed.ok:
            problems = parsed.file_error or "; ".join(str(e) for e in parsed.errors[:5])
            raise ValueError(f"Demo rankings {year} refused: {problems}")
        result = apply_rankings(actor=cast[STAFF], parsed=parsed)
        summary["rankings"] += result.created


def seed_duties(cast: Cast, summary: dict) -> None:
    """Each demo unit's registration, launching plan and periodic reports, on the day they were sent."""
    campaign = Campaign.objects.get(number=CAMPAIGN_NUMBER)
    deadlines = {d.code: d for d in DutyDeadline.objects.filter(campaign=campaign)}
    for code, registered in REGISTERED.items():
        unit, officer = cast.units[code], cast.officer(code)
        plan = PLANS.get(code)
        reports = {c: day for c, day in zip(REPORT_CODES, REPORTS_SENT[code], strict=True) if day}
        if not Registration.objects.filter(campaign=campaign, unit=unit).exists():
            with demo_clock(registered, 8, 30):
                services_duties.register(
                    actor=officer,
                    campaign=campaign,
                    unit=unit,
                    commitments=COMMITMENTS.format(year=registered.year + (registered.month == 12)),
                )
            summary["duties"] += 1
        if plan and not UnitPlan.objects.filter(campaign=campaign, unit=unit).exists():
            number, issued, uploaded = plan
            with demo_clock(uploaded, 10):
                services_duties.upload_plan(
                    actor=officer,
                    campaign=campaign,
                    unit=unit,
                    upload=pdf_upload(
                        "ke-hoach-phat-dong.pdf",
                        [f"Ke hoach {number}", f"Don vi: {code}", "Phat dong phong trao thi dua 169/KH-UBND"],
                    ),
                    number=number,
                    issued_on=issued,
                )
            summary["duties"] += 1
        sent = set(
            PeriodicReport.objects.filter(unit=unit, deadline__campaign=campaign).values_list(
                "deadline__code", flat=True
            )
        )
        for deadline_code, day in sorted(reports.items(), key=lambda item: item[1]):
            if deadline_code in sent:
                continue
            with demo_clock(day, 15):
                services_duties.upload_report(
                    actor=officer,
                    deadline=deadlines[deadline_code],
                    unit=unit,
                    upload=pdf_upload(
                        f"{deadline_code}.pdf", [f"Bao cao {deadline_code}", f"Don vi: {code}"]
                    ),
                    number=f"{10 + _digit(code, day.month)}{day.month}/BC-{code.split('-')[-1]}",
                )
            summary["duties"] += 1
