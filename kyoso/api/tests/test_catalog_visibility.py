"""Undisclosed projects: hidden from the public and other bodies, visible to the body's staff."""

import pytest


def listed_names(client) -> set[str]:
    return {item["name"] for item in client.get("/api/v1/catalog/projects").json()["results"]}


@pytest.mark.django_db
def test_it_hides_undisclosed_projects_from_the_public(
    client, child_support_project, undisclosed_project
):
    assert listed_names(client) == {"子育てサポート事業"}
    response = client.get(f"/api/v1/catalog/projects/{undisclosed_project.pk}")
    assert response.status_code == 404
    assert response.json() == client.get("/api/v1/catalog/projects/999999").json()


@pytest.mark.parametrize("persona", ["outsider", "cso_member", "other_body_admin"])
@pytest.mark.django_db
def test_it_hides_undisclosed_projects_from_people_outside_the_body(
    client, request, persona, child_support_project, undisclosed_project
):
    client.force_login(request.getfixturevalue(persona))
    assert listed_names(client) == {"子育てサポート事業"}
    assert client.get(f"/api/v1/catalog/projects/{undisclosed_project.pk}").status_code == 404


@pytest.mark.parametrize("persona", ["department_officer", "body_admin", "desk_coordinator"])
@pytest.mark.django_db
def test_it_shows_undisclosed_projects_to_staff_of_the_body(
    client, request, persona, child_support_project, undisclosed_project
):
    client.force_login(request.getfixturevalue(persona))
    assert listed_names(client) == {"子育てサポート事業", "非公開の検討事業"}
    response = client.get(f"/api/v1/catalog/projects/{undisclosed_project.pk}")
    assert response.status_code == 200
    assert response.json()["disclosed"] is False
