"""Accounts managed in the portal by the head of Ban Thi đua – Khen thưởng."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from campaigns import roles
from campaigns.models import Membership
from campaigns.services.accounts import create_account, set_account_active, update_account
from tests.factories import TEST_PASSWORD, UnitFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


def _new(cast, **overrides):
    data = {
        "username": "canbo_xa",
        "last_name": "Vũ Thị",
        "first_name": "Hoa",
        "email": "",
        "role": roles.UNIT_OFFICER,
        "unit": cast.unit_a_child,
        "password": "Mat-khau-dai-2026",
    }
    return {**data, **overrides}


def test_manager_creates_an_officer_who_then_sees_only_their_unit(cast, client_for):
    user = create_account(actor=cast.manager, **_new(cast))
    assert roles.primary_role(user) == roles.UNIT_OFFICER
    assert Membership.objects.get(user=user).unit == cast.unit_a_child
    client = client_for(user)
    assert client.get(reverse("campaigns:unit_detail", args=[cast.unit_a_child.pk])).status_code == 200
    assert client.get(reverse("campaigns:unit_detail", args=[cast.unit_a.pk])).status_code == 404


@pytest.mark.parametrize("who", ["appraiser", "head_a", "officer_a", "leader", "council"])
def test_only_the_manager_manages_accounts(cast, client_for, who):
    actor = cast.users()[who]
    with pytest.raises(PermissionDenied):
        create_account(actor=actor, **_new(cast))
    with pytest.raises(PermissionDenied):
        set_account_active(actor=actor, user=cast.head_b, active=False)
    assert client_for(actor).get(reverse("campaigns:account_list")).status_code == 403
    response = client_for(actor).post(
        reverse("campaigns:account_set_active", args=[cast.head_b.pk]), {"active": "0"}
    )
    assert response.status_code == 403
    cast.head_b.refresh_from_db()
    assert cast.head_b.is_active and not User.objects.filter(username="canbo_xa").exists()


def test_refusals_in_vietnamese(cast):
    with pytest.raises(ValidationError, match="phải thuộc một đơn vị"):
        create_account(actor=cast.manager, **_new(cast, unit=None))
    dissolved = UnitFactory(code="H-CU", valid_to=dt.date(2025, 6, 30))
    with pytest.raises(ValidationError, match="đã hết hiệu lực"):
        create_account(actor=cast.manager, **_new(cast, unit=dissolved))
    with pytest.raises(ValidationError, match="đã có người dùng"):
        create_account(actor=cast.manager, **_new(cast, username="HEAD_A"))
    with pytest.raises(ValidationError):
        create_account(actor=cast.manager, **_new(cast, password="123"))
    with pytest.raises(ValidationError, match="tự khóa"):
        set_account_active(actor=cast.manager, user=cast.manager, active=False)
    assert not User.objects.filter(username="canbo_xa").exists()


def test_change_role_and_unit_replaces_the_previous_ones(cast):
    update_account(
        actor=cast.manager,
        user=cast.officer_a,
        last_name="Đỗ",
        first_name="Nam",
        email="nam@example.invalid",
        role=roles.UNIT_HEAD,
        unit=cast.unit_b,
    )
    user = User.objects.get(pk=cast.officer_a.pk)
    assert roles.role_names(user) == {roles.UNIT_HEAD}
    assert roles.unit_of(user) == cast.unit_b


def test_deactivated_user_is_signed_out_and_cannot_sign_in(cast, client_for, client):
    signed_in = client_for(cast.head_b)
    assert signed_in.get(reverse("campaigns:unit_list")).status_code == 200
    manager = client_for(cast.manager)
    response = manager.post(reverse("campaigns:account_set_active", args=[cast.head_b.pk]), {"active": "0"})
    assert response.status_code == 302
    assert signed_in.get(reverse("campaigns:unit_list")).status_code == 302  # back to the login page
    response = client.post("/tai-khoan/dang-nhap/", {"username": "head_b", "password": TEST_PASSWORD})
    assert "_auth_user_id" not in client.session
    manager.post(reverse("campaigns:account_set_active", args=[cast.head_b.pk]), {"active": "1"})
    cast.head_b.refresh_from_db()
    assert cast.head_b.is_active


def test_the_create_page_ignores_fields_a_post_must_not_set(cast, client_for):
    response = client_for(cast.manager).post(
        reverse("campaigns:account_create"),
        {
            **{k: v for k, v in _new(cast).items() if k != "unit"},
            "unit": cast.unit_a_child.code,
            "is_superuser": "on",
            "is_staff": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(username="canbo_xa")
    assert not user.is_superuser and not user.is_staff
    listing = client_for(cast.manager).get(reverse("campaigns:account_list")).content.decode()
    assert "canbo_xa" in listing and "UBND xã Lạc Hồng" in listing


def test_the_create_page_shows_the_service_refusal(cast, client_for):
    response = client_for(cast.manager).post(
        reverse("campaigns:account_create"),
        {**{k: v for k, v in _new(cast).items() if k != "unit"}, "unit": ""},
    )
    assert response.status_code == 200
    assert "phải thuộc một đơn vị" in response.content.decode()
