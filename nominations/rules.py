"""Who may do what with dossiers (django-rules): used by views, templates and the workflow alike.

Two layers: `may_*` predicates say whether the actor's role and scope allow an action on this dossier
(the workflow raises PermissionDenied when they fail); the `nominations.*` permissions add the state, so
that templates show only the buttons that would work.
"""

import rules
from django.utils import timezone

from campaigns.rules import (
    is_council_member,
    is_leader,
    is_noivu_manager,
    is_noivu_staff,
    is_unit_head,
    is_unit_member,
    unit_in_user_tree,
)
from nominations.models import CONCLUDED_STATES, EDITABLE_STATES, State


@rules.predicate
def dossier_in_user_tree(user, nomination) -> bool:
    """The dossier is proposed by the user's unit or a unit below it."""
    return nomination is not None and unit_in_user_tree(user, nomination.proposing_unit)


@rules.predicate
def is_assigned_appraiser(user, nomination) -> bool:
    return nomination is not None and nomination.appraiser_id == user.pk


@rules.predicate
def is_unassigned(user, nomination) -> bool:
    return nomination is not None and nomination.appraiser_id is None


def state_in(*states):
    values = {str(s) for s in states}

    @rules.predicate(name=f"state_in_{'_'.join(sorted(values))}")
    def predicate(user, nomination) -> bool:
        return nomination is not None and nomination.state in values

    return predicate


@rules.predicate
def round_open_for_unit(user, nomination) -> bool:
    """Drafts change only inside the round's window; returned dossiers until the appraisal deadline."""
    if nomination is None:
        return False
    today = timezone.localdate()
    round_ = nomination.round
    if round_.decided_on:
        return False
    if nomination.state == State.RETURNED:
        return round_.opens_on <= today <= round_.appraisal_deadline
    return round_.is_open_on(today)


is_draft = state_in(State.DRAFT)
is_editable = state_in(*EDITABLE_STATES)
is_concluded = state_in(*CONCLUDED_STATES)
is_before_council = state_in(State.PROPOSED, State.AWARDED, State.NOT_AWARDED)

# Role and scope (the workflow checks these, then the state).
may_prepare = is_unit_member & dossier_in_user_tree
may_decide_for_unit = is_unit_head & dossier_in_user_tree
may_take = is_noivu_staff & (is_unassigned | is_assigned_appraiser)
may_appraise = is_noivu_staff & (is_assigned_appraiser | is_noivu_manager)
may_assign = is_noivu_manager
may_record_award_outcome = is_noivu_manager

rules.add_perm("nominations.view_unit_dossiers", is_unit_member)
rules.add_perm("nominations.create_nomination", is_unit_member)
rules.add_perm("nominations.view_queue", is_noivu_staff)
rules.add_perm("nominations.assign_nominations", is_noivu_manager)
rules.add_perm("nominations.view_notifications", rules.is_authenticated)
# The guard of the pages about one dossier: signed in. Whether the user may see that dossier the page
# answers itself (views.common.visible_nomination): 404 outside the user's scope, no hint that it exists.
rules.add_perm("nominations.open_nomination", rules.is_authenticated)
rules.add_perm(
    "nominations.view_nomination",
    may_prepare
    | (is_noivu_staff & ~is_draft)
    | (is_leader & is_concluded)
    | (is_council_member & is_before_council),
)
rules.add_perm("nominations.change_nomination", may_prepare & is_editable & round_open_for_unit)
rules.add_perm("nominations.submit_nomination", may_decide_for_unit & is_editable & round_open_for_unit)
rules.add_perm(
    "nominations.withdraw_nomination",
    may_decide_for_unit & state_in(State.DRAFT, State.SUBMITTED, State.RETURNED),
)
rules.add_perm("nominations.take_nomination", may_take & state_in(State.SUBMITTED))
rules.add_perm("nominations.assign_nomination", may_assign & state_in(State.SUBMITTED, State.IN_REVIEW))
rules.add_perm("nominations.appraise_nomination", may_appraise & state_in(State.IN_REVIEW))
rules.add_perm("nominations.view_concluded", is_leader | is_noivu_staff)
