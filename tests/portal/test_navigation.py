"""The navigation bar: what a user may open, worked out once per role set and unit."""

import pytest
from django.urls import reverse

from campaigns import roles
from portal import navigation
from tests.factories import make_user


def _labels(entries) -> list[str]:
    return [str(e["label"]) for e in entries]


@pytest.mark.django_db
def test_each_role_sees_what_its_permissions_open(cast):
    staff = _labels(navigation.entries_for(cast.appraiser))
    officer = _labels(navigation.entries_for(cast.officer_a))
    assert "Thẩm định" in staff and "Thẩm định" not in officer
    assert "Hồ sơ của đơn vị" in officer and "Hồ sơ của đơn vị" not in staff
    urls = [e["url"] for e in navigation.entries_for(cast.appraiser)]
    assert reverse("nominations:queue") in urls


@pytest.mark.django_db
def test_a_second_user_with_the_same_roles_and_unit_reuses_the_list(cast, monkeypatch):
    navigation._VISIBLE.clear()
    first = navigation.entries_for(cast.officer_a)
    twin = make_user("officer_a_twin", roles.UNIT_OFFICER, cast.unit_a)
    checked = []
    monkeypatch.setattr(type(twin), "has_perm", lambda self, perm, obj=None: checked.append(perm) or True)
    assert navigation.entries_for(twin) == first
    assert checked == []
    # Another unit is another key: its permissions are checked afresh.
    other = make_user("officer_b_twin", roles.UNIT_OFFICER, cast.unit_b)
    navigation.entries_for(other)
    assert len(checked) == len(navigation.ENTRIES)


@pytest.mark.django_db
def test_a_role_taken_away_changes_the_list(cast):
    navigation._VISIBLE.clear()
    assert "Thẩm định" in _labels(navigation.entries_for(cast.appraiser))
    cast.appraiser.groups.clear()
    cast.appraiser._portal_roles = None
    assert "Thẩm định" not in _labels(navigation.entries_for(cast.appraiser))


@pytest.mark.unit
def test_every_entry_names_a_url_that_exists():
    for entry in navigation.ENTRIES:
        reverse(entry.url_name)  # NoReverseMatch here is a renamed URL: fix the entry
