"""Defects found on the demo on the proposer's pages: digits of other scripts, help text in the
wrong language, search terms cut at # or &, lists joined the Japanese way on English pages, a
clock waiting on "nobody", and the public catalog page not showing released sections."""

import uuid

import pytest
from django.urls import reverse
from django.utils import translation

from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.organizations.tests.factories import OrganizationMembershipFactory
from kyoso.proposals import services
from kyoso.proposals.models import Proposal, ProposalPartner

from .factories import make_draft, walk
from .partner_pages import signed_in, url

S = Proposal.State


# Digits of other scripts -----------------------------------------------------------------------

@pytest.mark.parametrize("value", ["፩", "١٢", "𝟙"])
def test_a_project_id_in_other_digits_is_no_project_and_no_error(client, cso_member, value):
    response = signed_in(client, cso_member).get(url("new"), {"project": value})
    assert response.status_code == 200
    assert response.context["project"] is None or value == "𝟙"


def test_a_project_id_in_full_width_digits_still_finds_the_project(
    client, cso_member, department
):
    project = CatalogProjectFactory(department=department, name="子育てひろば開設事業")
    full_width = str(project.pk).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    response = signed_in(client, cso_member).get(url("new"), {"project": full_width})
    assert response.status_code == 200 and response.context["project"] == project


@pytest.mark.parametrize(
    ("language", "error"),
    [
        ("ja", "金額は円単位の整数で入力してください"),
        ("en", "Enter the amount in yen as a whole number"),
    ],
)
def test_a_budget_in_other_digits_is_refused_not_a_server_error(
    client, cso_member, draft, language, error
):
    response = signed_in(client, cso_member).post(
        url("section", draft.pk, "budget", language=language),
        {"budget_yen": "፩", "funding": "contract"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html and "፩" in html
    draft.refresh_from_db()
    assert draft.budget_yen is None and draft.funding == "contract"


def test_a_budget_in_full_width_digits_is_still_read(client, cso_member, draft):
    signed_in(client, cso_member).post(
        url("section", draft.pk, "budget"), {"budget_yen": "１２３４５", "funding": "contract"}
    )
    draft.refresh_from_db()
    assert draft.budget_yen == 12345


# Help text in the page's language --------------------------------------------------------------

@pytest.mark.parametrize(
    ("language", "shown", "hidden"),
    [
        ("en", "What problem do you see, and why does it matter now?", "どのような課題"),
        ("ja", "どのような課題", "What problem do you see"),
    ],
)
def test_the_help_of_a_section_is_in_the_pages_language(
    client, cso_member, draft, language, shown, hidden
):
    html = signed_in(client, cso_member).get(
        url("section", draft.pk, "background", language=language)
    ).content.decode()
    assert shown in html and hidden not in html


# Search terms with # and & ---------------------------------------------------------------------

def test_a_search_term_with_hash_and_ampersand_is_kept_whole(client, cso_member, draft):
    client = signed_in(client, cso_member)
    response = client.post(url("section", draft.pk, "about"), {
        "title": draft.title, "kind": "free", "action": "search", "search": "C# & Python",
    })
    assert response.status_code == 302
    assert response.url.endswith("?q=C%23+%26+Python#targets")
    page = client.get(response.url)
    assert page.context["query"] == "C# & Python"


# Lists in the page's language, and a clock that waits on nobody --------------------------------

@pytest.mark.parametrize(
    ("language", "joined"),
    [
        ("ja", "こども家庭課、観光課"),
        ("en", "Children and Families Division, Tourism Division"),
    ],
)
def test_the_departments_waited_on_are_listed_the_languages_way(
    client, people, prefecture, other_department, language, joined
):
    people = {**people, "departments": [people["departments"][0], other_department]}
    proposal = walk(make_draft(people["proposer"], prefecture), S.ROUTED, **people)
    client = signed_in(client, people["proposer"])
    for page in (url("task_list", proposal.pk, language=language),
                 url("my_proposals", language=language)):
        html = client.get(page).content.decode()
        assert joined in html


@pytest.mark.parametrize(
    ("language", "nobody"), [("ja", "なしの対応待ち"), ("en", "Waiting on nobody")]
)
def test_a_decided_proposal_waits_on_nobody_and_says_nothing_of_it(
    client, people, prefecture, language, nobody
):
    proposal = walk(make_draft(people["proposer"], prefecture), S.DECIDED, **people)
    client = signed_in(client, people["proposer"])
    for page in (url("task_list", proposal.pk, language=language),
                 url("my_proposals", language=language),
                 url("submitted", proposal.pk, language=language)):
        response = client.get(page)
        assert response.status_code == 200
        assert nobody not in response.content.decode()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_partners_still_to_agree_are_listed_the_languages_way(
    client, cso_member, draft, language
):
    names = ["さくら会", "ひまわり会"]
    for name in names:
        organization = OrganizationMembershipFactory(organization__name=name).organization
        services.proposal_partner_add(
            actor=cso_member, proposal=draft, organization=organization,
            role=ProposalPartner.Role.CO_PROPOSER,
        )
    response = signed_in(client, cso_member).post(
        url("check", draft.pk, language=language), {"submission_key": str(uuid.uuid4())}
    )
    html = response.content.decode()
    separator = "、" if language == "ja" else ", "
    assert response.status_code == 400
    assert separator.join(names) in html or separator.join(reversed(names)) in html


@pytest.mark.parametrize("language", ["ja", "en"])
def test_what_changed_in_a_revision_is_listed_the_languages_way(
    client, people, prefecture, language
):
    proposal = walk(make_draft(people["proposer"], prefecture), S.ROUTED, **people)
    services.proposal_revise(
        actor=people["proposer"], proposal=proposal, expected_version=proposal.version,
        title="新しい題名", content="新しい内容",
    )
    with translation.override(language):
        title, content = (
            str(Proposal._meta.get_field(name).verbose_name) for name in ("title", "content")
        )
    html = signed_in(client, people["proposer"]).get(
        url("revisions", proposal.pk, language=language)
    ).content.decode()
    separator = "、" if language == "ja" else ", "
    assert f"{title}{separator}{content}" in html


# Released sections reach the cached catalog page -----------------------------------------------

def test_released_sections_show_at_once_on_the_cached_catalog_page(
    client, people, prefecture, department, django_capture_on_commit_callbacks
):
    project = CatalogProjectFactory(department=department, name="子育てひろば開設事業")
    proposal = make_draft(
        people["proposer"], prefecture, content="保護者どうしの交流の場をつくる",
        confidential_sections=["content"], is_new_project=False, target_projects=[project],
    )
    proposal = walk(proposal, S.DECIDED, **people)
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_publish(actor=people["desk"], proposal=proposal)
    page = reverse("catalog:project_detail", args=[project.pk])
    before = client.get(page).content.decode()
    assert proposal.title in before and "保護者どうしの交流の場をつくる" not in before
    assert client.get(page)["X-Kyoso-Cache"] == "hit"
    proposer = signed_in(client, people["proposer"])
    with django_capture_on_commit_callbacks(execute=True):
        proposer.post(url("release_confidential", proposal.pk))
    client.logout()
    after = client.get(page)
    assert "X-Kyoso-Cache" not in after
    assert "保護者どうしの交流の場をつくる" in after.content.decode()
