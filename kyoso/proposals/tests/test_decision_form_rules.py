"""What a decision may carry, enforced by the service whatever the path (page, API, command):
a form of collaboration only with an adoption, a reflected budget only with its fiscal year."""

import pytest
from django.core.exceptions import ValidationError

from kyoso.core.choices import CollaborationForm
from kyoso.proposals import services
from kyoso.proposals.models import Decision, Proposal

from .desk_pages import at_state, url

S = Proposal.State
Outcome = Decision.Outcome
NOT_ADOPTED_WITH_FORM = "Only an adoption has a form of collaboration"


def record(people, proposal, **fields):
    return services.decision_record(
        actor=people["officer"], assignment=proposal.assignments.get(),
        expected_version=proposal.version, **fields,
    )


@pytest.mark.parametrize("outcome", [Outcome.NOT_ADOPTED, Outcome.TAKEN_AS_OPINION])
def test_the_service_refuses_a_form_for_anything_but_an_adoption(people, outcome):
    proposal = at_state(S.IN_CONSULTATION, people)
    with pytest.raises(ValidationError) as error:
        record(people, proposal, outcome=outcome, form=CollaborationForm.SUBSIDY,
               reasons="財源がない")
    assert list(error.value.message_dict) == ["form"]
    assert not Decision.objects.exists()


@pytest.mark.parametrize("outcome", Decision.ADOPTED)
def test_the_service_still_takes_a_form_with_each_adoption(people, outcome):
    proposal = at_state(S.IN_CONSULTATION, people)
    decision = record(people, proposal, outcome=outcome, form=CollaborationForm.SUBSIDY)
    assert decision.collaboration_form == CollaborationForm.SUBSIDY


def test_the_service_refuses_a_budget_without_its_fiscal_year(people):
    proposal = at_state(S.IN_CONSULTATION, people)
    with pytest.raises(ValidationError) as error:
        record(people, proposal, outcome=Outcome.ADOPT_THIS_YEAR,
               form=CollaborationForm.OUTSOURCING, budget_reflected_yen=1_000_000)
    assert list(error.value.message_dict) == ["budget_fiscal_year"]
    assert not Decision.objects.exists()
    decision = record(people, proposal, outcome=Outcome.ADOPT_THIS_YEAR,
                      form=CollaborationForm.OUTSOURCING, budget_reflected_yen=1_000_000,
                      budget_fiscal_year=2027)
    assert decision.budget_fiscal_year == 2027


@pytest.mark.parametrize(("language", "words"), [
    ("en", NOT_ADOPTED_WITH_FORM),
    # Japanese: the form's field carries the error (its wording comes with the translations).
    ("ja", 'id="id_form_error"'),
])
def test_the_page_refuses_a_non_adoption_with_a_form_and_keeps_the_input(
    client, people, language, words
):
    proposal = at_state(S.IN_CONSULTATION, people)
    assignment = proposal.assignments.get()
    client.force_login(people["officer"])
    response = client.post(url("desk_decide", proposal.pk, assignment.pk, language=language), {
        "expected_version": proposal.version, "outcome": Outcome.NOT_ADOPTED,
        "form": CollaborationForm.SUBSIDY, "reasons": "前例がないため",
    })
    html = response.content.decode()
    assert response.status_code == 200
    assert words in html and "前例がないため" in html
    assert not Decision.objects.exists()


@pytest.mark.parametrize(("language", "outcome", "subsidy"), [
    ("en", "Not adopted", "Subsidy"), ("ja", "不採択", "補助"),
])
def test_a_non_adoption_recorded_with_a_form_earlier_is_not_published_with_it(
    client, people, language, outcome, subsidy
):
    """Rows written before the rule: the public page and the API do not show the form."""
    proposal = at_state(S.IN_CONSULTATION, people)
    decision = record(people, proposal, outcome=Outcome.NOT_ADOPTED, reasons="前例がないため")
    Decision.objects.filter(pk=decision.pk).update(collaboration_form=CollaborationForm.SUBSIDY)
    proposal.refresh_from_db()
    services.proposal_publish(actor=people["desk"], proposal=proposal)
    prefix = "/en" if language == "en" else ""
    html = client.get(f"{prefix}/bodies/{proposal.body.code}/results/").content.decode()
    row = html.split("<tbody>")[1].split("</tbody>")[0]
    assert outcome in row and subsidy not in row
    shown = client.get(f"/api/v1/proposals/results/{proposal.pk}", {"lang": language}).json()
    assert shown["decisions"][0]["outcome"] == "not_adopted"
    assert shown["decisions"][0]["collaboration_form"] is None
    assert shown["decisions"][0]["collaboration_form_label"] is None
