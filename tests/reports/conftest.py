"""Fixtures of the reports tests: a small synthetic campaign, jobs, PDF text extraction."""

import io
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from campaigns.models import CampaignSection
from criteria.plan_loader import load_criteria_and_contents
from devdata.sample_report import build_sample
from reports import jobs as building
from reports.models import ReportJob


@pytest.fixture
def sample(cast):
    """Plan-169-like data: 12 units under the province, 40 dossiers, rankings, awards, practices."""
    return build_sample(units=12, dossiers=40, awards=6)


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def make_job(user, campaign, **fields) -> ReportJob:
    """A job row as request_report writes it, without sending a task."""
    kind = fields.pop("kind", "annual")
    fmt = fields.pop("format", "pdf")
    year = fields.pop("year", 2025 if kind == "annual" else None)
    series = f"{kind}:{campaign.pk}:{year or ''}:{fields.get('round').pk if fields.get('round') else ''}:" + (
        f"{fields['unit'].pk}:{fmt}" if fields.get("unit") else f":{fmt}"
    )
    version = ReportJob.objects.filter(series=series).count() + 1
    return ReportJob.objects.create(
        kind=kind,
        format=fmt,
        campaign=campaign,
        year=year,
        requested_by=user,
        series=series,
        version=version,
        parameters=fields.pop("parameters", {}),
        **fields,
    )


def hold(job: ReportJob, owner: str, **lease) -> ReportJob:
    """The job as a worker `owner` holds it: claimed through reports.jobs (the state's one writer), then
    its lease fields (heartbeat_at, attempts, progress) set as the test needs; they are not its state."""
    building.claim(job.pk, owner)
    if lease:
        ReportJob.objects.filter(pk=job.pk).update(**lease)
    job.refresh_from_db()
    return job


def fail_job(job: ReportJob, error: str, **lease) -> ReportJob:
    """The job as a worker leaves it when it fails: claimed, then failed through reports.jobs."""
    building.claim(job.pk, "test-worker:1")
    building.fail(job.pk, error)
    if lease:
        ReportJob.objects.filter(pk=job.pk).update(**lease)
    job.refresh_from_db()
    return job


PLAN = Path(__file__).resolve().parents[2] / "plans" / "169-KH-UBND.yaml"


def give_contents(campaign) -> int:
    """The campaign's contents as plan 169 has them (its six contents, with their criteria) and its section
    `noi-dung-thi-dua` (the plan's words); their number."""
    plan = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    if not campaign.contents.exists():
        load_criteria_and_contents(campaign, plan)
    section = next(s for s in plan["sections"] if s["key"] == "noi-dung-thi-dua")
    CampaignSection.objects.update_or_create(
        campaign=campaign,
        key=section["key"],
        defaults={"order": 3, "heading": section["heading"], "body": section["body"]},
    )
    return sum(1 for p in section["body"].split("\n\n") if p[:1].isdigit())
