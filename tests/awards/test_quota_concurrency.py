"""The quota holds under concurrent proposals on real PostgreSQL, and the test can see a race.

Twenty threads, each with its own database connection, propose one dossier each at the same
moment against a quota of ten. With the round lock and the numbered slots, exactly ten succeed,
every time. The control run removes both (the lock and the slot rows that the database limits):
then at least one repetition lets more than ten through, which proves the test catches a race.
"""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection

from awards.models import ProposalSlot
from awards.services import proposals
from campaigns.models import AwardRound
from nominations.models import Nomination, State
from tests.factories import appraised_many, award_round

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

THREADS = 20
QUOTA = 10
REPETITIONS = 10


def _race(manager_id: int, round_id: int, nomination_ids: list[int]) -> tuple[int, int, list[str]]:
    """Start one thread per dossier behind a barrier; return (successes, refusals, unexpected errors)."""
    barrier = threading.Barrier(len(nomination_ids))
    lock = threading.Lock()
    outcome = {"ok": 0, "refused": 0, "errors": []}

    def worker(nomination_id: int) -> None:
        try:
            actor = get_user_model().objects.get(pk=manager_id)
            round_ = AwardRound.objects.get(pk=round_id)
            nomination = Nomination.objects.get(pk=nomination_id)
            barrier.wait(timeout=30)
            try:
                proposals.propose(actor=actor, round=round_, nominations=[nomination])
                key = "ok"
            except ValidationError:
                key = "refused"
            with lock:
                outcome[key] += 1
        except Exception as exc:  # anything else is a failure of the test
            with lock:
                outcome["errors"].append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(pk,)) for pk in nomination_ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return outcome["ok"], outcome["refused"], outcome["errors"]


def _setup(cast) -> tuple[int, list[int]]:
    round_ = award_round(quota=QUOTA)
    dossiers = appraised_many(round_, THREADS, created_by=cast.officer_a, unit=cast.unit_a)
    return round_.pk, [d.pk for d in dossiers]


def test_twenty_concurrent_proposals_never_exceed_the_quota(require_postgresql, cast):
    for repetition in range(REPETITIONS):
        round_id, ids = _setup(cast)
        ok, refused, errors = _race(cast.manager.pk, round_id, ids)
        assert errors == [], f"repetition {repetition}: {errors}"
        assert (ok, refused) == (QUOTA, THREADS - QUOTA), f"repetition {repetition}"
        assert Nomination.objects.filter(round_id=round_id, state=State.PROPOSED).count() == QUOTA
        slots = sorted(ProposalSlot.objects.filter(round_id=round_id).values_list("slot", flat=True))
        assert slots == list(range(1, QUOTA + 1))


def test_control_without_the_lock_and_the_slots_lets_the_race_through(require_postgresql, cast, monkeypatch):
    # Remove both guards: the round row is read without FOR UPDATE, and no slot row is written,
    # so the database's unique/check constraints on slots have nothing to hold.
    monkeypatch.setattr(proposals, "lock_round", lambda round_: AwardRound.objects.get(pk=round_.pk))
    monkeypatch.setattr(proposals, "take_slots", lambda **kwargs: {})
    exceeded = []
    for _repetition in range(REPETITIONS):
        round_id, ids = _setup(cast)
        ok, _refused, errors = _race(cast.manager.pk, round_id, ids)
        assert errors == []
        proposed = Nomination.objects.filter(round_id=round_id, state=State.PROPOSED).count()
        assert proposed == ok
        exceeded.append(proposed > QUOTA)
    print("control exceeded per repetition:", exceeded)
    assert any(exceeded), "without the lock the race never showed: the main test could not catch it"
