"""The desk routes to departments with a due date from the body's rule, and reassigns."""

import datetime as dt

from django.utils import timezone

from kyoso.proposals.models import Assignment, Proposal

from .desk_pages import at_state, url

S = Proposal.State


def test_it_routes_to_departments_due_after_the_bodys_days(
    client, people, prefecture, department, other_department
):
    prefecture.answer_days = 30
    prefecture.save()
    proposal = at_state(S.SCREENING, people)
    client.force_login(people["desk"])
    form = client.get(url("desk_route", proposal.pk)).context["form"]
    assert form.fields["due_days"].initial == 30
    assert set(form.fields["departments"].queryset) == {department, other_department}
    response = client.post(
        url("desk_route", proposal.pk),
        {"departments": [department.pk, other_department.pk], "due_days": "14"},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == S.ROUTED
    assignments = proposal.assignments.all()
    assert {a.department for a in assignments} == {department, other_department}
    for assignment in assignments:
        remaining = assignment.due_at - timezone.now()
        assert dt.timedelta(days=13, hours=23) < remaining <= dt.timedelta(days=14)


def test_it_asks_for_a_department(client, people):
    proposal = at_state(S.SCREENING, people)
    client.force_login(people["desk"])
    response = client.post(url("desk_route", proposal.pk, language="en"), {"due_days": "30"})
    assert "Choose at least one department." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.state == S.SCREENING


def test_it_reassigns_an_open_assignment(client, people, other_department):
    proposal = at_state(S.ROUTED, people)
    assignment = proposal.assignments.get()
    client.force_login(people["desk"])
    response = client.post(
        url("desk_reassign", proposal.pk, assignment.pk),
        {"department": other_department.pk, "reason": "所管が違いました"},
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.state == Assignment.State.REASSIGNED
    assert assignment.reassigned_to.department == other_department

    # The first department no longer sees the proposal at all.
    client.force_login(people["officer"])
    assert client.get(url("desk_proposal", proposal.pk)).status_code == 404
