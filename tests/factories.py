"""The factories of every test: units, people and users; campaigns, rounds and award types; dossiers.

Dossiers are made in any state directly through the ORM (NominationFactory(state=…), appraised()): that
is test setup of what the nominations workflow produced earlier, recorded with a "create" event; the
code under test moves them on through its services.
"""

import datetime
import itertools
from dataclasses import dataclass
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from campaigns.models import (
    AwardRound,
    AwardType,
    Campaign,
    DocumentType,
    Membership,
    Person,
    RoundQuota,
    Unit,
)
from criteria.models import Criterion, CriterionSet, Subject
from documents.models import Official
from nominations.models import CriterionAssessment, DossierDocument, Nomination, NominationEvent, State

TEST_PASSWORD = "Mat-khau-thu-nghiem-2026"

# --- Units, people, users -------------------------------------------------------------------


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"DV{n:04d}")
    name = factory.Sequence(lambda n: f"Đơn vị thử nghiệm số {n}")
    kind = Unit.Kind.COMMUNE
    # What its papers print (documents.issuers): People's Committees number as UBND, others by their code.
    abbreviation = factory.LazyAttribute(
        lambda u: "UBND" if u.kind in (Unit.Kind.PROVINCE, Unit.Kind.DISTRICT, Unit.Kind.COMMUNE) else u.code
    )


class OfficialFactory(factory.django.DjangoModelFactory):
    """A unit's default signer since 2024."""

    class Meta:
        model = Official

    unit = factory.SubFactory(UnitFactory)
    full_name = factory.Sequence(lambda n: f"Trần Văn Ký {n}")
    title = "Chủ tịch"
    valid_from = datetime.date(2024, 1, 1)
    is_default = True


def deputy(unit, name: str, title: str, on_behalf_of: str, **fields) -> Official:
    """An official of `unit`'s register who signs for its head, not the default: "KT." unless told."""
    fields.setdefault("authority", Official.Authority.DEPUTY)
    return OfficialFactory(
        unit=unit, full_name=name, title=title, on_behalf_of=on_behalf_of, is_default=False, **fields
    )


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    gender = Person.Gender.MALE
    unit = factory.SubFactory(UnitFactory)
    category = Person.Category.CONG_CHUC
    position = "Chuyên viên"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.invalid")
    first_name = "Thử"
    last_name = "Nguyễn Văn"

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or TEST_PASSWORD)
        if create:
            self.save(update_fields=["password"])


def make_user(username: str, role: str | None = None, unit: Unit | None = None):
    """A user with an optional role (group name) and unit."""
    user = UserFactory(username=username)
    if role:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    if unit is not None:
        Membership.objects.update_or_create(user=user, defaults={"unit": unit})
    return user


# --- Campaigns, award types, document types, rounds -----------------------------------------

_seq = itertools.count(1)

BANG_KHEN = "bang-khen-chu-tich"
GIAY_KHEN = "giay-khen"
AWARD_TYPES = {
    BANG_KHEN: {
        "name": "Bằng khen của Chủ tịch UBND tỉnh",
        "short_name": "Bằng khen",
        "level": AwardType.Level.PROVINCE,
        "order": 1,
        "statistics_column": AwardType.StatisticsColumn.BANG_KHEN,
    },
    GIAY_KHEN: {
        "name": "Giấy khen của Thủ trưởng cơ quan, đơn vị",
        "short_name": "Giấy khen",
        "level": AwardType.Level.UNIT,
        "order": 2,
    },
}


class CampaignFactory(factory.django.DjangoModelFactory):
    """Kế hoạch 169 (one row however often it is asked for); pass number=… for another campaign."""

    class Meta:
        model = Campaign
        django_get_or_create = ("number",)

    number = "169/KH-UBND"
    title = "Đẩy mạnh công tác dân vận chính quyền, chính quyền phục vụ người dân và doanh nghiệp"
    issuer = "Ủy ban nhân dân tỉnh Hưng Yên"
    issued_on = datetime.date(2024, 11, 5)
    starts_on = datetime.date(2024, 11, 5)
    ends_on = datetime.date(2026, 12, 31)
    # The cast's province decides, its Sở Nội vụ appraises (the same rows as the cast's, by code).
    deciding_unit = factory.SubFactory(
        UnitFactory,
        code="T-HY",
        name="Ủy ban nhân dân tỉnh Hưng Yên",
        kind=Unit.Kind.PROVINCE,
        locality="Hưng Yên",
    )
    appraising_unit = factory.SubFactory(
        UnitFactory,
        code="T-SNV",
        name="Sở Nội vụ",
        kind=Unit.Kind.PROVINCIAL_AGENCY,
        parent=factory.SelfAttribute("..deciding_unit"),
    )


