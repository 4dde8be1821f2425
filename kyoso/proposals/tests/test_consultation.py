import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kyoso.proposals import services
from kyoso.proposals.models import Message, Proposal

from .factories import walk


def test_the_first_exchange_after_routing_starts_the_consultation(draft, people):
    proposal = walk(draft, Proposal.State.ROUTED, **people)
    message = services.message_post(actor=people["officer"], proposal=proposal, text="現地で")
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.IN_CONSULTATION
    assert message.side == Message.Side.DEPARTMENT
    assert message.department == people["departments"][0]


def test_it_records_a_meeting_with_attendees(draft, people):
    proposal = walk(draft, Proposal.State.ROUTED, **people)
    meeting = services.meeting_record(
        actor=people["desk"], proposal=proposal, held_at=timezone.now() - dt.timedelta(days=1),
        place="NPO事務所", attendees="NPO 2名、こども家庭課 1名", minutes="試行を合意",
    )
    assert meeting.recorded_by == people["desk"]
    with pytest.raises(ValidationError):
        services.meeting_record(actor=people["desk"], proposal=proposal, held_at=timezone.now(),
                                place="", attendees="x")


def test_it_keeps_others_out_of_the_thread(draft, people, other_department_officer, outsider):
    proposal = walk(draft, Proposal.State.ROUTED, **people)
    for user in (other_department_officer, outsider):
        with pytest.raises(PermissionDenied):
            services.message_post(actor=user, proposal=proposal, text="x")
