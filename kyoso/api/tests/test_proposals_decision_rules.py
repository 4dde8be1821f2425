"""The API records a decision under the same rules as the page: a reflected budget needs its
fiscal year, and only an adoption has a form of collaboration."""

import pytest

from kyoso.proposals.models import Decision, Proposal
from kyoso.proposals.tests.factories import make_draft, walk

S = Proposal.State
pytestmark = pytest.mark.django_db


@pytest.fixture
def consulting(cso_member, prefecture, people):
    return walk(make_draft(cso_member, prefecture), S.IN_CONSULTATION, **people)


def decide(api_as, officer, proposal, language, **payload):
    assignment = proposal.assignments.get()
    return api_as(officer, language=language).post(
        f"/proposals/{proposal.pk}/assignments/{assignment.pk}/decision",
        {"expected_version": proposal.version, **payload},
    )


@pytest.mark.parametrize(("language", "words"), [
    ("ja", "予算の年度を入力してください。"), ("en", "Say in which fiscal year the budget is."),
])
def test_a_budget_without_its_fiscal_year_is_refused(
    api_as, department_officer, consulting, language, words
):
    response = decide(api_as, department_officer, consulting, language,
                      outcome="adopt_this_year", form="outsourcing",
                      budget_reflected_yen=1_000_000)
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "invalid" and body["errors"]["budget_fiscal_year"] == [words]
    assert not Decision.objects.exists()
    response = decide(api_as, department_officer, consulting, language,
                      outcome="adopt_this_year", form="outsourcing",
                      budget_reflected_yen=1_000_000, budget_fiscal_year=2027)
    assert response.status_code == 201, response.content


@pytest.mark.parametrize("outcome", ["not_adopted", "taken_as_opinion"])
def test_a_form_is_refused_for_anything_but_an_adoption(
    api_as, department_officer, consulting, outcome
):
    response = decide(api_as, department_officer, consulting, "en", outcome=outcome,
                      form="subsidy", reasons="財源がない")
    assert response.status_code == 400, response.content
    assert list(response.json()["errors"]) == ["form"]
    assert "Only an adoption has a form of collaboration" in response.json()["detail"]
    assert not Decision.objects.exists()
