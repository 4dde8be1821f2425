"""The permission matrix through the API: who sees a proposal and who may act on it, in each
state, before and after the decision. Hidden is 404 (as if it did not exist), visible but not
yours to do is 403, a move the state does not allow is 409, and no credentials is 401."""

import uuid

import pytest
from django.test import Client

from kyoso.core.choices import CollaborationForm
from kyoso.organizations.models import OrganizationMembership
from kyoso.organizations.tests.factories import OrganizationMembershipFactory
from kyoso.proposals import services
from kyoso.proposals.models import Decision, Proposal
from kyoso.proposals.tests.factories import make_draft, walk

from .conftest import ApiClient, make_token

S = Proposal.State
PERSONAS = (
    "proposer", "other_member", "desk", "assigned", "unassigned", "other_body", "outsider",
    "body_admin", "anonymous",
)


@pytest.fixture
def cast(cso_member, desk_coordinator, department_officer, other_department_officer,
         other_body_admin, outsider, body_admin):
    other_member = OrganizationMembershipFactory(role=OrganizationMembership.Role.ADMIN).user
    users = {
        "proposer": cso_member, "other_member": other_member, "desk": desk_coordinator,
        "assigned": department_officer, "unassigned": other_department_officer,
        "other_body": other_body_admin, "outsider": outsider, "body_admin": body_admin,
    }
    clients = {name: ApiClient(Client(), make_token(user)) for name, user in users.items()}
    clients["anonymous"] = ApiClient(Client())
    return clients


def proposal_in(state, *, cso_member, prefecture, desk_coordinator, department,
                department_officer, publish=False):
    people = {"proposer": cso_member, "desk": desk_coordinator, "departments": [department],
              "officer": department_officer}
    proposal = walk(make_draft(cso_member, prefecture), state, **people)
    if publish:
        proposal = services.proposal_publish(actor=desk_coordinator, proposal=proposal)
    return proposal


@pytest.fixture
def build(cso_member, prefecture, desk_coordinator, department, department_officer):
    def build(state, publish=False):
        return proposal_in(state, cso_member=cso_member, prefecture=prefecture,
                           desk_coordinator=desk_coordinator, department=department,
                           department_officer=department_officer, publish=publish)

    return build


SEES = {
    # state: personas who may read the proposal
    "draft": {"proposer"},
    "submitted": {"proposer", "desk", "body_admin"},
    "routed": {"proposer", "desk", "body_admin", "assigned"},
    "decided": {"proposer", "desk", "body_admin", "assigned"},
    "published": {"proposer", "desk", "body_admin", "assigned", "other_member", "unassigned",
                  "other_body", "outsider"},
}


@pytest.mark.parametrize("state", list(SEES))
@pytest.mark.django_db
def test_it_shows_a_proposal_only_to_those_who_may_see_it(state, cast, build):
    proposal = build(S.DECIDED if state in ("decided", "published") else state,
                     publish=state == "published")
    for persona in PERSONAS:
        status = cast[persona].get(f"/proposals/{proposal.pk}").status_code
        if persona == "anonymous":
            expected = 401
        else:
            expected = 200 if persona in SEES[state] else 404
        assert status == expected, (state, persona, status)


@pytest.mark.django_db
def test_it_answers_hidden_and_missing_proposals_alike(cast, build):
    draft = build(S.DRAFT)
    hidden = cast["outsider"].get(f"/proposals/{draft.pk}")
    missing = cast["outsider"].get("/proposals/999999")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()


ACCEPT = {"proposer": 403, "desk": 200, "body_admin": 403, "assigned": 404, "unassigned": 404,
          "other_member": 404, "other_body": 404, "outsider": 404, "anonymous": 401}


@pytest.mark.django_db
def test_it_lets_only_the_desk_accept(cast, build):
    for persona, expected in ACCEPT.items():
        proposal = build(S.SUBMITTED)
        status = cast[persona].post(f"/proposals/{proposal.pk}/accept").status_code
        assert status == expected, (persona, status)
        proposal.refresh_from_db()
        assert proposal.state == (S.SCREENING if expected == 200 else S.SUBMITTED)


DECIDE = {"assigned": 201, "desk": 403, "proposer": 403, "body_admin": 403, "unassigned": 404,
          "other_body": 404, "outsider": 404, "other_member": 404, "anonymous": 401}


