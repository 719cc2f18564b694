"""The signed-in user of a request: its unit and unread count in one query, its roles in one more."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns import roles
from campaigns.models import Membership
from nominations.models import Notification
from nominations.services.notifications import unread_count
from portal.auth_backends import PortalModelBackend

pytestmark = pytest.mark.django_db


def test_two_queries_give_the_user_its_roles_unit_and_unread_count(cast):
    Notification.objects.create(user=cast.head_a, kind=Notification.Kind.ARRIVED, message="Có hồ sơ mới")
    with CaptureQueriesContext(connection) as queries:
        user = PortalModelBackend().get_user(cast.head_a.pk)
        assert roles.role_names(user) == {roles.UNIT_HEAD}
        assert roles.unit_of(user) == cast.unit_a
        assert unread_count(user) == 1
    assert len(queries) == 2


def test_a_user_without_a_unit_or_a_role_loads_with_neither(cast):
    user = PortalModelBackend().get_user(cast.nobody.pk)
    assert roles.role_names(user) == set() and roles.unit_of(user) is None


def test_inactive_or_missing_users_are_not_signed_in(cast):
    cast.head_b.is_active = False
    cast.head_b.save(update_fields=["is_active"])
    assert PortalModelBackend().get_user(cast.head_b.pk) is None
    assert PortalModelBackend().get_user(10**9) is None


def test_a_role_taken_away_counts_on_the_very_next_request(cast, client_for):
    client = client_for(cast.appraiser)
    assert client.get(reverse("nominations:queue")).status_code == 200
    cast.appraiser.groups.remove(Group.objects.get(name=roles.NOIVU_STAFF))
    assert client.get(reverse("nominations:queue")).status_code == 403


def test_a_unit_changed_counts_on_the_very_next_request(cast, client_for):
    client = client_for(cast.officer_a)
    assert cast.unit_a.name in client.get(reverse("home")).content.decode()
    Membership.objects.filter(user=cast.officer_a).update(unit=cast.unit_b)
    page = client.get(reverse("home")).content.decode()
    assert cast.unit_b.name in page and cast.unit_a.name not in page
