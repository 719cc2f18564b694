"""Permission predicates of the campaigns app (django-rules), shared by views, templates, services."""

import rules

from campaigns import roles


@rules.predicate
def is_noivu_staff(user) -> bool:
    return roles.has_role(user, roles.NOIVU_STAFF, roles.NOIVU_MANAGER)


@rules.predicate
def is_noivu_manager(user) -> bool:
    return roles.has_role(user, roles.NOIVU_MANAGER)


@rules.predicate
def is_leader(user) -> bool:
    return roles.has_role(user, roles.LEADER)


@rules.predicate
def is_council_member(user) -> bool:
    return roles.has_role(user, roles.COUNCIL_MEMBER)


@rules.predicate
def is_unit_head(user) -> bool:
    return roles.has_role(user, roles.UNIT_HEAD) and roles.unit_of(user) is not None


@rules.predicate
def is_unit_officer(user) -> bool:
    return roles.has_role(user, roles.UNIT_OFFICER) and roles.unit_of(user) is not None


@rules.predicate
def is_unit_member(user) -> bool:
    return roles.has_role(user, roles.UNIT_HEAD, roles.UNIT_OFFICER) and roles.unit_of(user) is not None


@rules.predicate
def is_province_wide(user) -> bool:
    return roles.has_role(user, *roles.PROVINCE_WIDE_ROLES)


@rules.predicate
def unit_in_user_tree(user, unit) -> bool:
    """The unit is the user's own unit or below it."""
    own = roles.unit_of(user)
    return own is not None and unit is not None and own.contains(unit)


@rules.predicate
def person_in_user_tree(user, person) -> bool:
    return person is not None and unit_in_user_tree(user, person.unit)


rules.add_perm("campaigns.view_plan", rules.is_authenticated)
rules.add_perm("campaigns.manage_rounds", is_noivu_manager)
rules.add_perm("campaigns.import_data", is_noivu_staff)
rules.add_perm("campaigns.view_unit", is_province_wide | (is_unit_member & unit_in_user_tree))
rules.add_perm("campaigns.view_person", is_noivu_staff | is_leader | (is_unit_member & person_in_user_tree))
rules.add_perm("campaigns.view_personal_id", is_noivu_staff)
# Directory pages: the list itself; which rows a user sees is selectors.visible_units/visible_people.
rules.add_perm("campaigns.view_unit_list", is_province_wide | is_unit_member)
rules.add_perm("campaigns.view_person_list", is_noivu_staff | is_leader | is_unit_member)
rules.add_perm("campaigns.view_cluster_list", is_province_wide | is_unit_member)
# Onboarding units: the head of Ban Thi đua – Khen thưởng creates and deactivates accounts.
rules.add_perm("campaigns.manage_users", is_noivu_manager)


@rules.predicate
def is_batch_owner(user, batch) -> bool:
    return batch is not None and batch.created_by_id == user.pk


rules.add_perm("campaigns.confirm_import", is_noivu_staff & is_batch_owner)
