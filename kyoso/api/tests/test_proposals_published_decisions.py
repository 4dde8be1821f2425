"""A published proposal read through the API shows what the results page shows, no more."""

import pytest

from kyoso.proposals import services
from kyoso.proposals.models import Decision, Proposal
from kyoso.proposals.tests.factories import make_draft, walk

S = Proposal.State
PRIVATE = "代表者の山田太郎氏の信用情報に懸念があるため"


@pytest.fixture
def consulting(cso_member, prefecture, desk_coordinator, department):
    return walk(make_draft(cso_member, prefecture), S.IN_CONSULTATION, proposer=cso_member,
                desk=desk_coordinator, departments=[department])


def test_a_reworded_or_withheld_reason_stays_so_for_other_readers(
    api_as, consulting, desk_coordinator, department_officer, outsider
):
    decision = services.decision_record(
        actor=department_officer, assignment=consulting.assignments.get(),
        outcome=Decision.Outcome.NOT_ADOPTED, reasons=PRIVATE, budget_reflected_yen=1000,
        budget_fiscal_year=2027, expected_version=consulting.version,
    )
    consulting.refresh_from_db()
    services.proposal_publish(actor=desk_coordinator, proposal=consulting,
                              public_reasons={decision.pk: ""})
    body = api_as(outsider).get(f"/proposals/{consulting.pk}").json()
    assert PRIVATE not in str(body)
    shown = body["assignments"][0]["decision"]
    assert shown["reasons"] == "" and shown["budget_reflected_yen"] is None
    staff = api_as(desk_coordinator).get(f"/proposals/{consulting.pk}").json()
    assert PRIVATE in str(staff)  # the desk still reads what the department wrote


def test_the_proposer_sees_a_non_adoption_only_once_it_takes_effect(
    api_as, consulting, prefecture, cso_member, department_officer, desk_coordinator
):
    prefecture.principle_of_yes = True
    prefecture.save()
    decision = services.decision_record(
        actor=department_officer, assignment=consulting.assignments.get(),
        outcome=Decision.Outcome.NOT_ADOPTED, reasons="財源がない",
        expected_version=consulting.version,
    )
    mine = api_as(cso_member).get(f"/proposals/{consulting.pk}").json()
    assert mine["assignments"][0]["decision"] is None
    services.decision_countersign(actor=desk_coordinator, decision=decision)
    mine = api_as(cso_member).get(f"/proposals/{consulting.pk}").json()
    assert mine["assignments"][0]["decision"]["outcome"] == "not_adopted"
