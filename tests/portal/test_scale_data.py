"""Province-scale data (generate_scale_data) and the bench plan (bench_plan) on the small size.

The small data is generated once for the module (the `small` fixture); each test rolls back its own changes.
Not autouse: pytest-django runs the tests without a database last, after transactional tests emptied it.
"""

import contextlib
import hashlib
import io
import json
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from pypdf import PdfReader

from awards.models import Award, CouncilResult, Decision, ProposalSlot
from campaigns.files import PDF, check_upload
from campaigns.imports import import_people
from campaigns.models import AwardRound, Person, RoundQuota, Unit
from criteria.models import Criterion
from devdata.management.commands.bench_plan import pages, write_people_workbook
from devdata.scale.data import BENCH_USERS, SIZES, tiny_pdf, unit_codes
from nominations.models import (
    CONCLUDED_STATES,
    CriterionAssessment,
    DossierDocument,
    Nomination,
    NominationEvent,
    State,
)
from practices.models import Practice

SEED = 3


class Rollback(Exception):
    pass


def generate(seed: int = SEED, size: str = "small") -> str:
    out = io.StringIO()
    call_command("generate_scale_data", "--seed", str(seed), "--size", size, stdout=out)
    return out.getvalue()


@dataclass
class Small:
    output: str  # what the run that made the module's data said
    first: dict  # the snapshot of an earlier run with the same seed on the same empty database
    units_after_rollback: int  # what that earlier run left once rolled back


@pytest.fixture(scope="module")
def small(module_db) -> Small:
    """generate_scale_data --size small, once for the module, after a first run rolled back."""
    with module_db.unblock():
        with contextlib.suppress(Rollback), transaction.atomic():
            generate()
            first = snapshot()
            raise Rollback
        units_after_rollback = Unit.objects.count()
        return Small(output=generate(), first=first, units_after_rollback=units_after_rollback)


def snapshot() -> dict:
    """What two runs with the same seed must share: counts, names, states, scores, files' contents."""
    return {
        "units": sorted(Unit.objects.values_list("code", "name", "kind")),
        "people": sorted(
            Person.objects.values_list("full_name", "date_of_birth", "unit__code", "personal_id")
        ),
        "dossiers": sorted(
            Nomination.objects.values_list(
                "round__code", "state", "nominee_unit__code", "nominee_person__full_name", "score"
            ),
            key=str,
        ),
        "events": sorted(NominationEvent.objects.values_list("action", "to_state", "at"), key=str),
        "documents": sorted(DossierDocument.objects.values_list("original_name", "sha256")),
        "awards": sorted(Award.objects.values_list("recipient_name", "decision__number", "bonus_amount")),
        "practices": sorted(Practice.objects.values_list("name", "state")),
    }


@pytest.mark.unit
def test_tiny_pdf_is_a_real_pdf_the_upload_check_accepts():
    data = tiny_pdf("Báo cáo thành tích", "Hồ sơ HS-00042 (a)")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    assert "Bao cao thanh tich" in reader.pages[0].extract_text()
    checked = check_upload(SimpleUploadedFile("bao-cao.pdf", data))
    assert checked.kind == PDF


@pytest.mark.integration
@pytest.mark.django_db
def test_same_seed_gives_the_same_data_and_a_rerun_adds_nothing(small):
    first = small.first
    assert small.units_after_rollback == 0
    assert "Đã tạo" in small.output
    assert snapshot() == first
    spec = SIZES["small"]
    assert Unit.objects.filter(code__startswith=f"SC{SEED}-").count() == len(unit_codes(SEED, spec))
    assert Person.objects.count() == spec.people
    assert Nomination.objects.count() == spec.dossiers_2025 + spec.dossiers_2026

    again = generate()
    assert "Đã có sẵn" in again
    assert snapshot() == first  # no duplicates, nothing changed


