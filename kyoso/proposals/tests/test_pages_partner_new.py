"""Start a proposal: organization, body, kind, and catalog projects or a new project."""

from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.proposals.models import Proposal

from .partner_pages import signed_in, url


def test_it_creates_a_draft_and_opens_its_task_list(client, cso_member, prefecture):
    response = signed_in(client, cso_member).post(url("new"), {
        "organization": cso_member.organization_memberships.get().organization_id,
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
        "body": municipality.code, "kind": "free", "target_projects": [project.pk],
    })
    assert response.status_code == 200 and not Proposal.objects.exists()
    assert "error-summary" in response.content.decode()


def test_it_keeps_what_was_typed_when_no_body_is_chosen(client, cso_member):
    response = signed_in(client, cso_member).post(url("new", language="en"), {
        "organization": cso_member.organization_memberships.get().organization_id,
        "body": "", "kind": "free", "title": "Riverside clean-up",
    })
    html = response.content.decode()
    assert response.status_code == 200 and "Riverside clean-up" in html
    assert "There is a problem" in html and not Proposal.objects.exists()
