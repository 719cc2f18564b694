"""Reads shared by the reports pages and the leader's home: visible jobs, latest summaries, charts, the
current versions of the summary reports' written parts."""

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from campaigns import roles
from campaigns.models import Campaign, Unit
from nominations.models import Nomination
from reports.charts import bar_chart, change_chart
from reports.content.nominations import SENT_STATES
from reports.content.participation import NO_CLUSTER
from reports.content.rankings import rank_changes
from reports.content.scope import campaign_scope
from reports.models import DECISION_KINDS, NarrativeVersion, ReportJob


def visible_jobs(user) -> QuerySet[ReportJob]:
    """Jobs the user may see: all reports for Sở Nội vụ and leaders, a unit's own reports for its people;
    certificates for those who may print them (awards.print_certificates: the manager the province's,
    a unit head their unit's)."""
    qs = ReportJob.objects.select_related("requested_by", "campaign", "round", "unit", "decision")
    certificates = Q(kind__in=DECISION_KINDS)
    own = roles.unit_of(user)
    if roles.has_role(user, roles.NOIVU_STAFF, roles.NOIVU_MANAGER, roles.LEADER):
        shown = ~certificates
    elif own is not None and roles.has_role(user, roles.UNIT_HEAD, roles.UNIT_OFFICER):
        shown = Q(kind=ReportJob.Kind.UNIT, unit__path__startswith=own.path)
    else:
        return qs.none()
    if roles.has_role(user, roles.NOIVU_MANAGER):
        shown |= certificates & Q(decision__issuing_unit__isnull=True)
    if own is not None and roles.has_role(user, roles.UNIT_HEAD):
        shown |= certificates & Q(decision__issuing_unit=own)
    return qs.filter(shown)


def decision_job(decision, kind: str = ReportJob.Kind.CERTIFICATES, format: str = "pdf") -> ReportJob | None:
    """The latest job of one of the decision's files (its certificates by default), if it was asked for."""
    return ReportJob.objects.filter(kind=kind, decision=decision, format=format).order_by("-version").first()


def minutes_job(round_, format: str) -> ReportJob | None:
    """The latest job of the minutes of the round's council meeting in that format."""
    return (
        ReportJob.objects.filter(kind=ReportJob.Kind.MINUTES, round=round_, format=format)
        .order_by("-version")
        .first()
    )


def current_campaign(newest_first: list[Campaign] | None = None) -> Campaign | None:
    """The campaign in progress, else the newest; from `newest_first` when the caller has read them."""
    if newest_first is not None:
        active = (c for c in newest_first if c.status == Campaign.Status.ACTIVE)
        return next(active, newest_first[0] if newest_first else None)
    return Campaign.objects.filter(status=Campaign.Status.ACTIVE).order_by("-issued_on").first() or (
        Campaign.objects.order_by("-issued_on").first()
    )


def latest_summaries(limit: int = 5) -> list[ReportJob]:
    """The latest finished annual and end-of-campaign summaries (PDF), newest first."""
    return list(
        ReportJob.objects.filter(
            state=ReportJob.State.DONE,
            kind__in=[ReportJob.Kind.ANNUAL, ReportJob.Kind.FINAL, ReportJob.Kind.PROPOSAL],
        )
        .select_related("requested_by", "round")
        .order_by("-finished_at", "-pk")[:limit]
    )


def headline(campaign: Campaign | None) -> dict:
    """Headline figures and charts of a campaign for the leader's home: a fixed number of queries."""
    if campaign is None:
        return {"campaign": None}
    sent = Nomination.objects.filter(round__campaign=campaign, state__in=SENT_STATES)
    by_cluster = list(
        sent.values("proposing_unit__cluster__name").annotate(n=Count("id")).order_by("-n")[:12]
    )
    by_kind = {
        r["proposing_unit__kind"]: r["n"] for r in sent.values("proposing_unit__kind").annotate(n=Count("id"))
    }
    states = {r["state"]: r["n"] for r in sent.values("state").annotate(n=Count("id"))}
    earlier, later, rows = rank_changes(campaign_scope(campaign))
    movers = sorted((r for r in rows if r["change"]), key=lambda r: -abs(r["change"]))[:10]
    movers.sort(key=lambda r: -r["change"])
    return {
        "campaign": campaign,
        "dossiers": sum(states.values()),
        "awarded": states.get("awarded", 0),
        "in_appraisal": states.get("submitted", 0) + states.get("in_review", 0) + states.get("returned", 0),
        "cluster_chart": bar_chart(
            [(r["proposing_unit__cluster__name"] or NO_CLUSTER, r["n"]) for r in by_cluster],
            title=_("Hồ sơ theo cụm, khối thi đua"),
        ),
        "kind_chart": bar_chart(
            [(Unit.Kind(k).label, by_kind[k]) for k in Unit.Kind.values if k in by_kind],
            title=_("Hồ sơ theo loại đơn vị"),
        ),
        "rank_chart": change_chart(
            [(r["ranking"].unit.name, r["change"]) for r in movers], title=_("Thay đổi thứ hạng")
        ),
        "rank_years": (earlier, later),
    }


def part_versions(campaign, kind: str, year: int | None):
    """Every version of the written parts of one report (campaign, kind, year), their writers joined."""
    return NarrativeVersion.objects.filter(campaign=campaign, kind=kind, year=year).select_related(
        "written_by"
    )


def current_parts(campaign, kind: str, year: int | None) -> dict[str, NarrativeVersion]:
    """The latest version of every written part of one report, by part key: one query."""
    versions = part_versions(campaign, kind, year)
    latest = versions.filter(key=OuterRef("key")).order_by("-version").values("pk")[:1]
    return {v.key: v for v in versions.filter(pk=Subquery(latest))}


def narrative_snapshot(campaign, kind: str, year: int | None) -> dict[str, int]:
    """{part key: id of its current version}: what a report job records when it is asked for."""
    return {key: v.pk for key, v in sorted(current_parts(campaign, kind, year).items())}


def job_parts(job: ReportJob) -> list[NarrativeVersion]:
    """The versions of the written parts a report job was asked with (its parameters), in key order."""
    ids = list((job.parameters.get("narrative") or {}).values())
    return list(NarrativeVersion.objects.filter(pk__in=ids).select_related("written_by").order_by("key"))
