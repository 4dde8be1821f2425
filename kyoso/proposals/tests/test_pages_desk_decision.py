"""Departments decide through the page; the desk countersigns, publishes and closes."""

from kyoso.core.choices import CollaborationForm
from kyoso.organizations.models import BodyMembership
from kyoso.organizations.tests.factories import StaffMembershipFactory
from kyoso.proposals import services
from kyoso.proposals.models import Assignment, Decision, Proposal

from .desk_pages import at_state, url

S = Proposal.State
Outcome = Decision.Outcome


def decision_data(proposal, **overrides):
    data = {
        "expected_version": proposal.version,
        "outcome": Outcome.ADOPT_THIS_YEAR,
        "form": CollaborationForm.OUTSOURCING,
        "reasons": "",
        "budget_reflected_yen": "1200000",
        "budget_fiscal_year": "令和9年度",
    }
    data.update(overrides)
    return data


def test_it_records_an_adoption_with_the_budget(client, people):
    proposal = at_state(S.IN_CONSULTATION, people)
    assignment = proposal.assignments.get()
    client.force_login(people["officer"])
    page = client.get(url("desk_decide", proposal.pk, assignment.pk))
    assert page.status_code == 200
    assert f'name="expected_version" value="{proposal.version}"' in page.content.decode()
    response = client.post(url("desk_decide", proposal.pk, assignment.pk), decision_data(proposal))
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert decision.outcome == Outcome.ADOPT_THIS_YEAR
    assert (decision.budget_reflected_yen, decision.budget_fiscal_year) == (1_200_000, 2027)
    proposal.refresh_from_db()
    assert proposal.state == S.DECIDED


def test_it_requires_reasons_unless_adopted_and_keeps_the_input(client, people):
    proposal = at_state(S.IN_CONSULTATION, people)
    assignment = proposal.assignments.get()
    client.force_login(people["officer"])
    response = client.post(
        url("desk_decide", proposal.pk, assignment.pk, language="en"),
        decision_data(proposal, outcome=Outcome.NOT_ADOPTED, form="", reasons="",
                      budget_reflected_yen="", budget_fiscal_year="来年"),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Give the reasons: they are required unless adopted." in body
    assert 'value="来年"' in body
    assert not Decision.objects.exists()


def test_it_shows_what_changed_when_another_officer_decided_first(client, people, prefecture):
    """Two officers of one department open the form; the first records a non-adoption that
    waits for the desk (principle of saying yes); the second is told and decides again."""
    prefecture.principle_of_yes = True
    prefecture.save()
    department = people["departments"][0]
    colleague = StaffMembershipFactory(
        body=prefecture, role=BodyMembership.Role.DEPARTMENT, department=department
    ).user
    proposal = at_state(S.IN_CONSULTATION, people)
    assignment = proposal.assignments.get()
    seen_version = proposal.version
    services.decision_record(
        actor=colleague, assignment=assignment, outcome=Outcome.NOT_ADOPTED,
        reasons="前例がないため", expected_version=seen_version,
    )
    client.force_login(people["officer"])
    typed = decision_data(proposal, outcome=Outcome.TAKEN_AS_OPINION, form="",
                          reasons="来年度の検討材料とします", budget_reflected_yen="",
                          budget_fiscal_year="")
    typed["expected_version"] = seen_version
    response = client.post(url("desk_decide", proposal.pk, assignment.pk), typed)
    body = response.content.decode()
    assert response.status_code == 409
    assert response.context["changed"]
    assert "前例がないため" in body  # the colleague's decision
    assert "来年度の検討材料とします" in body  # what this officer typed
    proposal.refresh_from_db()
    assert response.context["form"]["expected_version"].value() == str(proposal.version)
    assert Decision.objects.current().get().reasons == "前例がないため"

    # Deciding again with the fresh version replaces the one still waiting for the desk.
    typed["expected_version"] = proposal.version
    assert client.post(url("desk_decide", proposal.pk, assignment.pk), typed).status_code == 302
    assert Decision.objects.current().get().outcome == Outcome.TAKEN_AS_OPINION


def test_it_lets_the_desk_countersign_a_non_adoption(client, people, prefecture):
    prefecture.principle_of_yes = True
    prefecture.save()
    proposal = at_state(S.IN_CONSULTATION, people)
    assignment = proposal.assignments.get()
    client.force_login(people["officer"])
    client.post(
        url("desk_decide", proposal.pk, assignment.pk),
        decision_data(proposal, outcome=Outcome.NOT_ADOPTED, form="", reasons="財源がない",
                      budget_reflected_yen="", budget_fiscal_year=""),
    )
    decision = Decision.objects.get()
    assert decision.effective_at is None
    proposal.refresh_from_db()
    assert proposal.state == S.IN_CONSULTATION

    client.force_login(people["desk"])
    workspace = client.get(url("desk_proposal", proposal.pk)).content.decode()
    countersign = url("desk_countersign", proposal.pk, decision.pk)
    assert countersign in workspace
    confirm = client.get(countersign)
    assert confirm.status_code == 200 and "財源がない" in confirm.content.decode()
    assert client.post(countersign).status_code == 302
    decision.refresh_from_db()
    assert decision.countersigned_by == people["desk"] and decision.effective_at
    proposal.refresh_from_db()
    assert proposal.state == S.DECIDED


def test_it_lets_the_desk_publish_then_close(client, people):
    proposal = at_state(S.DECIDED, people)
    client.force_login(people["desk"])
    assert client.get(url("desk_publish", proposal.pk)).status_code == 200  # the review
    refused = client.post(url("desk_publish", proposal.pk))
    assert refused.status_code == 200 and "error-summary" in refused.content.decode()
    assert client.post(url("desk_publish", proposal.pk), {"confirm": "on"}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.published_at is not None
    assert client.post(url("desk_close", proposal.pk), {"reason": ""}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == S.CLOSED


def test_it_refuses_a_second_decision_once_answered(client, people):
    proposal = at_state(S.IN_CONSULTATION, people)
    assignment = proposal.assignments.get()
    client.force_login(people["officer"])
    client.post(url("desk_decide", proposal.pk, assignment.pk), decision_data(proposal))
    proposal.refresh_from_db()
    response = client.post(
        url("desk_decide", proposal.pk, assignment.pk), decision_data(proposal)
    )
    assert response.status_code == 409
    assert Decision.objects.count() == 1
    assignment.refresh_from_db()
    assert assignment.state == Assignment.State.ANSWERED
