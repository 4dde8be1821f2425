"""Records of the collaboration desk: proposals, their routing, decisions and consultation."""

from .attachments import ProposalAttachment
from .consultation import Meeting, Message
from .proposals import (
    CONFIDENTIAL_SECTIONS,
    Proposal,
    ProposalPartner,
    ProposalRevision,
    ReferenceCounter,
)
from .review import Assignment, Decision

__all__ = [
    "CONFIDENTIAL_SECTIONS",
    "Assignment",
    "Decision",
    "Meeting",
    "Message",
    "Proposal",
    "ProposalAttachment",
    "ProposalPartner",
    "ProposalRevision",
    "ReferenceCounter",
]
