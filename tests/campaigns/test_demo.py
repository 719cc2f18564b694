"""seed_demo: a plausible Hưng Yên, deterministic and idempotent."""

import datetime as dt

import pytest
from django.core.management import call_command

from campaigns import roles
from campaigns.models import Cluster, Membership, Person, Unit
from devdata.demo.directory import DEMO_UNIT_CODE

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def demo(module_db):
    """seed_demo, run once for the module's tests."""
    with module_db.unblock():
        call_command("seed_demo")


def _snapshot():
    return {
        "units": sorted(
            Unit.objects.values_list(
                "pk", "code", "name", "parent__code", "path", "cluster__code", "valid_to"
            )
        ),
        "successors": sorted(Unit.successors.through.objects.values_list("from_unit__code", "to_unit__code")),
        "clusters": sorted(Cluster.objects.values_list("code", "leader_unit__code", "deputy_unit__code")),
        "people": sorted(
            Person.objects.values_list(
                "pk", "full_name", "date_of_birth", "unit__code", "personal_id", "category"
            )
        ),
        "memberships": sorted(Membership.objects.values_list("user__username", "unit__code")),
    }


def test_seed_demo_twice_gives_the_same_rows():
    first = _snapshot()
    call_command("seed_demo")
    assert _snapshot() == first
    assert 200 <= len(first["people"]) <= 600
    assert Person.objects.filter(is_demo=False).count() == 0
    assert Person.objects.exclude(personal_id=None).count() >= 50


def test_seed_demo_builds_the_reorganised_province():
    districts = Unit.objects.filter(kind=Unit.Kind.DISTRICT)
    assert districts.count() == 10
    assert set(districts.values_list("valid_to", flat=True)) == {dt.date(2025, 6, 30)}
    van_lam = Unit.objects.get(code="H-VANLAM")
    assert van_lam.is_dissolved and van_lam.children.filter(kind=Unit.Kind.COMMUNE).count() >= 2
    nhu_quynh = Unit.objects.get(code=DEMO_UNIT_CODE)
    assert nhu_quynh.is_active and nhu_quynh.valid_from == dt.date(2025, 7, 1)
    assert van_lam in Unit.objects.lineage_of(nhu_quynh)
    assert Unit.objects.get(code="SNV").kind == Unit.Kind.PROVINCIAL_AGENCY
    assert Unit.objects.filter(parent__code="SNV", kind=Unit.Kind.DIVISION).exists()
    for cluster in Cluster.objects.all():
        assert cluster.leader_unit and cluster.deputy_unit and cluster.leader_unit != cluster.deputy_unit
    # The demo unit accounts belong to an active unit, and see only its tree.
    for username, role in (("thutruong", roles.UNIT_HEAD), ("canbo", roles.UNIT_OFFICER)):
        membership = Membership.objects.select_related("user", "unit").get(user__username=username)
        assert membership.unit.code == DEMO_UNIT_CODE and roles.has_role(membership.user, role)
    assert Membership.objects.get(user__username="chuyenvien").unit.code == "SNV"
