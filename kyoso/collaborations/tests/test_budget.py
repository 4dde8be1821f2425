"""Budget reflection: recorded per adopted decision (prefilled from the decision), and adopted
proposals left without budget listed for the desk by fiscal year and department."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kyoso.collaborations import services
from kyoso.collaborations.models import BudgetReflection
from kyoso.collaborations.services import CollaborationTransitionError
from kyoso.collaborations.services.budget import initial_for
from kyoso.core.audit import AuditEvent
from kyoso.proposals.models import Decision
from kyoso.proposals.tests.factories import make_draft, walk

from .factories import adopted_proposal


@pytest.fixture
def decision(adopted):
    return Decision.objects.get(assignment__proposal=adopted)


def test_it_prefills_from_what_the_department_said_when_deciding(decision):
    decision.budget_reflected_yen, decision.budget_fiscal_year = 1_200_000, 2027
    decision.save()
    assert initial_for(decision)["amount_yen"] == 1_200_000
    assert initial_for(decision)["status"] == BudgetReflection.Status.REFLECTED


def test_it_keeps_the_record_as_the_maintained_truth(decision, department_officer):
    services.budget_record(actor=department_officer, decision=decision,
                           status="requested", amount_yen=800_000, fiscal_year=2027,
                           budget_line="総務費・総務管理費・一般管理費",
                           budget_project="総合窓口運営事業")
    reflection = services.budget_record(actor=department_officer, decision=decision,
                                        status="reflected", amount_yen=750_000,
                                        fiscal_year=2027)
    assert BudgetReflection.objects.get() == reflection
    assert initial_for(decision)["amount_yen"] == 750_000
    event = AuditEvent.objects.filter(action="collaborations.budget.record").order_by("pk").last()
    assert (event.from_state, event.to_state) == ("requested", "reflected")


def test_it_needs_amount_and_year_for_a_reflected_budget(decision, desk_coordinator):
    with pytest.raises(ValidationError) as error:
        services.budget_record(actor=desk_coordinator, decision=decision, status="reflected")
    assert set(error.value.error_dict) == {"amount_yen", "fiscal_year"}


@pytest.mark.parametrize("who", ["cso_member", "other_department_officer", "other_body_admin",
                                 "outsider", "platform_admin"])
def test_it_lets_only_the_desk_and_the_deciding_department_record_it(decision, who, request):
    with pytest.raises(PermissionDenied):
        services.budget_record(actor=request.getfixturevalue(who), decision=decision,
                               status="not_reflected")


def test_it_refuses_a_decision_that_does_not_adopt(
    cso_member, prefecture, desk_coordinator, department, department_officer
):
    from kyoso.proposals import services as proposal_services

    proposal = walk(make_draft(cso_member, prefecture), "in_consultation", proposer=cso_member,
                    desk=desk_coordinator, departments=[department])
    proposal_services.decision_record(
        actor=department_officer, assignment=proposal.assignments.get(),
        outcome="taken_as_opinion", reasons="参考にします", expected_version=proposal.version)
    decision = Decision.objects.get(assignment__proposal=proposal)
    with pytest.raises(CollaborationTransitionError):
        services.budget_record(actor=desk_coordinator, decision=decision,
                               status="not_reflected")


def test_it_lists_adopted_proposals_without_budget_for_the_desk(
    client, decision, desk_coordinator, cso_member, department, department_officer,
    other_department, other_department_officer,
):
    funded = adopted_proposal(proposer=cso_member, desk=desk_coordinator,
                              department=other_department, officer=other_department_officer,
                              title="予算のついた提案")
    services.budget_record(actor=desk_coordinator,
                           decision=Decision.objects.get(assignment__proposal=funded),
                           status="reflected", amount_yen=500_000, fiscal_year=2027)
    client.force_login(desk_coordinator)
    page = client.get(reverse("collaborations:budget_list")).content.decode()
    assert "総合窓口の運営" in page and "予算のついた提案" not in page
    page = client.get(reverse("collaborations:budget_list"), {"show": "reflected"}).content.decode()
    assert "予算のついた提案" in page and "総合窓口の運営" not in page
    by_department = client.get(reverse("collaborations:budget_list"),
                               {"show": "all", "department": other_department.pk})
    assert "総合窓口の運営" not in by_department.content.decode()
    year = decision.assignment.proposal.fiscal_year
    other_year = client.get(reverse("collaborations:budget_list"), {"fiscal_year": year + 1})
    assert "総合窓口の運営" not in other_year.content.decode()
    assert "総合窓口の運営" in client.get(reverse("collaborations:budget_list"),
                                       {"fiscal_year": year}).content.decode()


def test_it_keeps_the_budget_list_from_anyone_but_the_desk(client, department_officer):
    client.force_login(department_officer)
    assert client.get(reverse("collaborations:budget_list")).status_code == 403


def test_it_records_the_budget_through_the_page(client, decision, department_officer):
    client.force_login(department_officer)
    url = reverse("collaborations:budget", args=[decision.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"status": "reflected", "amount_yen": "",
                                 "fiscal_year": "令和9年度"})
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    response = client.post(url, {"status": "reflected", "amount_yen": "900000",
                                 "fiscal_year": "令和9年度", "budget_line": "総務費"})
    assert response.status_code == 302
    assert BudgetReflection.objects.get().fiscal_year == 2027


def test_it_hides_the_budget_page_from_other_bodies(client, decision, other_body_admin):
    client.force_login(other_body_admin)
    assert client.get(reverse("collaborations:budget", args=[decision.pk])).status_code == 404
