"""Every write on collaborations, their budget and evaluation. Pages, the API and the demo
call these functions.

Each is keyword-only and atomic, locks the collaboration, checks the state first
(``CollaborationTransitionError``, with a translated message) and then the actor's right
(``PermissionDenied``), and writes ``collaborations.<verb>`` to the audit trail.
"""

from ._common import NOT_CHECKED, CollaborationChangedError, CollaborationTransitionError
from .budget import budget_record
from .collaborations import (
    collaboration_cancel,
    collaboration_create,
    collaboration_create_from_proposal,
    collaboration_finish,
    collaboration_publish,
    collaboration_resume,
    collaboration_start,
    collaboration_suspend,
    collaboration_update,
)
from .evaluation import evaluation_publish, evaluation_side_submit, evaluation_start
from .progress import (
    activity_log,
    actual_record,
    contact_add,
    contact_change,
    contact_remove,
    indicator_add,
    indicator_change,
    indicator_remove,
    milestone_add,
    milestone_change,
    milestone_complete,
    milestone_remove,
    report_request,
    report_review,
    report_submit,
)

__all__ = [
    "NOT_CHECKED",
    "CollaborationChangedError",
    "CollaborationTransitionError",
    "activity_log",
    "contact_change",
    "contact_remove",
    "indicator_change",
    "indicator_remove",
    "milestone_change",
    "milestone_remove",
    "actual_record",
    "budget_record",
    "collaboration_cancel",
    "collaboration_create",
    "collaboration_create_from_proposal",
    "collaboration_finish",
    "collaboration_publish",
    "collaboration_resume",
    "collaboration_start",
    "collaboration_suspend",
    "collaboration_update",
    "contact_add",
    "evaluation_publish",
    "evaluation_side_submit",
    "evaluation_start",
    "indicator_add",
    "milestone_add",
    "milestone_complete",
    "report_request",
    "report_review",
    "report_submit",
]
