"""Who keeps the register of signers (django-rules): Sở Nội vụ's manager for every unit, a unit's head
for the unit's own officials; the campaign's issuing bodies only Sở Nội vụ's manager."""

import rules

from campaigns.rules import is_noivu_manager, is_unit_head, unit_in_user_tree


@rules.predicate
def own_unit_or_none(user, unit) -> bool:
    """Without a unit (the page): yes; with one: the user's own unit or one below it."""
    return unit is None or unit_in_user_tree(user, unit)


rules.add_perm("documents.view_signers", is_noivu_manager | is_unit_head)
rules.add_perm("documents.manage_signers", is_noivu_manager | (is_unit_head & own_unit_or_none))
rules.add_perm("documents.set_issuers", is_noivu_manager)
