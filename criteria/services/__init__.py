"""State changes of the criteria app: a campaign's criteria (criteria.py) and units' duties (duties.py).

The computed criteria are evaluated in criteria.evaluators; nominations calls them through here.
"""

from criteria.evaluators import ComputedResult, evaluate_all, evaluate_computed
from criteria.services.criteria import (
    create_criterion,
    criteria_frozen_reason,
    criterion_problems,
    delete_criterion,
    update_criterion,
)

__all__ = [
    "ComputedResult",
    "create_criterion",
    "criteria_frozen_reason",
    "criterion_problems",
    "delete_criterion",
    "evaluate_all",
    "evaluate_computed",
    "update_criterion",
]
