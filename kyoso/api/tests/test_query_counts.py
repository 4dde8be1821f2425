"""Queries per request do not grow with the page size (no query per row)."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.organizations.tests.factories import DepartmentFactory, MunicipalityFactory


@pytest.fixture
def spread_catalog(prefecture):
    # Projects over several bodies and departments, so that a lazy relation would show.
    for _ in range(6):
        body = MunicipalityFactory(parent=prefecture)
        department = DepartmentFactory(body=body)
        CatalogProjectFactory.create_batch(
            10, department=department, collaboration_forms=["subsidy"]
        )


def queries_for(client, path, **params) -> int:
    caches["pages"].clear()  # public totals are shared through the cache: count every time here
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200, response.content
    return len(captured)


@pytest.mark.parametrize("login", [None, "department_officer"])
@pytest.mark.django_db
def test_it_lists_projects_in_as_many_queries_for_5_as_for_50(
    client, request, spread_catalog, login
):
    if login:
        client.force_login(request.getfixturevalue(login))
        client.get("/api/v1/")  # the session's one-time second-factor check happens here
    small = queries_for(client, "/api/v1/catalog/projects", page_size=5)
    large = queries_for(client, "/api/v1/catalog/projects", page_size=50)
    assert small == large
    if login is None:
        assert large == 3  # the page, the newest id (for the count's cache key) and the count


@pytest.mark.django_db
def test_it_lists_filtered_projects_in_as_many_queries_for_5_as_for_50(client, spread_catalog):
    params = {"body": "410004", "q": "試験", "fiscal_year": 2025}
    small = queries_for(client, "/api/v1/catalog/projects", page_size=5, **params)
    large = queries_for(client, "/api/v1/catalog/projects", page_size=50, **params)
    assert small == large


@pytest.mark.django_db
def test_it_lists_bodies_and_departments_in_as_many_queries_for_5_as_for_50(
    client, spread_catalog, prefecture
):
    DepartmentFactory.create_batch(12, body=prefecture)
    for path in ("/api/v1/bodies", "/api/v1/bodies/410004/departments"):
        assert len(client.get(path, {"page_size": 50}).json()["results"]) > 5
        # A first page that is not full spares the COUNT: never more queries for more rows.
        assert queries_for(client, path, page_size=50) <= queries_for(client, path, page_size=5)


@pytest.mark.django_db
def test_it_says_when_counting_stopped_at_the_cap(client, spread_catalog, monkeypatch):
    import kyoso.api.pagination as pagination
    import kyoso.catalog.counting as counting

    monkeypatch.setattr(counting, "COUNT_CAP", 25)
    monkeypatch.setattr(pagination, "COUNT_CAP", 25)
    body = client.get("/api/v1/catalog/projects", {"page_size": 5}).json()
    assert (body["count"], body["count_exact"]) == (25, False)
    body = client.get("/api/v1/catalog/projects", {"page_size": 5, "body": "410004"}).json()
    assert body["count_exact"] is True
