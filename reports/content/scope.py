"""The scope of a report job: its campaign, period, rounds and unit."""

from datetime import date

from campaigns.models import AwardRound
from reports.content.base import Scope


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
        return annual_scope(job.campaign, job.year, unit=job.unit, section_delay=delay)
    if job.kind == "proposal":
        scope = campaign_scope(job.campaign, section_delay=delay)
        scope.rounds = [job.round]
        scope.period_start, scope.period_end = job.round.period_start, job.round.period_end
        return scope
    return campaign_scope(job.campaign, unit=job.unit, section_delay=delay)
