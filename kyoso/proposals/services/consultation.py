"""The thread and the meetings shared by proposer, desk and assigned departments."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kyoso.organizations.predicates import is_desk_of_body

from ..models import Meeting, Message, Proposal
from ..rules import DISCUSSABLE, UNDER_CONSIDERATION, assigned_department_ids, is_proposer
from ._common import audit, lock, move, require_perm, require_state, require_text

S = Proposal.State


def _consulting(proposal: Proposal, *, actor) -> None:
    """The first exchange after routing starts the consultation (協議)."""
    if proposal.state == S.ROUTED:
        move(proposal, actor=actor, to_state=S.IN_CONSULTATION, verb="consult")


@transaction.atomic
def message_post(*, actor, proposal: Proposal, text: str) -> Message:
    """Write in the proposal's thread as the proposer, the desk or an assigned department."""
    proposal = lock(proposal)
    require_state(proposal, "discuss", *DISCUSSABLE)
    require_perm(actor, "proposals.discuss_proposal", proposal)
    text = require_text(text, "text", _("Write a message."))
    department_id = None
    if is_proposer(actor, proposal):
        side = Message.Side.PROPOSER
    elif is_desk_of_body(actor, proposal.body):
        side = Message.Side.DESK
    else:
        side = Message.Side.DEPARTMENT
        department_id = min(assigned_department_ids(actor, proposal))
    message = Message.objects.create(
        proposal=proposal, author=actor, side=side, department_id=department_id, text=text
    )
    # The text is not audited: it may repeat protected ideas.
    audit(proposal, actor=actor, verb="message", target=message)
    _consulting(proposal, actor=actor)
    return message


@transaction.atomic
def meeting_record(
    *, actor, proposal: Proposal, held_at, place: str, attendees: str, minutes: str = ""
) -> Meeting:
    """Record an on-site consultation: when, where, who, and what was said."""
    proposal = lock(proposal)
    require_state(proposal, "meet", *UNDER_CONSIDERATION)
    require_perm(actor, "proposals.record_meeting", proposal)
    meeting = Meeting.objects.create(
        proposal=proposal, held_at=held_at,
        place=require_text(place, "place", _("Say where the meeting took place.")),
        attendees=require_text(attendees, "attendees", _("Say who took part.")),
        minutes=(minutes or "").strip(), recorded_by=actor,
    )
    audit(proposal, actor=actor, verb="meeting", target=meeting)
    _consulting(proposal, actor=actor)
    return meeting