def campaign(kind: str = Campaign.Kind.THEMATIC, number: str | None = None) -> Campaign:
    """A new campaign with a number of its own."""
    return CampaignFactory(number=number or f"{next(_seq)}/KH-UBND", kind=kind)


class AwardTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardType
        django_get_or_create = ("code",)

    code = BANG_KHEN
    name = AWARD_TYPES[BANG_KHEN]["name"]
    short_name = AWARD_TYPES[BANG_KHEN]["short_name"]
    level = AWARD_TYPES[BANG_KHEN]["level"]
    order = AWARD_TYPES[BANG_KHEN]["order"]


def award_type(code: str = BANG_KHEN) -> AwardType:
    """Bằng khen của Chủ tịch UBND tỉnh or Giấy khen, by code."""
    return AwardTypeFactory(code=code, **AWARD_TYPES[code])


DOCUMENT_TYPES = [
    ("to-trinh", "Tờ trình của đơn vị", 1),
    ("bao-cao-thanh-tich", "Báo cáo thành tích", 2),
    ("bien-ban-hoi-dong", "Biên bản họp Hội đồng thi đua – khen thưởng của đơn vị", 3),
    ("minh-chung", "Tài liệu minh chứng", 4),
]


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentType
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"loai-{n}")
    name = factory.Sequence(lambda n: f"Loại tài liệu {n}")


def document_types() -> dict[str, DocumentType]:
    return {
        code: DocumentTypeFactory(code=code, name=name, order=order) for code, name, order in DOCUMENT_TYPES
    }


class AwardRoundFactory(factory.django.DjangoModelFactory):
    """A round open today (window from 30 days ago to 30 days ahead)."""

    class Meta:
        model = AwardRound
        django_get_or_create = ("campaign", "code")

    campaign = factory.SubFactory(CampaignFactory)
    code = "nam-2026"
    name = "Khen thưởng năm 2026"
    kind = AwardRound.Kind.ANNUAL
    year = 2026
    period_start = datetime.date(2026, 1, 1)
    period_end = datetime.date(2026, 12, 31)
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    appraisal_deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))


def award_round(*, quota: int = 10, camp: Campaign | None = None, year: int = 2025, **extra) -> AwardRound:
    """A new annual round of `year` (window in November), with a Bằng khen quota unless quota=None."""
    fields = {
        "campaign": camp or campaign(),
        "code": f"nam-{year}-{next(_seq)}",
        "name": f"Khen thưởng năm {year}",
        "kind": AwardRound.Kind.ANNUAL,
        "year": year,
        "period_start": datetime.date(year, 1, 1),
        "period_end": datetime.date(year, 12, 31),
        "opens_on": datetime.date(year, 11, 1),
        "closes_on": datetime.date(year, 11, 30),
        "appraisal_deadline": datetime.date(year, 12, 20),
    }
    round_ = AwardRoundFactory(**(fields | extra))
    if quota is not None:
        RoundQuota.objects.create(round=round_, award_type=award_type(BANG_KHEN), max_count=quota)
    return round_


# --- Criteria -------------------------------------------------------------------------------

COLLECTIVE_CRITERIA = [
    ("a", "Ban hành kế hoạch phát động phong trào thi đua", "computed", "own_plan"),
    ("b", "Lãnh đạo, chỉ đạo, tham mưu tốt công tác dân vận chính quyền", "appraiser", ""),
    ("c", "Tuyên truyền về dân vận chính quyền đa dạng, hiệu quả", "appraiser", ""),
    ("d", "Xếp hạng cao hoặc tiến bộ vượt bậc về dân vận chính quyền", "computed", "dvcq_ranking"),
    ("đ", "Quản lý, sử dụng kinh phí hiệu quả, đúng quy định", "appraiser", ""),
    ("e", "Nghiên cứu, kịp thời đề xuất văn bản", "appraiser", ""),
    ("g", "Thực hiện chế độ thông tin báo cáo đầy đủ, đúng hạn", "computed", "reporting"),
]
INDIVIDUAL_CRITERIA = [
    ("a", "Hoàn thành xuất sắc các nội dung thi đua", "appraiser", ""),
    ("b", "Có giải pháp, sáng kiến, cách làm mới được nhân rộng", "appraiser", ""),
]


def criterion_sets(campaign: Campaign) -> dict[str, CriterionSet]:
    """The plan-169 criteria: collectives a–g (a, d, g computed), individuals a–b."""
    sets = {}
    for subject, rows in (
        (Subject.COLLECTIVE, COLLECTIVE_CRITERIA),
        (Subject.INDIVIDUAL, INDIVIDUAL_CRITERIA),
    ):
        cs, _ = CriterionSet.objects.get_or_create(
            campaign=campaign, subject=subject, defaults={"title": f"Tiêu chí {subject}"}
        )
        for code, text, evaluation, source in rows:
            Criterion.objects.get_or_create(
                criterion_set=cs,
                code=code,
                defaults={"text": text, "evaluation": evaluation, "source": source, "max_points": 10},
            )
        sets[subject] = cs
    return sets


