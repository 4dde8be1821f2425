import pytest

from kyoso.catalog.tests.factories import CatalogProjectFactory


@pytest.mark.django_db
def test_it_lists_a_project_with_codes_labels_and_links(client, child_support_project):
    body = client.get("/api/v1/catalog/projects").json()
    assert body["count"] == 1
    item = body["results"][0]
    project = child_support_project
    assert item["id"] == project.pk
    assert item["project_number"] == "K-001"
    assert item["fiscal_year"] == 2025
    assert item["fiscal_year_label"] == "2025年度(令和7年度)"
    assert item["name"] == "子育てサポート事業"
    assert item["body"]["code"] == "410004"
    assert item["body"]["name"] == "佐賀県"
    assert item["department"] == {
        "id": project.department_id,
        "name": "こども家庭課",
        "name_en": "Children and Families Division",
        "display_name": "こども家庭課",
    }
    assert item["budget_yen"] == 3_000_000
    assert item["field"] == "children"
    assert item["implementation"] == "direct"
    assert item["open_to_collaboration"] is True
    assert item["collaboration_forms"] == ["outsourcing", "co_hosting"]
    assert len(item["collaboration_form_labels"]) == 2
    assert item["contact"] == "こども家庭課 0952-00-0000"
    assert item["url"] == f"http://testserver/catalog/{project.pk}/"
    assert item["api_url"] == f"http://testserver/api/v1/catalog/projects/{project.pk}"
    assert "purpose" not in item  # long texts are on the detail only


@pytest.mark.django_db
def test_it_shows_one_project_with_its_texts(client, child_support_project):
    response = client.get(f"/api/v1/catalog/projects/{child_support_project.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["purpose"] == "子育て家庭の孤立を防ぐ"
    assert body["content"] == "事業の内容"
    assert body["field_label"]
    assert body["updated_at"]


@pytest.mark.django_db
def test_it_answers_404_for_a_missing_project(client, child_support_project):
    response = client.get("/api/v1/catalog/projects/999999")
    assert response.status_code == 404
    assert response.json()["detail"]


@pytest.mark.django_db
def test_it_lists_newest_fiscal_year_first(client, department):
    older = CatalogProjectFactory(department=department, fiscal_year=2023)
    newer = CatalogProjectFactory(department=department, fiscal_year=2025)
    ids = [item["id"] for item in client.get("/api/v1/catalog/projects").json()["results"]]
    assert ids == [newer.pk, older.pk]


@pytest.mark.django_db
def test_it_ignores_a_collaboration_form_code_it_no_longer_knows(client, department):
    CatalogProjectFactory(department=department, collaboration_forms=["subsidy", "retired_form"])
    item = client.get("/api/v1/catalog/projects").json()["results"][0]
    assert item["collaboration_forms"] == ["subsidy"]
    assert len(item["collaboration_form_labels"]) == 1
