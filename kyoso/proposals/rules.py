"""Permissions on proposals, one per action: who may act, and in which states. Deny by default.

The object is a proposal, except ``create_proposal`` (an organization), ``reassign_assignment``
and ``decide_assignment`` (an assignment), ``countersign_decision`` (a decision) and
``consent_partnership`` (a partner link). Services check the state first, so that a wrong move
says why; these rules answer both questions for pages that decide what to offer.
"""

from __future__ import annotations

import rules

from kyoso.organizations.models import BodyMembership
from kyoso.organizations.predicates import (
    body_roles,
    is_admin_of_body,
    is_desk_of_body,
    is_organization_member,
    is_platform_admin,
    organization_roles,
)

from .models import Assignment, Proposal

S = Proposal.State
LIVE_ASSIGNMENT = (Assignment.State.OPEN, Assignment.State.ANSWERED)
WITHDRAWABLE = (S.DRAFT, S.SUBMITTED, S.SCREENING, S.RETURNED, S.ROUTED, S.IN_CONSULTATION)
EDITABLE = (S.DRAFT, S.RETURNED)
UNDER_CONSIDERATION = (S.ROUTED, S.IN_CONSULTATION)
DISCUSSABLE = (S.SUBMITTED, S.SCREENING, S.RETURNED, S.ROUTED, S.IN_CONSULTATION)


def in_state(*states):
    @rules.predicate(name=f"in_state({','.join(states)})")
    def predicate(user, proposal):
        return proposal is not None and proposal.state in states

    return predicate


def proposer_organization_ids(proposal) -> set[int]:
    """The proposing organization and every partner that has consented to take part."""
    ids = {proposal.organization_id}
    ids.update(
        proposal.partner_links.filter(consented_at__isnull=False).values_list(
            "organization_id", flat=True
        )
    )
    return ids


def assigned_department_ids(user, proposal) -> set[int]:
    """The user's departments that hold a live assignment on the proposal."""
    mine = {
        department_id
        for role, department_id in body_roles(user).get(proposal.body_id, ())
        if role == BodyMembership.Role.DEPARTMENT
    }
    if not mine:
        return set()
    return set(
        proposal.assignments.filter(state__in=LIVE_ASSIGNMENT, department_id__in=mine)
        .values_list("department_id", flat=True)
    )


@rules.predicate
def is_proposer(user, proposal):
    if proposal is None or not user.is_authenticated:
        return False
    mine = organization_roles(user)
    return bool(mine) and bool(proposer_organization_ids(proposal) & mine.keys())


@rules.predicate
def is_proposal_desk(user, proposal):
    return proposal is not None and is_desk_of_body(user, proposal.body)


@rules.predicate
def is_proposal_body_admin(user, proposal):
    return proposal is not None and is_admin_of_body(user, proposal.body)


@rules.predicate
def is_assigned_staff(user, proposal):
    return proposal is not None and bool(assigned_department_ids(user, proposal))


@rules.predicate
def was_submitted(user, proposal):
    """Drafts are the proposer's own: the government sees a proposal once it is submitted."""
    return proposal is not None and proposal.submitted_at is not None


@rules.predicate
def is_published(user, proposal):
    return proposal is not None and proposal.published_at is not None


@rules.predicate
def not_published(user, proposal):
    return proposal is not None and proposal.published_at is None


@rules.predicate
def is_assignment_desk(user, assignment):
    return assignment is not None and is_desk_of_body(user, assignment.proposal.body)


@rules.predicate
def is_assignment_open(user, assignment):
    return assignment is not None and assignment.state == Assignment.State.OPEN


@rules.predicate
def is_assignment_staff(user, assignment):
    """Staff of the very department the proposal was routed to; no one else decides for it."""
    if assignment is None:
        return False
    roles = body_roles(user).get(assignment.proposal.body_id, ())
    return (BodyMembership.Role.DEPARTMENT, assignment.department_id) in roles


@rules.predicate
def assignment_proposal_under_consideration(user, assignment):
    return assignment is not None and assignment.proposal.state in UNDER_CONSIDERATION


@rules.predicate
def is_decision_desk(user, decision):
    return decision is not None and is_desk_of_body(user, decision.assignment.proposal.body)


@rules.predicate
def awaits_countersignature(user, decision):
    return (
        decision is not None
        and decision.needs_countersignature
        and decision.countersigned_at is None
        and decision.superseded_at is None
    )


@rules.predicate
def is_partner_member(user, link):
    return link is not None and is_organization_member(user, link.organization)


desk_of_submitted = is_proposal_desk & was_submitted

rules.add_perm("proposals.create_proposal", is_organization_member)
rules.add_perm(
    "proposals.view_proposal",
    is_published
    | is_proposer
    | (desk_of_submitted | (is_proposal_body_admin & was_submitted))
    | is_assigned_staff
    | is_platform_admin,
)
# Idea protection: neither the body's administrator nor the platform's reads protected sections.
rules.add_perm(
    "proposals.view_confidential", is_proposer | desk_of_submitted | is_assigned_staff
)
rules.add_perm("proposals.change_proposal", is_proposer & in_state(*EDITABLE))
rules.add_perm("proposals.submit_proposal", is_proposer & in_state(*EDITABLE))
rules.add_perm("proposals.manage_partners", is_proposer & in_state(*EDITABLE))
rules.add_perm("proposals.consent_partnership", is_partner_member)
rules.add_perm("proposals.withdraw_proposal", is_proposer & in_state(*WITHDRAWABLE))
rules.add_perm("proposals.revise_proposal", is_proposer & in_state(*UNDER_CONSIDERATION))
rules.add_perm("proposals.release_confidential", is_proposer)
rules.add_perm("proposals.screen_proposal", is_proposal_desk & in_state(S.SUBMITTED, S.SCREENING))
rules.add_perm(
    "proposals.route_proposal",
    is_proposal_desk & in_state(S.SCREENING, S.ROUTED, S.IN_CONSULTATION),
)
rules.add_perm("proposals.reassign_assignment", is_assignment_desk & is_assignment_open)
rules.add_perm(
    "proposals.decide_assignment",
    is_assignment_staff & is_assignment_open & assignment_proposal_under_consideration,
)
rules.add_perm("proposals.countersign_decision", is_decision_desk & awaits_countersignature)
rules.add_perm(
    "proposals.discuss_proposal",
    (is_proposer | desk_of_submitted | is_assigned_staff) & in_state(*DISCUSSABLE),
)
rules.add_perm(
    "proposals.record_meeting",
    (is_proposer | is_proposal_desk | is_assigned_staff) & in_state(*UNDER_CONSIDERATION),
)
rules.add_perm(
    "proposals.publish_result", is_proposal_desk & in_state(S.DECIDED) & not_published
)
rules.add_perm("proposals.close_proposal", is_proposal_desk & in_state(S.DECIDED))
