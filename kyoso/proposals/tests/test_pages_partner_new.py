"""Start a proposal: organization, body, kind, and catalog projects or a new project."""

import uuid

from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.proposals.models import Proposal

from .partner_pages import signed_in, url


def test_it_creates_a_draft_and_opens_its_task_list(client, cso_member, prefecture):
    response = signed_in(client, cso_member).post(url("new"), {
        "organization": cso_member.organization_memberships.get().organization_id,
        "submission_key": str(uuid.uuid4()),
        "body": prefecture.code, "kind": "free", "title": "ＮＰＯの提案", "is_new_project": "on",
    })
    proposal = Proposal.objects.get()
    assert response.url == url("task_list", proposal.pk)
    assert proposal.state == "draft" and proposal.author == cso_member
    assert proposal.title == "NPOの提案" and proposal.is_new_project


def test_it_preselects_the_catalog_project_it_was_reached_from(
    client, cso_member, prefecture, department
):
    project = CatalogProjectFactory(department=department, name="子育てひろば開設事業")
    page = signed_in(client, cso_member).get(url("new") + f"?project={project.pk}")
    html = page.content.decode()
    assert "子育てひろば開設事業" in html
    assert f'value="{project.pk}" id="id_target_projects_0" checked' in html
    client.post(url("new") + f"?project={project.pk}", {
        "organization": cso_member.organization_memberships.get().organization_id,
        "submission_key": str(uuid.uuid4()),
        "body": prefecture.code, "kind": "free", "target_projects": [project.pk],
    })
    assert list(Proposal.objects.get().target_projects.all()) == [project]


def test_it_refuses_an_undisclosed_project_and_a_project_of_another_body(
    client, cso_member, prefecture, municipality, department
):
    hidden = CatalogProjectFactory(department=department, disclosed=False)
    page = signed_in(client, cso_member).get(url("new") + f"?project={hidden.pk}")
    assert "id_target_projects" not in page.content.decode()
    project = CatalogProjectFactory(department=department)
    response = client.post(url("new") + f"?project={project.pk}", {
        "organization": cso_member.organization_memberships.get().organization_id,
        "submission_key": str(uuid.uuid4()),
        "body": municipality.code, "kind": "free", "target_projects": [project.pk],
    })
    assert response.status_code == 200 and not Proposal.objects.exists()
    assert "error-summary" in response.content.decode()


def test_it_keeps_what_was_typed_when_no_body_is_chosen(client, cso_member):
    response = signed_in(client, cso_member).post(url("new", language="en"), {
        "organization": cso_member.organization_memberships.get().organization_id,
        "submission_key": str(uuid.uuid4()),
        "body": "", "kind": "free", "title": "Riverside clean-up",
    })
    html = response.content.decode()
    assert response.status_code == 200 and "Riverside clean-up" in html
    assert "There is a problem" in html and not Proposal.objects.exists()


def test_a_second_click_on_create_makes_one_draft(client, cso_member, prefecture):
    data = {
        "organization": cso_member.organization_memberships.get().organization_id,
        "submission_key": str(uuid.uuid4()),
        "body": prefecture.code, "kind": "free", "title": "川の清掃", "is_new_project": "on",
    }
    first = signed_in(client, cso_member).post(url("new"), data)
    second = client.post(url("new"), data)
    proposal = Proposal.objects.get()
    assert first.url == second.url == url("task_list", proposal.pk)
    # A new blank form has a new key, and makes a second draft.
    page = client.get(url("new")).content.decode()
    assert data["submission_key"] not in page and 'name="submission_key"' in page
    client.post(url("new"), {**data, "submission_key": str(uuid.uuid4())})
    assert Proposal.objects.count() == 2


def test_the_form_keeps_its_key_while_the_input_is_corrected(client, cso_member, prefecture):
    key = str(uuid.uuid4())
    data = {
        "organization": cso_member.organization_memberships.get().organization_id,
        "submission_key": key, "body": "", "kind": "free", "title": "川の清掃",
    }
    refused = signed_in(client, cso_member).post(url("new"), data)
    assert f'value="{key}"' in refused.content.decode()
    client.post(url("new"), {**data, "body": prefecture.code})
    assert Proposal.objects.get().title == "川の清掃"
