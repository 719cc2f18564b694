"""Who may do what with good practices and difficulties (django-rules).

Roles and scope live here; state rules (recognition freezes a practice, closing freezes a difficulty)
live in practices.services, which checks both.
"""

import rules

from campaigns.rules import is_leader, is_noivu_staff, is_unit_member, unit_in_user_tree
from practices.models import PUBLISHED_STATES


@rules.predicate
def practice_in_user_tree(user, practice) -> bool:
    return practice is not None and unit_in_user_tree(user, practice.unit)


@rules.predicate
def practice_is_published(user, practice) -> bool:
    return practice is not None and practice.state in PUBLISHED_STATES


@rules.predicate
def difficulty_in_user_tree(user, difficulty) -> bool:
    return difficulty is not None and unit_in_user_tree(user, difficulty.unit)


# Everyone signed in reads the library of recognised and featured practices.
rules.add_perm("practices.view_library", rules.is_authenticated)
# The register of every state: a unit's own subtree, or the whole province for Sở Nội vụ and leaders.
rules.add_perm("practices.view_register", is_noivu_staff | is_leader | is_unit_member)
rules.add_perm("practices.register_practice", is_unit_member)
rules.add_perm(
    "practices.view_practice",
    is_noivu_staff
    | is_leader
    | (is_unit_member & practice_in_user_tree)
    | (rules.is_authenticated & practice_is_published),
)
rules.add_perm("practices.change_practice", is_unit_member & practice_in_user_tree)
rules.add_perm("practices.recognise_practice", is_noivu_staff)
rules.add_perm("practices.feature_practice", is_noivu_staff)

rules.add_perm("practices.view_difficulties", is_noivu_staff | is_leader | is_unit_member)
rules.add_perm("practices.raise_difficulty", is_unit_member)
rules.add_perm(
    "practices.view_difficulty", is_noivu_staff | is_leader | (is_unit_member & difficulty_in_user_tree)
)
rules.add_perm("practices.change_difficulty", is_unit_member & difficulty_in_user_tree)
rules.add_perm("practices.handle_difficulty", is_noivu_staff)
