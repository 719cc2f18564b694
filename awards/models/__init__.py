"""Models of the awards app, one module per idea; imported here so that Django finds them."""

from .catalog import BaseSalary, BonusMultiple, BonusRounding, EmulationTitle
from .certificates import CertificateBundle
from .council import CouncilResult, CouncilSeat, CouncilSession, CouncilVote, VoteChoice
from .decisions import Award, Decision
from .proposals import ProposalSlot
from .unit_awards import UnitAwardPlan

__all__ = [
    "Award",
    "BaseSalary",
    "BonusMultiple",
    "BonusRounding",
    "CertificateBundle",
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
