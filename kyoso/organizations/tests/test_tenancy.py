"""Bodies are tenants: nobody sees or changes another body's non-public records."""

import pytest

from kyoso.catalog.tests.factories import CatalogProjectFactory


@pytest.fixture
def hidden_project(department):
    return CatalogProjectFactory(department=department, name="非公開の検討中事業", disclosed=False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona", ["other_body_admin", "other_body_officer", "cso_member", "outsider"]
)
def test_another_bodys_staff_and_partners_do_not_see_undisclosed_projects(
    client, hidden_project, persona, request
):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(f"/catalog/{hidden_project.pk}/").status_code == 404
    assert "非公開の検討中事業" not in client.get("/catalog/").content.decode()
    assert "非公開の検討中事業" not in client.get("/catalog/", {"q": "検討中"}).content.decode()


@pytest.mark.django_db
def test_the_bodys_own_staff_see_them(client, hidden_project, other_department_officer):
    client.force_login(other_department_officer)

    assert client.get(f"/catalog/{hidden_project.pk}/").status_code == 200


@pytest.mark.django_db
def test_another_bodys_administrator_cannot_edit_delete_or_export(
    client, hidden_project, other_body_admin, prefecture
):
    client.force_login(other_body_admin)

    assert client.get(f"/manage/catalog/{hidden_project.pk}/edit/").status_code == 404
    assert client.post(f"/manage/catalog/{hidden_project.pk}/delete/").status_code == 404
    assert client.get(f"/manage/bodies/{prefecture.code}/export.csv").status_code == 404
    assert client.get(f"/manage/bodies/{prefecture.code}/import/").status_code == 404
    hidden_project.refresh_from_db()  # still there


@pytest.mark.django_db
def test_another_bodys_administrator_cannot_manage_its_staff(client, other_body_admin, prefecture):
    client.force_login(other_body_admin)

    assert client.get(f"/manage/bodies/{prefecture.code}/staff/").status_code == 404
    assert client.get(f"/en/manage/bodies/{prefecture.code}/staff/").status_code == 404


@pytest.mark.django_db
def test_a_municipality_is_a_tenant_of_its_own(client, municipality, body_admin):
    """The prefecture's administrator does not manage a municipality's staff."""
    client.force_login(body_admin)

    assert client.get(f"/manage/bodies/{municipality.code}/staff/").status_code == 404


@pytest.mark.django_db
def test_an_undisclosed_project_is_not_in_the_prefectures_managed_list_of_another_body(
    client, hidden_project, other_body_admin
):
    client.force_login(other_body_admin)

    assert "非公開の検討中事業" not in client.get("/manage/catalog/").content.decode()
