from urllib.parse import parse_qs, urlsplit

import pytest

from kyoso.catalog.tests.factories import CatalogProjectFactory


@pytest.fixture
def many_projects(department):
    return CatalogProjectFactory.create_batch(45, department=department, fiscal_year=2025)


def query_of(url: str) -> dict:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


@pytest.mark.django_db
def test_it_answers_count_next_previous_and_results(client, many_projects):
    body = client.get("/api/v1/catalog/projects").json()
    assert set(body) == {"count", "count_exact", "next", "previous", "results"}
    assert body["count"] == 45
    assert len(body["results"]) == 20  # the default page size
    assert body["previous"] is None
    assert body["next"] == "http://testserver/api/v1/catalog/projects?page=2"


@pytest.mark.django_db
def test_it_keeps_filters_in_next_and_previous(client, many_projects):
    body = client.get(
        "/api/v1/catalog/projects",
        {"page": 2, "page_size": 10, "body": "410004", "q": "試験", "lang": "en"},
    ).json()
    assert urlsplit(body["next"]).path == "/api/v1/catalog/projects"
    assert body["next"].startswith("http://testserver/")
    assert query_of(body["next"]) == {
        "page": "3",
        "page_size": "10",
        "body": "410004",
        "q": "試験",
        "lang": "en",
    }
    # The first page is addressed without a page number.
    assert query_of(body["previous"]) == {
        "page_size": "10",
        "body": "410004",
        "q": "試験",
        "lang": "en",
    }


@pytest.mark.django_db
def test_it_walks_every_page_without_gaps_or_repeats(client, many_projects):
    seen, url = [], "/api/v1/catalog/projects?page_size=20"
    while url:
        body = client.get(url).json()
        seen.extend(item["id"] for item in body["results"])
        url = body["next"]
    assert sorted(seen) == sorted(project.pk for project in many_projects)
    assert len(seen) == 45


@pytest.mark.django_db
def test_it_answers_the_last_partial_page(client, many_projects):
    body = client.get("/api/v1/catalog/projects", {"page": 3}).json()
    assert len(body["results"]) == 5
    assert body["next"] is None
    assert body["count"] == 45


@pytest.mark.django_db
def test_it_allows_at_most_100_results_per_page(client, many_projects):
    assert len(client.get("/api/v1/catalog/projects", {"page_size": 100}).json()["results"]) == 45
    response = client.get("/api/v1/catalog/projects", {"page_size": 101})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "page_size"]


@pytest.mark.parametrize("params", [{"page": 0}, {"page_size": 0}, {"page": "two"}])
@pytest.mark.django_db
def test_it_refuses_impossible_page_parameters(client, many_projects, params):
    assert client.get("/api/v1/catalog/projects", params).status_code == 422


@pytest.mark.django_db
def test_it_answers_404_past_the_last_page(client, many_projects):
    response = client.get("/api/v1/catalog/projects", {"page": 4})
    assert response.status_code == 404
    assert "3" in response.json()["detail"]


@pytest.mark.django_db
def test_it_answers_an_empty_first_page_when_nothing_matches(client, many_projects):
    body = client.get("/api/v1/catalog/projects", {"q": "存在しない語"}).json()
    assert body == {"count": 0, "count_exact": True, "next": None, "previous": None, "results": []}


@pytest.mark.django_db
def test_it_paginates_bodies_and_departments_alike(client, prefecture, department):
    for path in ("/api/v1/bodies", "/api/v1/bodies/410004/departments"):
        body = client.get(path, {"page_size": 1}).json()
        assert set(body) == {"count", "count_exact", "next", "previous", "results"}
        assert len(body["results"]) == 1


@pytest.mark.django_db
def test_it_refuses_pages_beyond_what_is_counted(client):
    assert (
        client.get("/api/v1/catalog/projects", {"page": "99999999999999999999"}).status_code == 422
    )
    response = client.get("/api/v1/catalog/projects", {"page": 600, "page_size": 20})
    assert response.status_code == 404
