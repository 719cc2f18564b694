"""The folded-name search on PostgreSQL: trigram indexes, a query shape that uses them, same order."""

import importlib
from types import SimpleNamespace

import pytest
from django.db import connection
from django.urls import reverse

from campaigns.models import Person, Unit
from campaigns.text import fold
from campaigns.views import directory as views_directory
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("campaigns.migrations.0005_search_name_trigram")


def test_both_trigram_indexes_exist_and_the_search_uses_them(require_postgresql):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(%s)", [list(migration.INDEXES)]
        )
        found = dict(cursor.fetchall())
        assert set(found) == set(migration.INDEXES)
        assert all("gin_trgm_ops" in definition for definition in found.values())
        # Tiny test tables are read sequentially anyway: forbid that to see whether the index fits.
        cursor.execute("SET LOCAL enable_seqscan = off")
        people = Person.objects.filter(search_name__contains=fold("Nguyễn Văn")).order_by()
        assert "campaigns_person_search_name_trgm" in people.explain()
        units = Unit.objects.filter(search_name__contains=fold("Lạc Hồng")).order_by()
        assert "campaigns_unit_search_name_trgm" in units.explain()


def test_the_migration_does_nothing_on_other_databases():
    executed = []
    editor = SimpleNamespace(connection=SimpleNamespace(vendor="sqlite"), execute=executed.append)
    migration.create_indexes(None, editor)
    migration.drop_indexes(None, editor)
    assert executed == []
    editor.connection.vendor = "postgresql"
    migration.create_indexes(None, editor)
    assert executed[0] == "CREATE EXTENSION IF NOT EXISTS pg_trgm" and len(executed) == 3


@pytest.mark.parametrize("limit", [0, 10_000])
def test_a_name_search_lists_the_same_people_in_the_same_order_either_way(
    cast, client_for, monkeypatch, limit
):
    monkeypatch.setattr(views_directory, "SORT_MATCHES_LIMIT", limit)
    monkeypatch.setattr(views_directory, "PAGE_SIZE", 20)
    names = ["Nguyễn Văn Bình", "Nguyễn Văn An", "Nguyễn Thị Cúc", "Nguyễn Văn An", "Trần Văn Dũng"]
    people = [PersonFactory(full_name=name, unit=cast.unit_a) for name in names * 12]
    expected = sorted(
        (p for p in people if "nguyen van" in p.search_name), key=lambda p: (p.search_name, p.pk)
    )
    client = client_for(cast.appraiser)
    listed = []
    for number in (1, 2):
        page = client.get(reverse("campaigns:person_list"), {"q": "Nguyen Van", "page": number}).context[
            "page"
        ]
        assert page.paginator.count == len(expected) == 36
        listed += [p.pk for p in page.object_list]
    assert listed == [p.pk for p in expected]
