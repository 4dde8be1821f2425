"""Who reaches the desk pages: 404 for a proposal one may not see, 403 for a role one lacks."""

import pytest

from kyoso.core.models import AuditEvent
from kyoso.proposals.models import Proposal

from .desk_pages import at_state, url

S = Proposal.State


@pytest.mark.parametrize(
    "persona", ["other_department_officer", "other_body_officer", "other_body_admin", "outsider"]
)
def test_it_answers_404_to_those_who_may_not_see_the_proposal(client, people, request, persona):
    proposal = at_state(S.IN_CONSULTATION, people)
    assignment = proposal.assignments.get()
    client.force_login(request.getfixturevalue(persona))
    for name, args in [
        ("desk_proposal", ()), ("desk_accept", ()), ("desk_route", ()), ("desk_message", ()),
        ("desk_decide", (assignment.pk,)), ("desk_reassign", (assignment.pk,)),
    ]:
        assert client.get(url(name, proposal.pk, *args)).status_code == 404, name
    response = client.post(url("desk_decide", proposal.pk, assignment.pk), {"outcome": "x"})
    assert response.status_code == 404


def test_it_answers_404_for_a_draft_even_to_the_desk(client, people):
    draft = at_state(S.DRAFT, people)
    client.force_login(people["desk"])
    assert client.get(url("desk_proposal", draft.pk)).status_code == 404


def test_it_forbids_desk_actions_to_an_assigned_department(client, people):
    proposal = at_state(S.ROUTED, people)
    client.force_login(people["officer"])
    assert client.get(url("desk_proposal", proposal.pk)).status_code == 200
    for name in ("desk_accept", "desk_route", "desk_out_of_scope", "desk_publish"):
        assert client.post(url(name, proposal.pk), {"reason": "x"}).status_code == 403, name
    proposal.refresh_from_db()
    assert proposal.state == S.ROUTED


def test_it_forbids_the_desk_to_decide_for_a_department(client, people):
    proposal = at_state(S.IN_CONSULTATION, people)
    assignment = proposal.assignments.get()
    client.force_login(people["desk"])
    assert client.get(url("desk_decide", proposal.pk, assignment.pk)).status_code == 403


def test_it_needs_a_post_with_csrf(client, people):
    from django.test import Client

    proposal = at_state(S.SUBMITTED, people)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(people["desk"])
    assert strict.post(url("desk_accept", proposal.pk)).status_code == 403
    proposal.refresh_from_db()
    assert proposal.state == S.SUBMITTED


def test_it_logs_the_desks_reading_of_protected_sections(client, people):
    proposal = at_state(S.SUBMITTED, people, confidential_sections=["content"])
    client.force_login(people["desk"])
    page = client.get(url("desk_proposal", proposal.pk)).content.decode()
    assert "企業間のネットワークをつくる" in page
    event = AuditEvent.objects.get(action="proposals.confidential.read")
    assert event.actor == people["desk"] and event.changes == {"sections": ["content"]}


def test_it_hides_protected_sections_from_the_body_administrator(client, people, body_admin):
    proposal = at_state(S.SUBMITTED, people, confidential_sections=["content"])
    client.force_login(body_admin)
    page = client.get(url("desk_proposal", proposal.pk)).content.decode()
    assert "企業間のネットワークをつくる" not in page
    assert not AuditEvent.objects.filter(action="proposals.confidential.read").exists()


@pytest.mark.parametrize(
    ("language", "words"),
    [("ja", ["担当課と決定", "協議"]), ("en", ["Departments and decisions", "Consultation"])],
)
def test_it_shows_the_workspace_in_both_languages(client, people, language, words):
    proposal = at_state(S.ROUTED, people)
    client.force_login(people["desk"])
    response = client.get(url("desk_proposal", proposal.pk, language=language))
    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    for word in words:
        assert word in body
