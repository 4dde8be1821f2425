"""Desk pages speak each language properly: lists joined the language's way, and a refusal that
gives the real reason."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.proposals import services
from kyoso.proposals.models import Decision, Proposal

from .desk_pages import at_state
from .desk_pages import url as page_url

S = Proposal.State
JA, EN = ("こども家庭課", "観光課"), ("Children and Families Division", "Tourism Division")


def url(name, *args, language="ja"):
    # Reversed in Japanese (the prefix-less default) whatever the last request's language.
    with translation.override("ja"):
        return page_url(name, *args, language=language)


@pytest.fixture
def two_departments(people, other_department):
    return {**people, "departments": [people["departments"][0], other_department]}


@pytest.mark.parametrize(("language", "names", "separator"), [("ja", JA, "、"), ("en", EN, ", ")])
def test_the_clock_joins_the_departments_the_languages_way(
    client, two_departments, language, names, separator
):
    proposal = at_state(S.ROUTED, two_departments)
    client.force_login(two_departments["desk"])
    joined = separator.join(names)
    for page in (url("desk_proposal", proposal.pk, language=language),
                 url("desk_inbox", language=language)):
        html = client.get(page).content.decode()
        assert joined in html, page
        if language == "en":
            assert "、".join(names) not in html


@pytest.mark.parametrize(("language", "separator"), [("ja", "、"), ("en", ", ")])
def test_the_workspace_joins_targets_and_changed_fields_the_languages_way(
    client, people, department, language, separator
):
    first = CatalogProjectFactory(department=department, name="子育て支援事業",
                                  name_en="Child support")
    second = CatalogProjectFactory(department=department, name="観光振興事業",
                                   name_en="Tourism promotion")
    proposal = at_state(S.IN_CONSULTATION, people, target_projects=[first, second],
                        is_new_project=False)
    services.proposal_revise(actor=people["proposer"], proposal=proposal,
                             expected_version=proposal.version, title="新しい題名",
                             budget_yen=1000)
    client.force_login(people["desk"])
    html = client.get(url("desk_proposal", proposal.pk, language=language)).content.decode()
    assert f"</a>{separator}<a" in html  # between the two target projects
    if language == "en":
        assert "title, budget (yen)" in html or "budget (yen), title" in html
        assert "</a>、<a" not in html
    else:
        assert "提案名、予算額(円)" in html or "予算額(円)、提案名" in html


@pytest.mark.parametrize(("language", "separator"), [("ja", "、"), ("en", ", ")])
def test_already_routed_names_the_departments_the_languages_way(
    two_departments, language, separator
):
    proposal = at_state(S.ROUTED, two_departments)
    with translation.override(language), pytest.raises(ValidationError) as error:
        services.proposal_route(actor=two_departments["desk"], proposal=proposal,
                                departments=two_departments["departments"])
    message = error.value.message_dict["departments"][0]
    assert separator.join(sorted(JA)) in message


@pytest.mark.parametrize(("language", "words"), [
    ("ja", "この決定は副署を待っていません。"),
    ("en", "This decision does not wait for a countersignature."),
])
def test_countersigning_a_decision_sent_back_gives_the_real_reason(
    client, people, prefecture, language, words
):
    prefecture.principle_of_yes = True
    prefecture.save()
    proposal = at_state(S.IN_CONSULTATION, people)
    decision = services.decision_record(
        actor=people["officer"], assignment=proposal.assignments.get(),
        outcome=Decision.Outcome.NOT_ADOPTED, reasons="財源がない",
        expected_version=proposal.version,
    )
    services.decision_countersign_refuse(actor=people["desk"], decision=decision,
                                         reason="もう一度検討を")
    client.force_login(people["desk"])
    for name in ("desk_countersign", "desk_countersign_refuse"):
        response = client.get(url(name, proposal.pk, decision.pk, language=language),
                              follow=True)
        html = response.content.decode()
        assert words in html
        assert "“Countersign” is not possible" not in html and "」の状態では「" not in html
    # Once the department decided again and the proposal is decided, the state is the reason.
    proposal.refresh_from_db()
    services.decision_record(
        actor=people["officer"], assignment=proposal.assignments.get(),
        outcome=Decision.Outcome.ADOPT_LATER_YEAR, form="cooperation",
        expected_version=proposal.version,
    )
    html = client.get(url("desk_countersign", proposal.pk, decision.pk, language="en"),
                      follow=True).content.decode()
    assert "“Countersign” is not possible while the proposal is “Decided”." in html


@pytest.mark.parametrize(("language", "words"), [
    ("ja", "再回付できるのは、担当課の回答待ちの回付だけです。"),
    ("en", "Only an assignment still waiting for its department can move."),
])
def test_reassigning_an_answered_assignment_gives_the_real_reason(
    client, two_departments, language, words
):
    proposal = at_state(S.IN_CONSULTATION, two_departments)
    answered = proposal.assignments.get(department=two_departments["departments"][0])
    services.decision_record(
        actor=two_departments["officer"], assignment=answered,
        outcome=Decision.Outcome.ADOPT_THIS_YEAR, form="cooperation",
        expected_version=proposal.version,
    )
    client.force_login(two_departments["desk"])
    html = client.get(url("desk_reassign", proposal.pk, answered.pk, language=language),
                      follow=True).content.decode()
    assert words in html
