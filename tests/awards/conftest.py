"""The awards tests need the law's defaults (base salary, multiples, rounding) that a migration seeds.

A transactional test anywhere in the run flushes the tables, seeded rows included: put them back.
"""

import pytest

from awards.defaults import ensure_defaults


@pytest.fixture(autouse=True)
def award_defaults(request):
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    request.getfixturevalue("transactional_db" if marker.kwargs.get("transaction") else "db")
    ensure_defaults()