@dataclass
class Setup:
    round: AwardRound
    award_type: AwardType
    doc_types: dict[str, DocumentType]
    sets: dict[str, CriterionSet]

    def dossier(self, **fields) -> Nomination:
        """A dossier (NominationFactory) in this round and award type."""
        return NominationFactory(round=self.round, award_type=self.award_type, **fields)


def round_setup(**round_kwargs) -> Setup:
    """An open round requiring tờ trình, báo cáo thành tích and biên bản, with plan-169 criteria."""
    doc_types = document_types()
    round_ = AwardRoundFactory(**round_kwargs)
    round_.required_document_types.set(
        [doc_types["to-trinh"], doc_types["bao-cao-thanh-tich"], doc_types["bien-ban-hoi-dong"]]
    )
    return Setup(
        round=round_, award_type=AwardTypeFactory(), doc_types=doc_types, sets=criterion_sets(round_.campaign)
    )


# --- Dossiers -------------------------------------------------------------------------------


class NominationFactory(factory.django.DjangoModelFactory):
    """A draft for a collective; pass state=… to start elsewhere (tests only: the app uses workflow)."""

    class Meta:
        model = Nomination

    round = factory.SubFactory(AwardRoundFactory)
    award_type = factory.SubFactory(AwardTypeFactory)
    subject = Subject.COLLECTIVE
    nominee_unit = None
    nominee_person = None
    proposing_unit = factory.LazyAttribute(lambda n: n.nominee_unit or n.nominee_person.unit)
    summary = "Hoàn thành xuất sắc nhiệm vụ dân vận chính quyền năm 2026."
    created_by = None
    state = State.DRAFT

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        obj = model_class.objects.create(*args, **kwargs)
        NominationEvent.objects.create(
            nomination=obj, actor=obj.created_by, action="create", to_state=obj.state
        )
        return obj


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
    """A dossier as the appraisal left it: APPRAISED with a score."""
    if unit is None and person is None:
        person = PersonFactory(unit=proposing_unit or UnitFactory())
    home = unit if unit is not None else person.unit
    nomination = NominationFactory(
        round=round_,
        award_type=award_type(code),
        subject=Subject.COLLECTIVE if unit is not None else Subject.INDIVIDUAL,
        nominee_unit=unit,
        nominee_person=person,
        proposing_unit=proposing_unit or home,
        summary="Thành tích xuất sắc trong công tác dân vận chính quyền.",
        created_by=created_by,
        state=state,
        score=Decimal(str(score)),
        complete_at=complete_at or timezone.now(),
        concluded_at=timezone.now(),
    )
    nomination.refresh_from_db()  # the score as the database stores it (90.00)
    return nomination


def appraised_many(
    round_: AwardRound, count: int, *, created_by, unit=None, score: str = "80"
) -> list[Nomination]:
    unit = unit or UnitFactory()
    return [
        appraised(round_, created_by=created_by, person=PersonFactory(unit=unit), score=score)
        for _ in range(count)
    ]


def add_document_row(nomination: Nomination, doc_type: DocumentType, user, name: str = "tai-lieu.pdf"):
    """A document row without a file behind it, for tests of completeness and workflow."""
    return DossierDocument.objects.create(
        nomination=nomination,
        document_type=doc_type,
        storage_name=f"dossiers/test/{doc_type.code}.pdf",
        original_name=name,
        kind="pdf",
        content_type="application/pdf",
        size=10,
        sha256="0" * 64,
        uploaded_by=user,
    )


def make_complete(nomination: Nomination, setup: Setup, user) -> Nomination:
    """Give a dossier its required documents and a self-assessment of every appraiser criterion."""
    for doc_type in setup.round.required_document_types.all():
        add_document_row(nomination, doc_type, user)
    for criterion in setup.sets[nomination.subject].criteria.all():
        if criterion.evaluation == "appraiser":
            CriterionAssessment.objects.update_or_create(
                nomination=nomination,
                criterion=criterion,
                defaults={"self_met": True, "self_points": 8, "evidence": "Có kế hoạch, báo cáo kèm theo."},
            )
    return nomination


def score_all(nomination: Nomination, points=8) -> None:
    for criterion in Criterion.objects.filter(
        criterion_set__campaign=nomination.round.campaign, criterion_set__subject=nomination.subject
    ):
        CriterionAssessment.objects.update_or_create(
            nomination=nomination, criterion=criterion, defaults={"appraiser_points": points}
        )
