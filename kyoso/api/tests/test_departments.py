import pytest

from kyoso.organizations.tests.factories import DepartmentFactory


@pytest.mark.django_db
def test_it_lists_the_departments_of_a_body(
    client, prefecture, department, other_department, desk_department, other_prefecture
):
    DepartmentFactory(body=other_prefecture, name="国際課")
    body = client.get("/api/v1/bodies/410004/departments").json()
    assert body["count"] == 3
    names = {item["name"] for item in body["results"]}
    assert names == {"こども家庭課", "観光課", "協働推進課"}
    desk = next(item for item in body["results"] if item["name"] == "協働推進課")
    assert desk["is_desk"] is True
    assert desk["body"]["code"] == "410004"


@pytest.mark.django_db
def test_it_shows_a_department_with_links(client, department):
    body = client.get(f"/api/v1/departments/{department.pk}").json()
    assert body["name"] == "こども家庭課"
    assert body["bureau"] == department.bureau
    assert body["api_url"] == f"http://testserver/api/v1/departments/{department.pk}"
    assert body["catalog_url"] == (
        f"http://testserver/api/v1/catalog/projects?body=410004&department={department.pk}"
    )


@pytest.mark.django_db
def test_it_does_not_publish_department_phone_or_email(client, department):
    department.phone = "0952-00-0000"
    department.email = "kodomo@pref.example.jp"
    department.save()
    body = client.get(f"/api/v1/departments/{department.pk}").json()
    assert "phone" not in body and "email" not in body


@pytest.mark.django_db
def test_it_answers_404_for_a_missing_department_or_one_of_an_inactive_body(
    client, department
):
    assert client.get("/api/v1/departments/999999").status_code == 404
    department.body.is_active = False
    department.body.save()
    response = client.get(f"/api/v1/departments/{department.pk}")
    assert response.status_code == 404
    assert "detail" in response.json()


@pytest.mark.django_db
def test_it_answers_404_for_departments_of_an_unknown_body(client, department):
    assert client.get("/api/v1/bodies/999999/departments").status_code == 404