@pytest.mark.integration
@pytest.mark.django_db
def test_small_data_follows_the_workflow_in_every_state(small):
    states = Counter(Nomination.objects.values_list("state", flat=True))
    assert set(states) == set(State.values), f"missing states: {set(State.values) - set(states)}"

    # Each dossier's history ends in its state and starts with its creation; never a gap in the chain.
    events = {}
    for e in NominationEvent.objects.order_by("at", "pk"):
        events.setdefault(e.nomination_id, []).append(e)
    for n in Nomination.objects.all():
        chain = events[n.pk]
        assert chain[0].action == "create" and chain[-1].to_state == n.state
        assert all(a.to_state == b.from_state for a, b in zip(chain, chain[1:], strict=False))
        assert [e.at for e in chain] == sorted(e.at for e in chain)

    # Concluded dossiers have every criterion scored and the score is their total.
    for n in Nomination.objects.filter(state__in=CONCLUDED_STATES):
        criteria = Criterion.objects.filter(criterion_set__subject=n.subject).count()
        points = list(
            CriterionAssessment.objects.filter(nomination=n).values_list("appraiser_points", flat=True)
        )
        assert len(points) == criteria and None not in points
        assert n.score == sum(points, Decimal(0))

    # Submitted dossiers are complete: the round's required documents are there, as real files.
    for n in Nomination.objects.exclude(state__in=[State.DRAFT]).exclude(submitted_at=None)[:10]:
        required = set(n.round.required_document_types.values_list("pk", flat=True))
        assert required <= set(n.documents.values_list("document_type_id", flat=True))
    for doc in DossierDocument.objects.all()[:20]:
        with default_storage.open(doc.storage_name) as handle:
            data = handle.read()
        assert data.startswith(b"%PDF-") and hashlib.sha256(data).hexdigest() == doc.sha256

    # Proposals and awards stay within the round's quota; the decided round went through the council.
    for quota in RoundQuota.objects.all():
        slots = ProposalSlot.objects.filter(round=quota.round, award_type=quota.award_type)
        assert slots.count() <= quota.max_count
    decided = AwardRound.objects.get(code="nam-2025")
    assert decided.decided_on is not None
    awarded = Nomination.objects.filter(round=decided, state=State.AWARDED)
    assert set(awarded.values_list("pk", flat=True)) == set(
        CouncilResult.objects.filter(passed=True).values_list("nomination_id", flat=True)
    )
    assert Award.objects.filter(nomination__in=awarded).count() == awarded.count()
    assert Award.objects.count() == awarded.count() + SIZES["small"].unit_awards
    assert not Award.objects.filter(bonus_amount=0).exists()
    assert Decision.objects.filter(issuing_unit__isnull=False).exists()


@pytest.mark.integration
@pytest.mark.django_db
def test_another_seed_in_the_same_database_is_refused_and_writes_nothing(small):
    before = snapshot()
    with pytest.raises(CommandError, match="seed khác"):
        generate(seed=SEED + 1)
    with pytest.raises(CommandError, match="cỡ khác"):
        generate(size="full")
    assert snapshot() == before


@pytest.mark.integration
@pytest.mark.django_db
def test_bench_plan_pages_answer_200_for_their_users(small, client_for):
    from django.contrib.auth import get_user_model

    out = io.StringIO()
    call_command("bench_plan", stdout=out)
    plan = json.loads(out.getvalue().strip().splitlines()[-1])
    assert {p["name"] for p in plan["pages"]} == {p["name"] for p in pages()}
    assert plan["report_command"][:2] == ["build_report", "final"]
    assert plan["import_command"][0] == "import_people"
    users = {u.username: u for u in get_user_model().objects.filter(username__in=BENCH_USERS.values())}
    assert set(users) == set(BENCH_USERS.values())
    assert all(u.check_password(plan["password"]) for u in users.values())
    for page in plan["pages"]:
        response = client_for(users.get(page["user"])).get(page["url"])
        assert response.status_code == 200, page

    out = io.StringIO()
    call_command("bench_plan", "--count-queries", stdout=out)
    counts = json.loads(out.getvalue().strip().splitlines()[-1])
    assert set(counts) == {p["name"] for p in plan["pages"]}
    assert all(isinstance(n, int) and n > 0 for n in counts.values())


@pytest.mark.integration
@pytest.mark.django_db
def test_the_people_workbook_imports_cleanly_into_the_small_data(small, tmp_path):
    path = tmp_path / "people.xlsx"
    write_people_workbook(path, SEED, rows=400)
    before = Person.objects.count()
    result = import_people(path.read_bytes(), path.name, dry_run=False)
    assert result.ok, result.errors[:3]
    assert result.created == 400
    assert Person.objects.count() == before + 400
