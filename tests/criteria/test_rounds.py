"""Award rounds edited by the manager: services first, then the pages."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from campaigns.models import AwardRound, AwardType, DocumentType
from campaigns.services.rounds import create_round, update_round

pytestmark = pytest.mark.django_db


def values(**changes) -> dict:
    base = {
        "code": "nam-2026-bo-sung",
        "name": "Khen thưởng bổ sung 2026",
        "kind": AwardRound.Kind.ANNUAL,
        "year": 2026,
        "period_start": dt.date(2026, 1, 1),
        "period_end": dt.date(2026, 12, 31),
        "opens_on": dt.date(2026, 12, 1),
        "closes_on": dt.date(2026, 12, 10),
        "appraisal_deadline": dt.date(2026, 12, 28),
        "appraisal_working_days": 10,
        "publication_days": 5,
        "council_pass_ratio": Decimal("0.5"),
    }
    base.update(changes)
    return base


def docs(*codes):
    return list(DocumentType.objects.filter(code__in=codes))


def quotas(n=10):
    return {
        AwardType.objects.get(code="bang-khen-chu-tich"): n,
        AwardType.objects.get(code="giay-khen"): None,
    }


def test_manager_creates_a_round_with_documents_and_quota(plan, cast):
    round_ = create_round(
        actor=cast.manager,
        campaign=plan,
        values=values(),
        required_document_types=docs("to-trinh"),
        quotas=quotas(7),
    )
    assert round_.campaign == plan
    assert list(round_.required_document_types.values_list("code", flat=True)) == ["to-trinh"]
    assert round_.quotas.get().max_count == 7


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"closes_on": dt.date(2026, 11, 30)}, "Hạn nộp hồ sơ phải sau ngày mở nhận hồ sơ"),
        ({"appraisal_deadline": dt.date(2026, 12, 5)}, "Hạn thẩm định phải sau hạn nộp hồ sơ"),
        ({"period_end": dt.date(2025, 12, 31)}, "Kỳ đánh giá phải kết thúc sau ngày bắt đầu"),
        ({"period_end": dt.date(2027, 6, 30)}, "phải nằm trong thời gian của kế hoạch"),
        ({"year": None}, "cần ghi năm"),
        ({"kind": AwardRound.Kind.FINAL}, "không gắn với một năm"),
        ({"council_pass_ratio": Decimal("0.4")}, "quá nửa"),
        ({"appraisal_working_days": 0}, "từ 1 đến 60"),
        ({"code": "nam-2025"}, "đã có trong kế hoạch"),
    ],
)
def test_bad_round_is_refused_with_a_vietnamese_sentence(plan, cast, changes, message):
    before = AwardRound.objects.count()
    with pytest.raises(ValidationError) as info:
        create_round(
            actor=cast.manager,
            campaign=plan,
            values=values(**changes),
            required_document_types=[],
            quotas=quotas(),
        )
    assert any(message in m for m in info.value.messages)
    assert AwardRound.objects.count() == before


def test_province_award_needs_a_quota(plan, cast):
    with pytest.raises(ValidationError, match="cần chỉ tiêu"):
        create_round(
            actor=cast.manager,
            campaign=plan,
            values=values(),
            required_document_types=[],
            quotas={AwardType.objects.get(code="bang-khen-chu-tich"): None},
        )


@pytest.mark.parametrize("who", ["officer_a", "head_a", "appraiser", "leader", "council", "nobody"])
def test_only_the_manager_may_change_rounds(plan, cast, who):
    round_ = plan.rounds.get(code="nam-2026")
    with pytest.raises(PermissionDenied):
        update_round(
            actor=getattr(cast, who),
            round=round_,
            values=values(code="nam-2026", opens_on=dt.date(2026, 10, 1)),
            required_document_types=[],
            quotas=quotas(),
        )
    round_.refresh_from_db()
    assert round_.opens_on == dt.date(2026, 11, 2)


def test_required_documents_are_frozen_once_submissions_started(plan, cast):
    round_ = plan.rounds.get(code="nam-2026")
    AwardRound.objects.filter(pk=round_.pk).update(submissions_started_at=timezone.now())
    keep = list(round_.required_document_types.all())
    with pytest.raises(ValidationError, match="không thể thay đổi danh sách tài liệu bắt buộc"):
        update_round(
            actor=cast.manager,
            round=round_,
            values=values(code="nam-2026"),
            required_document_types=keep[:1],
            quotas=quotas(),
        )
    # Dates may still move (e.g. a later appraisal deadline).
    update_round(
        actor=cast.manager,
        round=round_,
        values=values(code="nam-2026", appraisal_deadline=dt.date(2026, 12, 30)),
        required_document_types=keep,
        quotas=quotas(),
    )
    round_.refresh_from_db()
    assert round_.appraisal_deadline == dt.date(2026, 12, 30)


def _post(round_, **changes):
    data = {
        "code": round_.code,
        "name": round_.name,
        "kind": round_.kind,
        "year": round_.year or "",
        "period_start": round_.period_start.isoformat(),
        "period_end": round_.period_end.isoformat(),
        "opens_on": round_.opens_on.isoformat(),
        "closes_on": round_.closes_on.isoformat(),
        "appraisal_deadline": round_.appraisal_deadline.isoformat(),
        "appraisal_working_days": round_.appraisal_working_days,
        "publication_days": round_.publication_days,
        "council_pass_ratio": "0,5",
        "required_document_types": list(round_.required_document_types.values_list("pk", flat=True)),
        "quota_bang-khen-chu-tich": 10,
        "quota_giay-khen": "",
    }
    data.update(changes)
    return data


def test_round_edit_page_saves_and_ignores_fields_it_does_not_offer(plan, cast, client_for):
    round_ = plan.rounds.get(code="nam-2026")
    url = reverse("campaigns:round_edit", args=[round_.pk])
    response = client_for(cast.manager).post(
        url,
        _post(
            round_,
            closes_on="2026-12-05",
            **{"quota_bang-khen-chu-tich": 12},
            decided_on="2026-12-01",
            submissions_started_at="2026-11-01T00:00",
            campaign=999,
        ),
    )
    assert response.status_code == 302
    round_.refresh_from_db()
    assert round_.closes_on == dt.date(2026, 12, 5)
    assert round_.quotas.get(award_type__code="bang-khen-chu-tich").max_count == 12
    assert round_.decided_on is None and round_.submissions_started_at is None
    assert round_.campaign == plan


def test_round_edit_page_shows_the_service_sentence_and_changes_nothing(plan, cast, client_for):
    round_ = plan.rounds.get(code="nam-2026")
    response = client_for(cast.manager).post(
        reverse("campaigns:round_edit", args=[round_.pk]), _post(round_, closes_on="2026-10-01")
    )
    assert response.status_code == 200
    assert "Hạn nộp hồ sơ phải sau ngày mở nhận hồ sơ" in response.content.decode()
    round_.refresh_from_db()
    assert round_.closes_on == dt.date(2026, 11, 30)


@pytest.mark.parametrize("who", ["officer_a", "head_b", "appraiser", "leader"])
def test_round_pages_are_forbidden_to_others(plan, cast, client_for, who):
    round_ = plan.rounds.get(code="nam-2026")
    client = client_for(getattr(cast, who))
    assert client.get(reverse("campaigns:round_edit", args=[round_.pk])).status_code == 403
    assert (
        client.post(
            reverse("campaigns:round_edit", args=[round_.pk]), _post(round_, closes_on="2026-12-05")
        ).status_code
        == 403
    )
    assert client.get(reverse("campaigns:round_create", args=[plan.pk])).status_code == 403
    round_.refresh_from_db()
    assert round_.closes_on == dt.date(2026, 11, 30)


def test_manager_creates_a_round_in_the_browser_form(plan, cast, client_for):
    url = reverse("campaigns:round_create", args=[plan.pk])
    data = {
        "code": "bo-sung-2026",
        "name": "Đợt bổ sung 2026",
        "kind": "annual",
        "year": 2026,
        "period_start": "2026-01-01",
        "period_end": "2026-12-31",
        "opens_on": "2026-12-01",
        "closes_on": "2026-12-10",
        "appraisal_deadline": "2026-12-20",
        "appraisal_working_days": 10,
        "publication_days": 5,
        "council_pass_ratio": "0,6",
        "quota_bang-khen-chu-tich": 3,
    }
    assert client_for(cast.manager).post(url, data).status_code == 302
    round_ = plan.rounds.get(code="bo-sung-2026")
    assert round_.council_pass_ratio == Decimal("0.6")
    assert round_.quotas.get().max_count == 3
