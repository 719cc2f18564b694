"""The manager edits criteria until a dossier of the campaign is submitted."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from campaigns.models import AwardRound
from criteria.models import Criterion, CriterionSet
from criteria.services import criteria as services

pytestmark = pytest.mark.django_db


def criterion(plan, code="b", subject="collective") -> Criterion:
    return Criterion.objects.get(criterion_set__campaign=plan, criterion_set__subject=subject, code=code)


def edit_values(c: Criterion, **changes) -> dict:
    base = {k: getattr(c, k) for k in services.EDITABLE}
    base.update(changes)
    return base


def freeze(plan):
    AwardRound.objects.filter(campaign=plan, code="nam-2026").update(submissions_started_at=timezone.now())


def test_manager_changes_points_and_evidence(plan, cast):
    c = criterion(plan)
    services.update_criterion(
        actor=cast.manager, criterion=c, values=edit_values(c, max_points=Decimal("12.5"))
    )
    assert criterion(plan).max_points == Decimal("12.5")


def test_a_new_criterion_takes_its_place_in_vietnamese_order(plan, cast):
    individual = CriterionSet.objects.get(campaign=plan, subject="individual")
    services.create_criterion(
        actor=cast.manager,
        criterion_set=individual,
        values={"code": "Đ", "text": "Gương mẫu chấp hành.", "max_points": 5, "evaluation": "appraiser"},
    )
    services.create_criterion(
        actor=cast.manager,
        criterion_set=individual,
        values={"code": "c", "text": "Tham gia tuyên truyền.", "max_points": 5, "evaluation": "appraiser"},
    )
    assert list(individual.criteria.values_list("code", flat=True)) == ["a", "b", "c", "đ"]


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"code": "f"}, "chữ cái tiếng Việt"),
        ({"code": "a"}, "đã có tiêu chí"),
        ({"max_points": Decimal("0")}, "lớn hơn 0"),
        ({"max_points": Decimal("150")}, "không quá 100"),
        ({"text": "   "}, "nội dung tiêu chí"),
        ({"evaluation": "computed", "source": ""}, "cần chọn nguồn"),
        ({"evaluation": "appraiser", "source": "reporting"}, "không chọn nguồn"),
    ],
)
def test_bad_criterion_is_refused(plan, cast, changes, message):
    c = criterion(plan)
    with pytest.raises(ValidationError) as info:
        services.update_criterion(actor=cast.manager, criterion=c, values=edit_values(c, **changes))
    assert any(message in m for m in info.value.messages)
    assert criterion(plan).max_points == Decimal("15") and criterion(plan).code == "b"


@pytest.mark.parametrize("who", ["appraiser", "officer_a", "head_a", "leader", "nobody"])
def test_only_the_manager_edits_criteria(plan, cast, who):
    c = criterion(plan)
    with pytest.raises(PermissionDenied):
        services.update_criterion(actor=getattr(cast, who), criterion=c, values=edit_values(c, max_points=5))
    with pytest.raises(PermissionDenied):
        services.delete_criterion(actor=getattr(cast, who), criterion=c)
    assert criterion(plan).max_points == Decimal("15")


def test_once_a_dossier_is_submitted_criteria_are_frozen(plan, cast):
    freeze(plan)
    c = criterion(plan)
    with pytest.raises(ValidationError, match="đã có hồ sơ nộp"):
        services.update_criterion(actor=cast.manager, criterion=c, values=edit_values(c, max_points=5))
    with pytest.raises(ValidationError, match="không thể sửa tiêu chí"):
        services.delete_criterion(actor=cast.manager, criterion=c)
    with pytest.raises(ValidationError):
        services.create_criterion(
            actor=cast.manager,
            criterion_set=c.criterion_set,
            values={"code": "h", "text": "Mới.", "max_points": 5, "evaluation": "appraiser"},
        )
    assert Criterion.objects.filter(criterion_set=c.criterion_set).count() == 7
    assert criterion(plan).max_points == Decimal("15")


def test_criteria_pages(plan, cast, client_for):
    c = criterion(plan)
    manager = client_for(cast.manager)
    assert manager.get(reverse("criteria:criteria_list", args=[plan.pk])).status_code == 200
    data = edit_values(c, max_points="12,5", criterion_set=999, sort_key=1)
    response = manager.post(reverse("criteria:criterion_edit", args=[c.pk]), data)
    assert response.status_code == 302
    c.refresh_from_db()
    assert c.max_points == Decimal("12.5") and c.criterion_set.campaign == plan and c.code == "b"
    officer = client_for(cast.officer_a)
    assert officer.get(reverse("criteria:criterion_edit", args=[c.pk])).status_code == 403
    assert officer.post(reverse("criteria:criterion_delete", args=[c.pk])).status_code == 403
    assert Criterion.objects.filter(pk=c.pk).exists()


def test_frozen_criteria_page_explains_and_refuses(plan, cast, client_for):
    freeze(plan)
    c = criterion(plan)
    manager = client_for(cast.manager)
    html = manager.get(reverse("criteria:criteria_list", args=[plan.pk])).content.decode()
    assert "không thể sửa tiêu chí nữa" in html
    response = manager.post(reverse("criteria:criterion_edit", args=[c.pk]), edit_values(c, max_points="5"))
    assert response.status_code == 200 and "không thể sửa tiêu chí nữa" in response.content.decode()
    c.refresh_from_db()
    assert c.max_points == Decimal("15")
