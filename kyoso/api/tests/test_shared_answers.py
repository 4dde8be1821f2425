"""Anonymous API callers share the catalog's and the bodies' answers until the catalog changes
(kyoso.core.page_cache.share_public_answers)."""

import json

from kyoso.api.tests.conftest import make_token
from kyoso.catalog import services
from kyoso.catalog.tests.factories import CatalogProjectFactory

PROJECTS = "/api/v1/catalog/projects"


def test_a_repeated_anonymous_question_is_answered_from_the_cache(client, child_support_project):
    first = client.get(PROJECTS, {"q": "子育て"})
    second = client.get(PROJECTS, {"q": "子育て"})
    assert "X-Kyoso-Cache" not in first
    assert second["X-Kyoso-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "ja"
    assert json.loads(second.content)["results"][0]["name"] == "子育てサポート事業"


def test_each_language_has_its_own_answer(client, child_support_project):
    japanese = client.get(PROJECTS).json()["results"][0]
    by_parameter = client.get(PROJECTS, {"lang": "en"})
    by_header = client.get(PROJECTS, headers={"accept-language": "en"})
    assert "X-Kyoso-Cache" not in by_parameter
    assert by_parameter.json()["results"][0]["field_label"] != japanese["field_label"]
    assert by_header["Content-Language"] == "en"
    assert "X-Kyoso-Cache" not in by_header
    assert by_header.json()["results"][0]["field_label"] == (
        by_parameter.json()["results"][0]["field_label"])
    assert client.get(PROJECTS, headers={"accept-language": "en"})["X-Kyoso-Cache"] == "hit"


def test_absolute_addresses_follow_the_host_asked(client, child_support_project, settings):
    settings.ALLOWED_HOSTS = ["kyoso.example.jp", "testserver"]
    client.get(PROJECTS)
    other = client.get(PROJECTS, headers={"host": "kyoso.example.jp"})
    assert "X-Kyoso-Cache" not in other
    assert other.json()["results"][0]["url"].startswith("http://kyoso.example.jp/")


def test_a_caller_with_a_token_is_never_answered_nor_stored_from_the_cache(
    client, child_support_project, department_officer
):
    headers = {"authorization": f"Bearer {make_token(department_officer)}"}
    with_token = client.get(PROJECTS, headers=headers)
    assert with_token.status_code == 200
    assert "X-Kyoso-Cache" not in client.get(PROJECTS)  # nothing was stored for the public
    assert client.get(PROJECTS)["X-Kyoso-Cache"] == "hit"
    again = client.get(PROJECTS, headers=headers)
    assert "X-Kyoso-Cache" not in again


def test_signed_in_staff_see_their_undisclosed_projects_not_the_shared_answer(
    client, child_support_project, undisclosed_project, department_officer
):
    client.get(PROJECTS)
    client.force_login(department_officer)
    response = client.get(PROJECTS)
    assert "X-Kyoso-Cache" not in response
    assert undisclosed_project.name in {row["name"] for row in response.json()["results"]}
    client.logout()
    public = client.get(PROJECTS)
    assert undisclosed_project.name not in {row["name"] for row in public.json()["results"]}


def test_a_change_to_the_catalog_is_answered_at_once(
    client, child_support_project, department_officer, django_capture_on_commit_callbacks
):
    path = f"{PROJECTS}/{child_support_project.pk}"
    assert client.get(path).json()["name"] == "子育てサポート事業"
    assert client.get(path)["X-Kyoso-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        services.project_update(actor=department_officer, project=child_support_project,
                                data={"name": "子育て応援事業"})
    changed = client.get(path)
    assert "X-Kyoso-Cache" not in changed
    assert changed.json()["name"] == "子育て応援事業"


def test_a_renamed_body_is_answered_at_once(client, department, django_capture_on_commit_callbacks):
    CatalogProjectFactory(department=department)
    body = department.body
    path = f"/api/v1/bodies/{body.code}"
    assert client.get(path).json()["name"] == body.name
    assert client.get(path)["X-Kyoso-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        body.name = "新しい名前県"
        body.save()
    renamed = client.get(path)
    assert "X-Kyoso-Cache" not in renamed
    assert renamed.json()["name"] == "新しい名前県"


def test_bodies_and_departments_are_shared_and_follow_a_renamed_department(
    client, department, django_capture_on_commit_callbacks
):
    body = department.body
    paths = ["/api/v1/bodies", f"/api/v1/bodies/{body.code}/departments",
             f"/api/v1/departments/{department.pk}"]
    for path in paths:
        assert client.get(path).status_code == 200
        assert client.get(path)["X-Kyoso-Cache"] == "hit", path
    with django_capture_on_commit_callbacks(execute=True):
        department.name = "改名後の課"
        department.save()
    for path in paths[1:]:
        answer = client.get(path)
        assert "X-Kyoso-Cache" not in answer, path
        assert "改名後の課" in answer.content.decode(), path


def test_the_language_cookie_has_its_own_answer(client, child_support_project, settings):
    client.get(PROJECTS)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(PROJECTS)
    assert "X-Kyoso-Cache" not in english
    assert english["Content-Language"] == "en"


def test_head_is_answered_as_the_api_answers_it_whatever_the_cache_holds(
    client, child_support_project
):
    cold = client.head(PROJECTS)
    client.get(PROJECTS)
    warm = client.head(PROJECTS)
    assert warm.status_code == cold.status_code
    assert "X-Kyoso-Cache" not in warm


def test_errors_are_not_shared(client, db):
    first = client.get(PROJECTS, {"fiscal_year": "not-a-year"})
    assert first.status_code == 422
    assert "X-Kyoso-Cache" not in client.get(PROJECTS, {"fiscal_year": "not-a-year"})
