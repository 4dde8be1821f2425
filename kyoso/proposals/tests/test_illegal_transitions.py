"""Every move from a state that does not allow it is refused with a clear error."""

import uuid

import pytest

from kyoso.proposals import services
from kyoso.proposals.models import Proposal

from .factories import walk

S = Proposal.State
REACHABLE = [S.DRAFT, S.SUBMITTED, S.SCREENING, S.RETURNED, S.ROUTED, S.IN_CONSULTATION,
             S.DECIDED, S.WITHDRAWN, S.OUT_OF_SCOPE]

# action → (states it is allowed from, how to attempt it)
ACTIONS = {
    "submit": ({S.DRAFT, S.RETURNED}, lambda p, c: services.proposal_submit(
        actor=c["proposer"], proposal=p, submission_key=uuid.uuid4())),
    "update": ({S.DRAFT, S.RETURNED}, lambda p, c: services.proposal_update_draft(
        actor=c["proposer"], proposal=p, schedule="x")),
    "revise": ({S.ROUTED, S.IN_CONSULTATION}, lambda p, c: services.proposal_revise(
        actor=c["proposer"], proposal=p, expected_version=p.version, schedule="x")),
    "withdraw": ({S.DRAFT, S.SUBMITTED, S.SCREENING, S.RETURNED, S.ROUTED, S.IN_CONSULTATION},
                 lambda p, c: services.proposal_withdraw(actor=c["proposer"], proposal=p)),
    "accept": ({S.SUBMITTED}, lambda p, c: services.proposal_accept(actor=c["desk"], proposal=p)),
    "return": ({S.SUBMITTED, S.SCREENING}, lambda p, c: services.proposal_return(
        actor=c["desk"], proposal=p, comments="x")),
    "out_of_scope": ({S.SUBMITTED, S.SCREENING}, lambda p, c: (
        services.proposal_close_out_of_scope(actor=c["desk"], proposal=p, reason="x"))),
    "route": ({S.SCREENING, S.ROUTED, S.IN_CONSULTATION}, lambda p, c: services.proposal_route(
        actor=c["desk"], proposal=p, departments=[c["spare_department"]])),
    "publish": ({S.DECIDED}, lambda p, c: services.proposal_publish(actor=c["desk"], proposal=p)),
    "close": ({S.DECIDED}, lambda p, c: services.proposal_close(actor=c["desk"], proposal=p)),
    "discuss": ({S.SUBMITTED, S.SCREENING, S.RETURNED, S.ROUTED, S.IN_CONSULTATION},
                lambda p, c: services.message_post(actor=c["proposer"], proposal=p, text="x")),
    "meet": ({S.ROUTED, S.IN_CONSULTATION}, lambda p, c: services.meeting_record(
        actor=c["desk"], proposal=p, held_at=p.created_at, place="県庁", attendees="3名")),
}
ILLEGAL = [(state, action) for state in REACHABLE for action, (allowed, _) in ACTIONS.items()
           if state not in allowed]
LEGAL = [(state, action) for state in REACHABLE for action, (allowed, _) in ACTIONS.items()
         if state in allowed]


@pytest.fixture
def cast(people, other_department):
    return {**people, "spare_department": other_department}


@pytest.mark.parametrize(("state", "action"), ILLEGAL)
def test_it_refuses_an_illegal_move(draft, cast, state, action):
    proposal = walk(draft, state, **{k: v for k, v in cast.items() if k != "spare_department"})
    assert proposal.state == state
    before = proposal.version
    with pytest.raises(services.ProposalTransitionError) as error:
        ACTIONS[action][1](proposal, cast)
    # Japanese is the default language: the refusal names the state in the user's words.
    assert str(error.value.messages[0]).startswith("提案が「")
    proposal.refresh_from_db()
    assert (proposal.state, proposal.version) == (state, before)


@pytest.mark.parametrize(("state", "action"), LEGAL)
def test_it_allows_a_legal_move(draft, cast, state, action):
    proposal = walk(draft, state, **{k: v for k, v in cast.items() if k != "spare_department"})
    ACTIONS[action][1](proposal, cast)
