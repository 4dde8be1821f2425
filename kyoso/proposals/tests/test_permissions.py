"""Who may do what, in which state: role × state × action. Deny by default."""

import pytest
import rules

from kyoso.proposals.models import Proposal

from .factories import walk

S = Proposal.State
ROLES = ["cso_member", "desk_coordinator", "department_officer", "other_department_officer",
         "body_admin", "other_body_admin", "outsider", "platform_admin"]
STATES = [S.DRAFT, S.SUBMITTED, S.SCREENING, S.RETURNED, S.ROUTED, S.IN_CONSULTATION,
          S.DECIDED, S.WITHDRAWN, S.OUT_OF_SCOPE]
# ``walk`` withdraws a draft, which the government never saw.
AFTER_SUBMISSION = set(STATES) - {S.DRAFT, S.WITHDRAWN}
ROUTED_ONWARD = {S.ROUTED, S.IN_CONSULTATION, S.DECIDED}

# (permission, role) → the states in which the role holds it; every other cell is denied.
GRANTED = {
    ("view_proposal", "cso_member"): set(STATES),
    ("view_proposal", "desk_coordinator"): AFTER_SUBMISSION,
    ("view_proposal", "body_admin"): AFTER_SUBMISSION,
    ("view_proposal", "department_officer"): ROUTED_ONWARD,
    ("view_proposal", "platform_admin"): set(STATES),
    ("view_confidential", "cso_member"): set(STATES),
    ("view_confidential", "desk_coordinator"): AFTER_SUBMISSION,
    ("view_confidential", "department_officer"): ROUTED_ONWARD,
    ("change_proposal", "cso_member"): {S.DRAFT, S.RETURNED},
    ("submit_proposal", "cso_member"): {S.DRAFT, S.RETURNED},
    ("withdraw_proposal", "cso_member"): {S.DRAFT, S.SUBMITTED, S.SCREENING, S.RETURNED,
                                          S.ROUTED, S.IN_CONSULTATION},
    ("revise_proposal", "cso_member"): {S.ROUTED, S.IN_CONSULTATION},
    ("screen_proposal", "desk_coordinator"): {S.SUBMITTED, S.SCREENING},
    ("route_proposal", "desk_coordinator"): {S.SCREENING, S.ROUTED, S.IN_CONSULTATION},
    ("discuss_proposal", "cso_member"): {S.SUBMITTED, S.SCREENING, S.RETURNED, S.ROUTED,
                                         S.IN_CONSULTATION},
    ("discuss_proposal", "desk_coordinator"): {S.SUBMITTED, S.SCREENING, S.RETURNED, S.ROUTED,
                                               S.IN_CONSULTATION},
    ("discuss_proposal", "department_officer"): {S.ROUTED, S.IN_CONSULTATION},
    ("record_meeting", "cso_member"): {S.ROUTED, S.IN_CONSULTATION},
    ("record_meeting", "desk_coordinator"): {S.ROUTED, S.IN_CONSULTATION},
    ("record_meeting", "department_officer"): {S.ROUTED, S.IN_CONSULTATION},
    ("publish_result", "desk_coordinator"): {S.DECIDED},
    ("close_proposal", "desk_coordinator"): {S.DECIDED},
}
PERMISSIONS = sorted({permission for permission, _ in GRANTED})


@pytest.fixture(params=STATES)
def proposal_in_state(request, draft, people):
    return walk(draft, request.param, **people)


# Asked through ``rules.has_perm`` as the services do: ``user.has_perm`` grants a superuser
# everything, and the platform administrator holds no role in a body's proposals.
@pytest.mark.parametrize("role", ROLES)
def test_it_grants_each_role_exactly_its_actions_in_each_state(request, proposal_in_state, role):
    user = request.getfixturevalue(role)
    state = proposal_in_state.state
    held = {
        permission for permission in PERMISSIONS
        if rules.has_perm(f"proposals.{permission}", user, proposal_in_state)
    }
    expected = {
        permission for permission in PERMISSIONS
        if state in GRANTED.get((permission, role), set())
    }
    assert held == expected, f"{role} in {state}"


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_only_the_assigned_department_decide(request, draft, people, role):
    proposal = walk(draft, S.ROUTED, **people)
    assignment = proposal.assignments.get()
    user = request.getfixturevalue(role)
    assert rules.has_perm("proposals.decide_assignment", user, assignment) == (
        role == "department_officer"
    )


def test_nobody_decides_after_the_decision(draft, people):
    proposal = walk(draft, S.DECIDED, **people)
    assert not people["officer"].has_perm(
        "proposals.decide_assignment", proposal.assignments.get()
    )


def test_everyone_sees_a_published_result_but_not_its_protected_sections(
    draft, people, outsider, other_body_admin
):
    from kyoso.proposals import services

    proposal = services.proposal_update_draft(
        actor=people["proposer"], proposal=draft, confidential_sections=["content"]
    )
    proposal = walk(proposal, S.DECIDED, **people)
    proposal = services.proposal_publish(actor=people["desk"], proposal=proposal)
    for user in (outsider, other_body_admin):
        assert user.has_perm("proposals.view_proposal", proposal)
        assert not user.has_perm("proposals.view_confidential", proposal)
