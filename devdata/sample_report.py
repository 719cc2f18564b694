"""Synthetic campaign data for the report benchmark and the reports' tests (never for production).

It writes rows directly (bulk inserts, states included) because it stands in for two years of real
use; the portal's own pages and services are the only writers of real data.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

import yaml
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from awards.models import Award, Decision
from campaigns.models import AwardRound, AwardType, Campaign, Cluster, Person, RoundQuota, Unit
from campaigns.text import fold, normalize
from criteria.management.commands.seed_plan169 import PLAN_FILE
from criteria.models import (
    Criterion,
    CriterionSet,
    DutyDeadline,
    PeriodicReport,
    Registration,
    Subject,
    UnitPlan,
    UnitRanking,
)
from criteria.plan_loader import load_criteria_and_contents
from devdata.issuers import give_units_papers
from nominations.models import CriterionAssessment, Nomination, State
from practices.models import Difficulty, Practice

TITLE = "Đẩy mạnh công tác dân vận chính quyền, chính quyền phục vụ người dân và doanh nghiệp"
KINDS = [Unit.Kind.PROVINCIAL_AGENCY] * 2 + [Unit.Kind.COMMUNE] * 6 + [Unit.Kind.DIVISION] * 2
REASONS = [
    "Chưa đạt tiêu chí d: không thuộc nhóm xếp hạng cao và không tăng hạng vượt bậc.",
    "Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị.",
    "Không có sáng kiến, giải pháp được công nhận theo tiêu chí b.",
]


@dataclass
class Sample:
    campaign: Campaign
    rounds: dict
    units: list
    people: list
    nominations: int
    awards: int


def _datetime(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=9))


def _annual_round(year: int) -> tuple:
    """Code, name, kind, year, period and window (November to mid-December) of the round of `year`."""
    return (
        f"nam-{year}",
        f"Khen thưởng năm {year}",
        AwardRound.Kind.ANNUAL,
        year,
        date(year, 1, 1),
        date(year, 12, 31),
        date(year, 11, 1),
        date(year, 12, 15),
    )


@transaction.atomic
def build_sample(
    *,
    units: int = 12,
    dossiers: int = 40,
    awards: int = 6,
    number: str = "169/KH-UBND",
    name_suffix: str = "",
    seed: int = 169,
) -> Sample:
    """A campaign like plan 169 with its rounds, clusters, units, people, dossiers, rankings and awards."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    User = get_user_model()
    user, _ = User.objects.get_or_create(username="mau-bao-cao", defaults={"first_name": "Mẫu"})
    campaign, _ = Campaign.objects.get_or_create(
        number=number,
        defaults=dict(
            title=TITLE,
            issuer="Ủy ban nhân dân tỉnh Hưng Yên",
            place="Hưng Yên",
            signer_name="Trần Quốc Văn",
            signer_title="Chủ tịch",
            issued_on=date(2024, 11, 5),
            starts_on=date(2024, 11, 5),
            ends_on=date(2026, 12, 31),
        ),
    )
    rounds = {}
    for code, name, kind, year, start, end, opens, closes in [
        _annual_round(2025),
        _annual_round(2026),
        (
            "tong-ket",
            "Khen thưởng tổng kết phong trào",
            AwardRound.Kind.FINAL,
            None,
            date(2024, 11, 5),
            date(2026, 12, 31),
            date(2026, 11, 1),
            date(2026, 12, 20),
        ),
    ]:
        rounds[code], _ = AwardRound.objects.get_or_create(
            campaign=campaign,
            code=code,
            defaults=dict(
                name=name,
                kind=kind,
                year=year,
                period_start=start,
                period_end=end,
                opens_on=opens,
                closes_on=closes,
                appraisal_deadline=closes + timedelta(days=20),
            ),
        )
    bang_khen, _ = AwardType.objects.get_or_create(
        code="bang-khen-chu-tich",
        defaults=dict(
            name="Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
            short_name="Bằng khen",
            level=AwardType.Level.PROVINCE,
            order=1,
            statistics_column=AwardType.StatisticsColumn.BANG_KHEN,
        ),
    )
    giay_khen, _ = AwardType.objects.get_or_create(
        code="giay-khen",
        defaults=dict(
            name="Giấy khen của Thủ trưởng", short_name="Giấy khen", level=AwardType.Level.UNIT, order=2
        ),
    )
    for code, round_ in rounds.items():
        RoundQuota.objects.get_or_create(
            round=round_, award_type=bang_khen, defaults={"max_count": 20 if code == "tong-ket" else 10}
        )
    tag = f"{seed}-{Unit.objects.count()}"
    clusters = [
        Cluster.objects.create(
            code=f"C{tag}-{i}", name=f"Cụm thi đua số {i}{name_suffix}", kind=Cluster.Kind.CUM
        )
        for i in range(1, 9)
    ] + [
        Cluster.objects.create(code=f"K{tag}-{i}", name=f"Khối {n}", kind=Cluster.Kind.KHOI)
        for i, n in enumerate(["các cơ quan Đảng, đoàn thể", "kinh tế – tổng hợp", "văn hóa – xã hội"], 1)
    ]
    root = Unit.objects.create(
        code=f"R{tag}",
        name="Ủy ban nhân dân tỉnh Hưng Yên",
        kind=Unit.Kind.PROVINCE,
    )
    made = []
    for i in range(units):
        kind = KINDS[i % len(KINDS)]
        prefix = {
            Unit.Kind.PROVINCIAL_AGENCY: "Sở",
            Unit.Kind.COMMUNE: "UBND xã",
            Unit.Kind.DIVISION: "Phòng",
        }[kind]
        made.append(
            Unit.objects.create(
                code=f"U{tag}-{i:04d}",
                name=f"{prefix} Đồng Thành {i + 1}{name_suffix}",
                kind=kind,
                parent=root,
                cluster=clusters[i % len(clusters)],
            )
        )
    people = Person.objects.bulk_create(
        [
            Person(
                full_name=normalize(f"Nguyễn Thị Hồng Nhung {i + 1}{name_suffix}"),
                search_name=fold(f"Nguyễn Thị Hồng Nhung {i + 1}"),
                gender=Person.Gender.FEMALE,
                unit=made[i % len(made)],
                category=Person.Category.CONG_CHUC,
                position="Chuyên viên",
                personal_id=f"0341{seed % 100:02d}{i:06d}",
            )
            for i in range((dossiers + 1) // 2)
        ]
    )
    states = [
        State.SUBMITTED,
        State.IN_REVIEW,
        State.RETURNED,
        State.APPRAISED,
        State.INELIGIBLE,
        State.PROPOSED,
        State.AWARDED,
        State.NOT_AWARDED,
        State.DRAFT,
        State.WITHDRAWN,
    ]
    weights = [6, 6, 3, 20, 10, 4, 8, 2, 3, 2]
    round_list = list(rounds.values())
    rows, used = [], set()
    for i in range(dossiers):
        individual = i % 2 == 1
        # Collectives walk through unit × round × award type so that few nominees repeat.
        step = i // 2
        round_ = round_list[(step if individual else step // len(made)) % len(round_list)]
        award_type = (
            (bang_khen if (step // (len(made) * len(round_list))) % 2 == 0 else giay_khen)
            if not individual
            else (bang_khen if i % 5 else giay_khen)
        )
        state = rng.choices(states, weights)[0]
        nominee_unit = None if individual else made[step % len(made)]
        nominee_person = people[step] if individual else None
        key = (
            round_.pk,
            award_type.pk,
            nominee_unit.pk if nominee_unit else None,
            nominee_person.pk if nominee_person else None,
        )
        if key in used:
            state = State.WITHDRAWN  # a second dossier of the same nominee can only be a dead one
        used.add(key)
        concluded = state in (
            State.APPRAISED,
            State.INELIGIBLE,
            State.PROPOSED,
            State.AWARDED,
            State.NOT_AWARDED,
        )
        rows.append(
            Nomination(
                round=round_,
                award_type=award_type,
                subject=Subject.INDIVIDUAL if individual else Subject.COLLECTIVE,
                nominee_unit=nominee_unit,
                nominee_person=nominee_person,
                proposing_unit=(nominee_person.unit if individual else nominee_unit),
                summary="Thành tích xuất sắc.",
                state=state,
                score=Decimal(rng.randint(600, 990)) / 10 if concluded else None,
                conclusion=rng.choice(REASONS) if state == State.INELIGIBLE else "",
                created_by=user,
            )
        )
    nominations = Nomination.objects.bulk_create(rows)
    UnitRanking.objects.bulk_create(
        [
            UnitRanking(
                unit=u,
                year=year,
                points=Decimal(rng.randint(700, 990)) / 10,
                grade=rng.choice(["tot", "tot", "kha", "trung_binh"]),
                rank=rank,
                group_label=Unit.Kind(u.kind).label,
                group_size=len(made),
            )
            for year in (2024, 2025, 2026)
            for rank, u in enumerate(rng.sample(made, len(made)), 1)
        ]
    )
    _awards(rng, user, rounds, bang_khen, giay_khen, made, nominations, awards, tag)
    _duties(rng, user, campaign, made, tag)
    _practices(rng, user, made, people, name_suffix, tag)
    _issuers_and_signers(campaign, root, made, tag)
    _assessments(rng, campaign, nominations)
    return Sample(campaign, rounds, made, people, len(nominations), awards)


# Dossiers the units have sent, and those an appraiser has scored (drafts and withdrawn ones keep the
# units' self-assessment, which the reports must not count).
SCORED_STATES = {
    State.IN_REVIEW,
    State.RETURNED,
    State.APPRAISED,
    State.INELIGIBLE,
    State.PROPOSED,
    State.AWARDED,
    State.NOT_AWARDED,
}


def _half_points(rng, maximum: Decimal, low: float) -> Decimal:
    """Points between low × maximum and maximum, in steps of 0.5."""
    steps = int(maximum * 2)
    return Decimal(rng.randint(int(steps * low), steps)) / 2


def _assessments(rng, campaign, nominations) -> None:
    """Plan 169's criterion sets and contents, and every dossier's self-assessment and scores."""
    load_criteria_and_contents(campaign, yaml.safe_load(PLAN_FILE.read_text(encoding="utf-8")))
    sets = {
        s.subject: list(s.criteria.order_by("sort_key"))
        for s in CriterionSet.objects.filter(campaign=campaign).prefetch_related("criteria")
    }
    rows = []
    for n in nominations:
        for c in sets[n.subject]:
            computed = c.evaluation == Criterion.Evaluation.COMPUTED
            scored = n.state in SCORED_STATES and not (n.state == State.IN_REVIEW and c.code == "b")
            full = scored and rng.random() < 0.2
            rows.append(
                CriterionAssessment(
                    nomination=n,
                    criterion=c,
                    self_met=None if computed else True,
                    self_points=None if computed else _half_points(rng, c.max_points, 0.6),
                    appraiser_points=(c.max_points if full else _half_points(rng, c.max_points, 0.4))
                    if scored
                    else None,
                )
            )
    CriterionAssessment.objects.bulk_create(rows, batch_size=2000)


def _decide(user, round_, award_type, awards: list[dict], **fields) -> None:
    """A decision of `award_type` in `round_` (base salary of 2026) and its awards, given their own fields."""
    decision = Decision.objects.create(
        round=round_, award_type=award_type, base_salary=2_340_000, created_by=user, **fields
    )
    Award.objects.bulk_create(
        [Award(decision=decision, round=round_, award_type=award_type, **award) for award in awards]
    )


def _issuers_and_signers(campaign, root, units, tag) -> None:
    department = Unit.objects.create(
        code=f"SNV{tag}", name="Sở Nội vụ", kind=Unit.Kind.PROVINCIAL_AGENCY, parent=root
    )
    for i, unit in enumerate(units, 1):
        # A department numbers as S1, S2 …, a division as P1 …: short, unlike the sample's codes.
        unit.abbreviation = f"S{i}" if unit.kind == Unit.Kind.PROVINCIAL_AGENCY else f"P{i}"
    give_units_papers(
        campaign=campaign, province=root, department=department, units=units, locality="Hưng Yên"
    )


def _awards(rng, user, rounds, bang_khen, giay_khen, units, nominations, count, tag) -> None:
    awarded = [n for n in nominations if n.state == State.AWARDED and n.award_type_id == bang_khen.pk]
    for i, round_ in enumerate(rounds.values()):
        chosen = [n for n in awarded if n.round_id == round_.pk][
            : max(0, count // len(rounds) + (i == 0) * (count % len(rounds)))
        ]
        if not chosen:
            continue
        _decide(
            user,
            round_,
            bang_khen,
            [
                dict(
                    nomination=n,
                    subject=n.subject,
                    person=n.nominee_person,
                    unit=n.nominee_unit,
                    recipient_name=n.nominee_person.full_name if n.nominee_person else n.nominee_unit.name,
                    recipient_position=n.nominee_person.position if n.nominee_person else "",
                    unit_name=n.proposing_unit.name,
                    search_name=fold(n.nominee_name),
                    bonus_multiple=Decimal("1.0") if n.nominee_person else Decimal("2.0"),
                    bonus_amount=2_340_000 if n.nominee_person else 4_680_000,
                )
                for n in chosen
            ],
            issuer="Ủy ban nhân dân tỉnh Hưng Yên",
            number=f"{100 + i}{tag[-3:]}/QĐ-UBND",
            issued_on=round_.appraisal_deadline,
            signer_name="Trần Quốc Văn",
            signer_title="Chủ tịch",
        )
    for j, unit in enumerate(units[: max(3, len(units) // 10)]):
        round_ = rounds["nam-2025"] if j % 2 else rounds["nam-2026"]
        team = dict(
            subject=Subject.COLLECTIVE,
            unit=unit,
            recipient_name="Tổ công tác 1",
            unit_name=unit.name,
            search_name="to 0",
            bonus_multiple=Decimal("0.6"),
            bonus_amount=1_400_000,
        )
        people = [
            dict(
                subject=Subject.INDIVIDUAL,
                person=p,
                recipient_name=p.full_name,
                recipient_position=p.position,
                unit_name=unit.name,
                search_name=fold(p.full_name),
                bonus_multiple=Decimal("0.3"),
                bonus_amount=700_000,
            )
            for p in unit.people.all()[: 1 + rng.randint(0, 2)]
        ]
        _decide(
            user,
            round_,
            giay_khen,
            [team, *people],
            issuer=unit.name,
            issuing_unit=unit,
            number=f"{j + 1}/QĐ-GK",
            issued_on=round_.closes_on,
            signer_name="Thủ trưởng",
            signer_title="Giám đốc",
        )


def _duties(rng, user, campaign, units, tag) -> None:
    registration, _ = DutyDeadline.objects.get_or_create(
        campaign=campaign,
        kind="registration",
        defaults=dict(code="dang-ky", title="Đăng ký thi đua", due_on=date(2024, 12, 15)),
    )
    reports = [
        DutyDeadline.objects.get_or_create(
            campaign=campaign,
            code=f"bao-cao-{year}",
            defaults=dict(
                kind="report",
                title=f"Báo cáo năm {year}",
                due_on=date(year, 11, 15),
                period_start=date(year, 1, 1),
                period_end=date(year, 11, 15),
            ),
        )[0]
        for year in (2025, 2026)
    ]
    files = dict(
        file_name="reports/sample.pdf",
        original_name="kehoach.pdf",
        size=1000,
        sha256="0" * 64,
        content_type="application/pdf",
    )
    for i, unit in enumerate(units):
        if i % 7 != 6:
            Registration.objects.create(
                campaign=campaign,
                unit=unit,
                commitments="Cam kết thực hiện.",
                registered_at=_datetime(date(2024, 12, 1)),
                registered_by=user,
            )
        if i % 5 != 4:
            UnitPlan.objects.create(
                campaign=campaign,
                unit=unit,
                number=f"{i + 1}/KH",
                issued_on=date(2024, 12, 10),
                submitted_at=_datetime(date(2024, 12, 10)),
                updated_at=_datetime(date(2024, 12, 10)),
                uploaded_by=user,
                **files,
            )
        for deadline in reports:
            late = rng.random() < 0.2
            PeriodicReport.objects.create(
                deadline=deadline,
                unit=unit,
                submitted_at=_datetime(deadline.due_on + timedelta(days=5 if late else -3)),
                updated_at=_datetime(deadline.due_on),
                uploaded_by=user,
                **files,
            )
    del registration


def _practices(rng, user, units, people, suffix, tag) -> None:
    for i, unit in enumerate(units[: max(3, len(units) // 6)]):
        recognised = i % 3 != 2
        name = f"Mô hình “Dân vận khéo” số {i + 1} {suffix}".strip()
        Practice.objects.create(
            kind=Practice.Kind.INITIATIVE if i % 2 else Practice.Kind.MODEL,
            name=name,
            name_key=fold(name),
            search_text=fold(name),
            field=rng.choice(["economy", "culture_society", "defence_security", "political_system"]),
            unit=unit,
            place=unit.name,
            description="Cách làm.",
            results="100% hồ sơ trả đúng hạn.",
            started_on=date(2025, 3, 1) if i % 2 else date(2026, 2, 1),
            state="featured" if i % 4 == 0 and recognised else ("recognised" if recognised else "registered"),
            recognition_number=f"{i + 1}/QĐ-UBND" if recognised else "",
            recognition_date=date(2025, 10, 1) if recognised else None,
            recognition_issuer="UBND tỉnh" if recognised else "",
            recognised_at=_datetime(date(2025, 10, 1)) if recognised else None,
            featured_at=_datetime(date(2025, 10, 2)) if i % 4 == 0 and recognised else None,
            created_by=user,
        )
    for i, unit in enumerate(units[: max(2, len(units) // 10)]):
        answered = i % 2 == 0
        Difficulty.objects.create(
            unit=unit,
            topic=rng.choice(["procedures", "digital", "resources", "emulation"]),
            title=f"Vướng mắc số {i + 1}{suffix}",
            description="Nội dung vướng mắc.",
            state="answered" if answered else "raised",
            answer="Sở Nội vụ đã hướng dẫn đơn vị thực hiện theo quy định." if answered else "",
            answered_at=_datetime(date(2025, 6, 1)) if answered else None,
            raised_at=_datetime(date(2025, 5, 1) if i % 3 else date(2026, 4, 1)),
            created_by=user,
        )
