"""Factories for rounds, criteria, award types and dossiers (other apps' tests may import them)."""

import datetime
from dataclasses import dataclass

import factory
from django.utils import timezone

from campaigns.models import AwardRound, AwardType, Campaign, DocumentType
from criteria.models import Criterion, CriterionSet, Subject
from nominations.models import Nomination, NominationEvent, State

DOCUMENT_TYPES = [
    ("to-trinh", "Tờ trình của đơn vị", 1),
    ("bao-cao-thanh-tich", "Báo cáo thành tích", 2),
    ("bien-ban-hoi-dong", "Biên bản họp Hội đồng thi đua – khen thưởng của đơn vị", 3),
    ("minh-chung", "Tài liệu minh chứng", 4),
]
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


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign
        django_get_or_create = ("number",)

    number = "169/KH-UBND"
    title = "Đẩy mạnh công tác dân vận chính quyền, chính quyền phục vụ người dân và doanh nghiệp"
    issuer = "Ủy ban nhân dân tỉnh Hưng Yên"
    issued_on = datetime.date(2024, 11, 5)
    starts_on = datetime.date(2024, 11, 5)
    ends_on = datetime.date(2026, 12, 31)


class AwardTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardType
        django_get_or_create = ("code",)

    code = "bang-khen-chu-tich"
    name = "Bằng khen của Chủ tịch UBND tỉnh"
    short_name = "Bằng khen"
    level = AwardType.Level.PROVINCE


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

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        state = kwargs.pop("state", State.DRAFT)
        obj = model_class(*args, **kwargs)
        obj.state = state
        obj.save()
        NominationEvent.objects.create(nomination=obj, actor=obj.created_by, action="create", to_state=state)
        return obj


def add_document_row(nomination: Nomination, doc_type: DocumentType, user, name: str = "tai-lieu.pdf"):
    """A document row without a file behind it, for tests of completeness and workflow."""
    from nominations.models import DossierDocument

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
    from nominations.models import CriterionAssessment

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
    from nominations.models import CriterionAssessment

    for criterion in Criterion.objects.filter(
        criterion_set__campaign=nomination.round.campaign, criterion_set__subject=nomination.subject
    ):
        CriterionAssessment.objects.update_or_create(
            nomination=nomination, criterion=criterion, defaults={"appraiser_points": points}
        )
