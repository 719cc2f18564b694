"""Models of the awards app, one module per idea; imported here so that Django finds them."""

from awards.models.catalog import BaseSalary, BonusMultiple, BonusRounding, EmulationTitle
from awards.models.council import CouncilResult, CouncilSeat, CouncilSession, CouncilVote, VoteChoice
from awards.models.decisions import Award, Decision
from awards.models.proposals import ProposalSlot
from awards.models.unit_awards import UnitAwardPlan

__all__ = [
    "Award",
    "BaseSalary",
    "BonusMultiple",
    "BonusRounding",
    "CouncilResult",
    "CouncilSeat",
    "CouncilSession",
    "CouncilVote",
    "Decision",
    "EmulationTitle",
    "ProposalSlot",
    "UnitAwardPlan",
    "VoteChoice",
]
