"""Permissions of the awards app (django-rules): used by views, templates and services alike."""

import rules

from campaigns import roles
from campaigns.rules import (
    is_council_member,
    is_leader,
    is_noivu_manager,
    is_noivu_staff,
    is_unit_head,
    is_unit_member,
    unit_in_user_tree,
)


@rules.predicate
def decision_of_own_unit(user, decision) -> bool:
    """A unit decision issued by the user's own unit (the head records only their unit's)."""
    own = roles.unit_of(user)
    return decision is not None and own is not None and decision.issuing_unit_id == own.pk


@rules.predicate
def decision_in_user_tree(user, decision) -> bool:
    """A unit decision issued by the user's unit or a unit below it (a province decision has no unit)."""
    return decision is not None and unit_in_user_tree(user, decision.issuing_unit)


@rules.predicate
def is_province_decision(user, decision) -> bool:
    return decision is None or decision.issuing_unit_id is None


# The manager ranks, proposes within the quota, runs the council session and records decisions.
rules.add_perm("awards.view_ranking", is_noivu_manager)
rules.add_perm("awards.propose", is_noivu_manager)
rules.add_perm("awards.manage_council", is_noivu_manager)
rules.add_perm("awards.record_decision", is_noivu_manager)
# Council members vote; the manager and leaders see the tallies.
rules.add_perm("awards.vote", is_council_member)
rules.add_perm("awards.view_council", is_council_member | is_noivu_manager | is_leader)
# Decisions: Sở Nội vụ and leaders see the province's; a unit sees its own tree's Giấy khen.
rules.add_perm("awards.view_province_decisions", is_noivu_staff | is_leader)
rules.add_perm(
    "awards.view_decision",
    is_noivu_staff | is_leader | (is_unit_member & decision_in_user_tree),
)
rules.add_perm(
    "awards.print_certificates",
    (is_noivu_manager & is_province_decision) | (is_unit_head & decision_of_own_unit),
)
# A unit head records the unit's own Giấy khen decisions.
rules.add_perm("awards.issue_unit_awards", is_unit_head)
rules.add_perm("awards.edit_unit_decision", is_unit_head & decision_of_own_unit)
