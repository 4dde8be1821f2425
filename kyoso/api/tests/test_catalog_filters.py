"""Every filter of the catalog page works the same way in the API."""

import pytest

from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.core.choices import PolicyField
from kyoso.organizations.tests.factories import DepartmentFactory


def names(client, **params) -> set[str]:
    response = client.get("/api/v1/catalog/projects", params)
    assert response.status_code == 200, response.content
    return {item["name"] for item in response.json()["results"]}


@pytest.fixture
def catalog(prefecture, municipality, department, other_department):
    city_department = DepartmentFactory(body=municipality, name="市民協働課")
    CatalogProjectFactory(
        department=department, name="子育て相談", field=PolicyField.CHILDREN,
        fiscal_year=2025, budget_yen=500_000, open_to_collaboration=True,
    )
    CatalogProjectFactory(
        department=other_department, name="観光案内", field=PolicyField.TOURISM,
        fiscal_year=2024, budget_yen=5_000_000, open_to_collaboration=False,
    )
    CatalogProjectFactory(
        department=city_department, name="市民活動支援", field=PolicyField.COMMUNITY,
        fiscal_year=2025, budget_yen=50_000_000, open_to_collaboration=True,
    )
    return {"city_department": city_department}


@pytest.mark.django_db
def test_it_filters_by_body_code(client, catalog):
    assert names(client, body="412015") == {"市民活動支援"}
    assert names(client, body="410004") == {"子育て相談", "観光案内"}


@pytest.mark.django_db
def test_it_filters_by_department_of_the_body(client, catalog, other_department):
    assert names(client, body="410004", department=other_department.pk) == {"観光案内"}


@pytest.mark.django_db
def test_it_filters_by_department_alone(client, catalog):
    assert names(client, department=catalog["city_department"].pk) == {"市民活動支援"}


@pytest.mark.django_db
def test_it_filters_by_field(client, catalog):
    assert names(client, field="tourism") == {"観光案内"}


@pytest.mark.django_db
def test_it_filters_by_fiscal_year(client, catalog):
    assert names(client, fiscal_year=2024) == {"観光案内"}


@pytest.mark.django_db
def test_it_filters_projects_open_to_collaboration(client, catalog):
    assert names(client, open="true") == {"子育て相談", "市民活動支援"}
    # As the page's unchecked box: false does not narrow the list.
    assert names(client, open="false") == {"子育て相談", "観光案内", "市民活動支援"}


@pytest.mark.django_db
def test_it_filters_by_budget_range(client, catalog):
    assert names(client, budget_min=1_000_000) == {"観光案内", "市民活動支援"}
    assert names(client, budget_max=5_000_000) == {"子育て相談", "観光案内"}
    assert names(client, budget_min=1_000_000, budget_max=5_000_000) == {"観光案内"}


@pytest.mark.django_db
def test_it_combines_filters(client, catalog):
    assert names(client, fiscal_year=2025, open="true", body="410004") == {"子育て相談"}