@pytest.mark.django_db
def test_it_lets_only_the_assigned_department_decide(cast, build):
    for persona, expected in DECIDE.items():
        proposal = build(S.ROUTED)
        assignment = proposal.assignments.get()
        response = cast[persona].post(
            f"/proposals/{proposal.pk}/assignments/{assignment.pk}/decision",
            {"outcome": "adopt_this_year", "form": CollaborationForm.COOPERATION,
             "expected_version": proposal.version},
        )
        assert response.status_code == expected, (persona, response.content)
        assert Decision.objects.filter(assignment=assignment).exists() == (expected == 201)


@pytest.mark.django_db
def test_it_refuses_to_decide_again_after_the_decision(cast, build):
    proposal = build(S.DECIDED)
    assignment = proposal.assignments.get()
    response = cast["assigned"].post(
        f"/proposals/{proposal.pk}/assignments/{assignment.pk}/decision",
        {"outcome": "not_adopted", "reasons": "やはり", "expected_version": proposal.version},
    )
    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"


@pytest.mark.django_db
def test_it_keeps_the_proposers_actions_to_the_proposer(cast, build):
    routed = build(S.ROUTED)
    for persona in ("desk", "assigned", "body_admin"):
        client = cast[persona]
        assert client.post(f"/proposals/{routed.pk}/withdraw").status_code == 403, persona
        assert client.post(f"/proposals/{routed.pk}/revise",
                           {"expected_version": routed.version}).status_code == 403, persona
    draft = build(S.DRAFT)
    assert cast["other_member"].patch(f"/proposals/{draft.pk}", {"title": "乗っ取り"}).status_code \
        == 404
    assert cast["other_member"].post(
        f"/proposals/{draft.pk}/submit", {"submission_key": str(uuid.uuid4())}
    ).status_code == 404


@pytest.mark.django_db
def test_it_refuses_moves_the_state_does_not_allow(cast, build):
    draft = build(S.DRAFT)
    decided = build(S.DECIDED)
    assert cast["proposer"].post(f"/proposals/{decided.pk}/withdraw").status_code == 409
    response = cast["desk"].post(f"/proposals/{decided.pk}/accept")
    assert response.status_code == 409 and response.json()["code"] == "invalid_transition"
    # The desk does not see drafts at all.
    assert cast["desk"].post(f"/proposals/{draft.pk}/accept").status_code == 404


@pytest.mark.django_db
def test_it_keeps_the_thread_from_the_bodys_administrator(cast, build):
    routed = build(S.IN_CONSULTATION)
    assert cast["body_admin"].get(f"/proposals/{routed.pk}").status_code == 200
    assert cast["body_admin"].get(f"/proposals/{routed.pk}/messages").status_code == 403
    assert cast["body_admin"].post(f"/proposals/{routed.pk}/messages",
                                   {"text": "x"}).status_code == 403
    for persona in ("proposer", "desk", "assigned"):
        assert cast[persona].get(f"/proposals/{routed.pk}/messages").status_code == 200, persona


@pytest.mark.django_db
def test_it_shows_the_public_a_published_result_but_no_more(cast, build):
    published = build(S.DECIDED, publish=True)
    assert cast["outsider"].get(f"/proposals/{published.pk}/messages").status_code == 403
    assert cast["outsider"].get(f"/proposals/{published.pk}/revisions").status_code == 403
    detail = cast["outsider"].get(f"/proposals/{published.pk}").json()
    assert detail["allowed_actions"] == [] and detail["state_reason"] is None
    anonymous = cast["anonymous"].get(f"/proposals/results/{published.pk}")
    assert anonymous.status_code == 200
    unpublished = build(S.DECIDED)
    assert cast["anonymous"].get(f"/proposals/results/{unpublished.pk}").status_code == 404
    assert cast["desk"].get(f"/proposals/results/{unpublished.pk}").status_code == 404


@pytest.mark.django_db
def test_it_lists_for_each_only_their_own(cast, build):
    build(S.ROUTED)
    assert cast["proposer"].get("/proposals/mine").json()["count"] == 1
    assert cast["other_member"].get("/proposals/mine").json()["count"] == 0
    assert cast["outsider"].get("/proposals/mine").json()["count"] == 0
    assert cast["assigned"].get("/proposals/assignments").json()["count"] == 1
    assert cast["unassigned"].get("/proposals/assignments").json()["count"] == 0
    assert cast["other_body"].get("/proposals/inbox").status_code == 403
    assert cast["desk"].get("/proposals/inbox").json()["count"] == 1
