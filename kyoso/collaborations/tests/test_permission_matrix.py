"""Every persona × every action × every state: who may do what to a collaboration.

The parties are the body's desk, the staff of the collaboration's departments and the members
of its partner organization. Other departments of the same body, other bodies, other partners,
outsiders and the platform administrator hold no role in it.
"""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from kyoso.collaborations.models import Collaboration

from .factories import at_state

S = Collaboration.State
PERSONAS = ["desk_coordinator", "department_officer", "cso_member", "body_admin",
            "other_department_officer", "other_partner_member", "other_body_admin",
            "other_body_officer", "outsider", "platform_admin", "anonymous"]
GOVERNMENT = {"desk_coordinator", "department_officer"}
PARTNER = {"cso_member"}
PARTIES = GOVERNMENT | PARTNER

ACTIVE = {S.PLANNED, S.RUNNING, S.SUSPENDED}
REPORTING = {S.RUNNING, S.SUSPENDED, S.FINISHED}
EVALUABLE = {S.RUNNING, S.FINISHED, S.EVALUATED}
NOT_CLOSED = {S.PLANNED, S.RUNNING, S.SUSPENDED, S.FINISHED, S.EVALUATED}
PUBLISHABLE = {S.RUNNING, S.FINISHED, S.EVALUATED, S.SUSPENDED}

# action: (who, in which states)
MATRIX = {
    "view_workspace": (PARTIES | {"body_admin"}, set(S)),
    "change_collaboration": (GOVERNMENT, ACTIVE),
    "start_collaboration": (GOVERNMENT, {S.PLANNED}),
    "finish_collaboration": (GOVERNMENT, {S.RUNNING}),
    "suspend_collaboration": (GOVERNMENT, {S.RUNNING}),
    "resume_collaboration": (GOVERNMENT, {S.SUSPENDED}),
    "cancel_collaboration": (GOVERNMENT, ACTIVE),
    "publish_collaboration": ({"desk_coordinator"}, PUBLISHABLE),
    "manage_contacts": (PARTIES, ACTIVE),
    "complete_milestone": (GOVERNMENT, {S.RUNNING}),
    "record_actual": (GOVERNMENT, REPORTING),
    "request_report": (GOVERNMENT, REPORTING),
    "log_activity": (PARTIES, NOT_CLOSED),
    "start_evaluation": (PARTIES, EVALUABLE),
}


def person(request, name):
    return AnonymousUser() if name == "anonymous" else request.getfixturevalue(name)


@pytest.mark.parametrize("state", list(S))
def test_every_persona_may_do_exactly_what_the_matrix_says(
    state, collaboration, department_officer, cso_member, request
):
    collaboration = at_state(collaboration, state, officer=department_officer,
                             partner=cso_member)
    for name in PERSONAS:
        user = person(request, name)
        for action, (who, states) in MATRIX.items():
            expected = name in who and state in states
            allowed = rules.has_perm(f"collaborations.{action}", user, collaboration)
            assert allowed == expected, f"{name} {action} in {state}: {allowed}"
        # Unpublished: only the parties and the body's administrators read it.
        viewable = rules.has_perm("collaborations.view_collaboration", user, collaboration)
        assert viewable == (name in PARTIES | {"body_admin"}), name


def test_everyone_reads_a_published_collaboration(
    collaboration, department_officer, desk_coordinator, cso_member, request
):
    from kyoso.collaborations import services

    collaboration = at_state(collaboration, S.RUNNING, officer=department_officer)
    collaboration = services.collaboration_publish(actor=desk_coordinator,
                                                   collaboration=collaboration)
    for name in PERSONAS:
        user = person(request, name)
        assert rules.has_perm("collaborations.view_collaboration", user, collaboration)
        assert not rules.has_perm("collaborations.publish_collaboration", user, collaboration)


@pytest.mark.parametrize("name", PERSONAS)
def test_pages_answer_404_to_those_who_may_not_see(name, collaboration, client, request):
    user = person(request, name)
    if name != "anonymous":
        client.force_login(user)
    may_see = name in PARTIES | {"body_admin"}
    for url_name in ("detail", "workspace", "edit"):
        response = client.get(reverse(f"collaborations:{url_name}", args=[collaboration.pk]))
        if not may_see:
            expected = 302 if name == "anonymous" and url_name != "detail" else 404
            assert response.status_code == expected, (url_name, response.status_code)
    response = client.get(reverse("collaborations:action", args=[collaboration.pk, "start"]))
    if not may_see:
        assert response.status_code in (302, 404)
        if name != "anonymous":
            assert response.status_code == 404


def test_a_party_without_the_right_gets_403_on_post(collaboration, client, cso_member):
    client.force_login(cso_member)
    response = client.post(reverse("collaborations:action", args=[collaboration.pk, "start"]))
    assert response.status_code == 403
    collaboration.refresh_from_db()
    assert collaboration.state == S.PLANNED
