"""A department's queue: proposals routed to it, with their due dates."""

import pytest

from kyoso.proposals.models import Proposal

from .desk_pages import at_state, url

S = Proposal.State


def test_it_lists_what_is_routed_to_the_department(client, people, other_department_officer):
    routed = at_state(S.ROUTED, people, title="回付された提案")
    at_state(S.SCREENING, people, title="審査中の提案")
    client.force_login(people["officer"])
    response = client.get(url("desk_queue"))
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [assignment.proposal for assignment, _clock in rows] == [routed]
    assert rows[0][1].days_left == 30
    assert "残り30日" in response.content.decode()

    client.force_login(other_department_officer)
    response = client.get(url("desk_queue"))
    assert response.context["rows"] == []


def test_it_shows_answered_ones_apart(client, people):
    decided = at_state(S.DECIDED, people, title="決定済みの提案")
    client.force_login(people["officer"])
    assert client.get(url("desk_queue")).context["rows"] == []
    response = client.get(url("desk_queue"), {"show": "answered"})
    assert [a.proposal for a, _ in response.context["rows"]] == [decided]
    assert "採択" in response.content.decode()


@pytest.mark.parametrize("persona", ["desk_coordinator", "cso_member", "outsider"])
def test_it_is_only_for_department_staff(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url("desk_queue")).status_code == 403


def test_it_speaks_english(client, people):
    at_state(S.ROUTED, people)
    client.force_login(people["officer"])
    body = client.get(url("desk_queue", language="en")).content.decode()
    assert "Proposals for your department" in body and "30 days left" in body
