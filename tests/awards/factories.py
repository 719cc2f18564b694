"""Factories of the awards tests: a campaign round with quotas and dossiers already appraised.

Dossiers are created at APPRAISED directly through the ORM: that is test setup of what the
nominations workflow produced earlier; the awards code under test only moves them on through it.
"""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from campaigns.models import AwardRound, AwardType, Campaign, Person, RoundQuota
from criteria.models import Subject
from nominations.models import Nomination, State
from tests.factories import PersonFactory, UnitFactory

_seq = itertools.count(1)

BANG_KHEN = "bang-khen-chu-tich"
GIAY_KHEN = "giay-khen"


def award_type(code: str = BANG_KHEN) -> AwardType:
    names = {
        BANG_KHEN: ("Bằng khen của Chủ tịch UBND tỉnh", "Bằng khen", AwardType.Level.PROVINCE, 1),
        GIAY_KHEN: ("Giấy khen của Thủ trưởng cơ quan, đơn vị", "Giấy khen", AwardType.Level.UNIT, 2),
    }
    name, short, level, order = names[code]
    return AwardType.objects.get_or_create(
        code=code, defaults={"name": name, "short_name": short, "level": level, "order": order}
    )[0]


def campaign(kind: str = Campaign.Kind.THEMATIC, number: str | None = None) -> Campaign:
    n = next(_seq)
    return Campaign.objects.create(
        number=number or f"{n}/KH-UBND",
        title="Đẩy mạnh công tác dân vận chính quyền",
        kind=kind,
        issuer="Ủy ban nhân dân tỉnh Hưng Yên",
        issued_on=datetime.date(2024, 11, 5),
        starts_on=datetime.date(2024, 11, 5),
        ends_on=datetime.date(2026, 12, 31),
    )


def award_round(*, quota: int = 10, camp: Campaign | None = None, year: int = 2025, **extra) -> AwardRound:
    camp = camp or campaign()
    n = next(_seq)
    fields = dict(
        campaign=camp,
        code=f"nam-{year}-{n}",
        name=f"Khen thưởng năm {year}",
        kind=AwardRound.Kind.ANNUAL,
        year=year,
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31),
        opens_on=datetime.date(year, 11, 1),
        closes_on=datetime.date(year, 11, 30),
        appraisal_deadline=datetime.date(year, 12, 20),
    )
    fields.update(extra)
    round_ = AwardRound.objects.create(**fields)
    if quota is not None:
        RoundQuota.objects.create(round=round_, award_type=award_type(BANG_KHEN), max_count=quota)
    return round_


def appraised(
    round_: AwardRound,
    *,
    created_by,
    score: str | Decimal = "90",
    person: Person | None = None,
    unit=None,
    proposing_unit=None,
    state: str = State.APPRAISED,
    complete_at=None,
    code: str = BANG_KHEN,
) -> Nomination:
    """A dossier as the appraisal left it: APPRAISED with a score (ORM setup, not the workflow)."""
    if unit is None and person is None:
        person = PersonFactory(unit=proposing_unit or UnitFactory())
    subject = Subject.COLLECTIVE if unit is not None else Subject.INDIVIDUAL
    home = unit if unit is not None else person.unit
    nomination = Nomination(
        round=round_,
        award_type=award_type(code),
        subject=subject,
        nominee_unit=unit,
        nominee_person=person,
        proposing_unit=proposing_unit or home,
        summary="Thành tích xuất sắc trong công tác dân vận chính quyền.",
        created_by=created_by,
    )
    nomination.save()
    Nomination.objects.filter(pk=nomination.pk).update(
        state=state,
        score=Decimal(str(score)),
        complete_at=complete_at or timezone.now(),
        concluded_at=timezone.now(),
    )
    nomination.refresh_from_db()
    return nomination


def appraised_many(
    round_: AwardRound, count: int, *, created_by, unit=None, score: str = "80"
) -> list[Nomination]:
    unit = unit or UnitFactory()
    return [
        appraised(round_, created_by=created_by, person=PersonFactory(unit=unit), score=score)
        for _ in range(count)
    ]
