"""State changes of the awards app: propose, council votes, decisions, units' Giấy khen."""

from awards.services.council import cast_vote, cast_votes, close_session, open_session
from awards.services.decisions import record_decision
from awards.services.proposals import propose, withdraw_proposal
from awards.services.unit_awards import record_unit_decision, set_unit_plan

__all__ = [
    "cast_vote",
    "cast_votes",
    "close_session",
    "open_session",
    "propose",
    "record_decision",
    "record_unit_decision",
    "set_unit_plan",
    "withdraw_proposal",
]
