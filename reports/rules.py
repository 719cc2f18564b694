"""Who may ask for, see and download which reports (django-rules)."""

import rules

from campaigns.rules import is_leader, is_noivu_staff, is_unit_member, unit_in_user_tree
from reports.models import DECISION_KINDS


@rules.predicate
def unit_in_user_tree_or_any(user, unit) -> bool:
    """Without a unit (view level): yes; with one: it is the user's unit or below it."""
    return unit is None or unit_in_user_tree(user, unit)


@rules.predicate
def job_of_user_tree(user, job) -> bool:
    """A unit's own report about the user's unit or a unit below it."""
    if job is None:
        return True
    return job.kind == "unit" and job.unit_id is not None and unit_in_user_tree(user, job.unit)


@rules.predicate
def is_decision_job(user, job) -> bool:
    """A file of one decision (its certificates, its paper): for those who may print the decision's."""
    return job is not None and job.kind in DECISION_KINDS


@rules.predicate
def may_print_job_decision(user, job) -> bool:
    """A decision's files are for those who may print its certificates (the awards app's rule)."""
    return (
        job is not None
        and job.decision_id is not None
        and user.has_perm("awards.print_certificates", job.decision)
    )


is_province_reader = is_noivu_staff | is_leader

rules.add_perm("reports.view_reports", is_province_reader | is_unit_member)
# Annual, end-of-campaign and proposal reports: the province's documents.
rules.add_perm("reports.request_summary", is_province_reader)
# The parts of those reports no database computes: written by Sở Nội vụ, read by the leaders.
rules.add_perm("reports.write_narrative", is_noivu_staff)
rules.add_perm(
    "reports.request_unit_report", is_province_reader | (is_unit_member & unit_in_user_tree_or_any)
)
rules.add_perm(
    "reports.view_job",
    (~is_decision_job & (is_province_reader | (is_unit_member & job_of_user_tree)))
    | (is_decision_job & may_print_job_decision),
)
