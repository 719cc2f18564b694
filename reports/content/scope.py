"""The scope of a report job: its campaign, period, rounds and unit, and the texts of its written parts."""

from datetime import date

from campaigns.models import AwardRound
from reports import narrative
from reports.content.base import Scope
from reports.models import NarrativeVersion


def annual_scope(campaign, year: int, *, unit=None, section_delay: float = 0.0) -> Scope:
    start = max(date(year, 1, 1), campaign.starts_on)
    end = min(date(year, 12, 31), campaign.ends_on)
    rounds = list(campaign.rounds.filter(kind=AwardRound.Kind.ANNUAL, year=year))
    return Scope(
        campaign=campaign,
        period_start=start,
        period_end=max(start, end),
        rounds=rounds,
        year=year,
        unit=unit,
        section_delay=section_delay,
    )


def campaign_scope(campaign, *, unit=None, section_delay: float = 0.0) -> Scope:
    return Scope(
        campaign=campaign,
        period_start=campaign.starts_on,
        period_end=campaign.ends_on,
        rounds=list(campaign.rounds.all()),
        unit=unit,
        section_delay=section_delay,
    )


def scope_for(job) -> Scope:
    """The scope a ReportJob asks for (its kind and parameters)."""
    delay = float(job.parameters.get("section_delay", 0) or 0)
    if job.kind == "annual" or (job.kind == "unit" and job.year):
        scope = annual_scope(job.campaign, job.year, unit=job.unit, section_delay=delay)
    elif job.kind == "proposal":
        scope = campaign_scope(job.campaign, section_delay=delay)
        scope.rounds = [job.round]
        scope.period_start, scope.period_end = job.round.period_start, job.round.period_end
    else:
        scope = campaign_scope(job.campaign, unit=job.unit, section_delay=delay)
    if job.kind in narrative.KINDS:
        scope.narrative = written_parts(job)
    return scope


def written_parts(job) -> dict[str, str]:
    """{part key: text} of the written parts' versions the job was asked with (its parameters), never
    the versions saved since: a job is built again word for word."""
    ids = list((job.parameters.get("narrative") or {}).values())
    versions = NarrativeVersion.objects.filter(pk__in=ids, campaign=job.campaign_id, kind=job.kind)
    return dict(versions.values_list("key", "text"))
