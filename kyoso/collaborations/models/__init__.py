"""Records of running collaborations: the collaboration, its progress, evaluation and budget."""

from .budget import BudgetReflection
from .collaborations import Collaboration, Contact
from .evaluation import CRITERIA, Evaluation, EvaluationSide, Rating
from .progress import (
    MAX_PARTICIPANTS,
    Activity,
    Indicator,
    IndicatorActual,
    Milestone,
    ProgressReport,
)

__all__ = [
    "CRITERIA",
    "MAX_PARTICIPANTS",
    "Activity",
    "BudgetReflection",
    "Collaboration",
    "Contact",
    "Evaluation",
    "EvaluationSide",
    "Indicator",
    "IndicatorActual",
    "Milestone",
    "ProgressReport",
    "Rating",
]
