"""Permissions of the criteria app: criteria, dân vận rankings and units' own duties."""

import rules

from campaigns.rules import (
    is_leader,
    is_noivu_manager,
    is_noivu_staff,
    is_unit_member,
    unit_in_user_tree,
)

rules.add_perm("criteria.manage_criteria", is_noivu_manager)
rules.add_perm("criteria.import_rankings", is_noivu_staff)
rules.add_perm("criteria.view_rankings", is_noivu_staff | is_leader)
rules.add_perm("criteria.manage_deadlines", is_noivu_manager)
# The duties table: Sở Nội vụ and leaders see every unit; a unit's people see their own tree.
rules.add_perm("criteria.view_duties", is_noivu_staff | is_leader | is_unit_member)
rules.add_perm("criteria.view_unit_duties", is_noivu_staff | is_leader | (is_unit_member & unit_in_user_tree))
# Only the unit's own people register, upload its plan and send its reports.
rules.add_perm("criteria.submit_duties", is_unit_member & unit_in_user_tree)
