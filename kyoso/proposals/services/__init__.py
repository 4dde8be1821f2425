"""Every write on proposals. Pages, the API and commands all call these functions.

Each is atomic, locks the proposal, checks the state (``ProposalTransitionError``) and then the
actor's right (``PermissionDenied``), and writes an audit event ``proposals.<verb>``.
"""

from ._common import ProposalChangedError, ProposalTransitionError
from .consultation import meeting_record, message_post
from .decisions import decision_countersign, decision_countersign_refuse, decision_record
from .desk import (
    assignment_reassign,
    proposal_accept,
    proposal_close,
    proposal_close_out_of_scope,
    proposal_forward,
    proposal_publish,
    proposal_return,
    proposal_route,
)
from .drafting import (
    proposal_create_draft,
    proposal_partner_add,
    proposal_partner_consent,
    proposal_release_confidential,
    proposal_revise,
    proposal_submit,
    proposal_update_draft,
    proposal_withdraw,
)

__all__ = [
    "ProposalChangedError",
    "ProposalTransitionError",
    "assignment_reassign",
    "decision_countersign",
    "decision_countersign_refuse",
    "decision_record",
    "meeting_record",
    "message_post",
    "proposal_accept",
    "proposal_close",
    "proposal_close_out_of_scope",
    "proposal_create_draft",
    "proposal_forward",
    "proposal_partner_add",
    "proposal_partner_consent",
    "proposal_publish",
    "proposal_release_confidential",
    "proposal_return",
    "proposal_revise",
    "proposal_route",
    "proposal_submit",
    "proposal_update_draft",
    "proposal_withdraw",
]
