"""Factories and a walk along the workflow through the real services (so states stay honest)."""

from __future__ import annotations

import uuid

import factory

from kyoso.core.choices import CollaborationForm
from kyoso.organizations.tests.factories import OrganizationFactory, PrefectureFactory
from kyoso.proposals import services
from kyoso.proposals.models import Decision, Proposal

COMPLETE = {
    "title": "難病サポーターズクラブの設立",
    "background": "難病の方の就労が難しい",
    "content": "企業間のネットワークをつくる",
    "expected_effect": "就労の継続",
    "collaboration_form": CollaborationForm.COOPERATION,
    "is_new_project": True,
}


class DraftFactory(factory.django.DjangoModelFactory):
    """A bare draft row, for tests of the database's own constraints."""

    class Meta:
        model = Proposal

    body = factory.SubFactory(PrefectureFactory)
    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"提案{n}")


def organization_of(user):
    return user.organization_memberships.get().organization


def make_draft(proposer, body, **fields) -> Proposal:
    return services.proposal_create_draft(
        actor=proposer, body=body, organization=organization_of(proposer), **{**COMPLETE, **fields}
    )


def submit(proposal, proposer) -> Proposal:
    return services.proposal_submit(actor=proposer, proposal=proposal, submission_key=uuid.uuid4())


def walk(proposal, state, *, proposer, desk, departments=(), officer=None):
    """Move a proposal forward to ``state`` the way people would."""
    S = Proposal.State
    order = [S.SUBMITTED, S.SCREENING, S.ROUTED, S.IN_CONSULTATION, S.DECIDED]
    if state in (S.RETURNED, S.OUT_OF_SCOPE):
        proposal = walk(proposal, S.SCREENING, proposer=proposer, desk=desk)
        if state == S.RETURNED:
            return services.proposal_return(actor=desk, proposal=proposal, comments="予算を明記")
        return services.proposal_close_out_of_scope(actor=desk, proposal=proposal, reason="所管外")
    if state == S.DRAFT:
        return proposal
    if state == S.WITHDRAWN:
        return services.proposal_withdraw(actor=proposer, proposal=proposal)
    for step in order[: order.index(state) + 1]:
        if proposal.state == S.DRAFT:
            proposal = submit(proposal, proposer)
        elif step == S.SCREENING and proposal.state == S.SUBMITTED:
            proposal = services.proposal_accept(actor=desk, proposal=proposal)
        elif step == S.ROUTED and proposal.state == S.SCREENING:
            proposal = services.proposal_route(
                actor=desk, proposal=proposal, departments=departments
            )
        elif step == S.IN_CONSULTATION and proposal.state == S.ROUTED:
            services.message_post(actor=desk, proposal=proposal, text="協議を始めます")
            proposal.refresh_from_db()
        elif step == S.DECIDED and proposal.state == S.IN_CONSULTATION:
            for assignment in proposal.assignments.filter(state="open"):
                proposal.refresh_from_db()
                services.decision_record(
                    actor=officer, assignment=assignment,
                    outcome=Decision.Outcome.ADOPT_THIS_YEAR,
                    form=CollaborationForm.OUTSOURCING, expected_version=proposal.version,
                )
            proposal.refresh_from_db()
    return proposal
