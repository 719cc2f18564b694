"""manage.py seed_practices: plausible demo data on seed_demo's units, idempotent, skips without them."""

from io import StringIO

import pytest
from django.core.management import call_command

from devdata.demo.directory import ensure_demo_accounts, seed_directory
from practices.models import Difficulty, DifficultyState, Practice, PracticeEvent, PracticeState

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _run() -> str:
    out = StringIO()
    call_command("seed_practices", stdout=out)
    return out.getvalue()


def test_without_demo_units_it_says_what_to_do_and_writes_nothing():
    assert "Hãy chạy manage.py seed_demo trước" in _run()
    assert not Practice.objects.exists() and not Difficulty.objects.exists()


def test_seeds_practices_in_every_state_and_difficulties_once():
    seed_directory()
    ensure_demo_accounts()
    first = _run()
    assert "7 tạo mới" in first
    states = sorted(Practice.objects.values_list("state", flat=True))
    assert states.count(PracticeState.FEATURED) == 2
    assert states.count(PracticeState.RECOGNISED) == 3
    assert states.count(PracticeState.REGISTERED) == 2
    featured = Practice.objects.get(name="Bộ phận một cửa thân thiện")
    assert featured.unit.code == "X-NHUQUYNH"
    assert list(featured.events.values_list("action", flat=True)) == ["registered", "recognised", "featured"]
    by_person = Practice.objects.get(name="Số hóa hồ sơ hộ tịch")
    assert by_person.person is not None and by_person.person.unit == by_person.unit
    assert sorted(Difficulty.objects.values_list("state", flat=True)) == sorted(
        [DifficultyState.FORWARDED, DifficultyState.ANSWERED, DifficultyState.RAISED]
    )
    counts = (Practice.objects.count(), PracticeEvent.objects.count(), Difficulty.objects.count())
    second = _run()
    assert "0 tạo mới, 7 đã có" in second and "0 tạo mới, 3 đã có" in second
    assert (Practice.objects.count(), PracticeEvent.objects.count(), Difficulty.objects.count()) == counts
