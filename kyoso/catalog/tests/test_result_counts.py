"""Public result counts come from the cache, and any change to the catalog renews them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kyoso.catalog import services
from kyoso.catalog.tests.factories import CatalogProjectFactory


def count_on_page(client, **params):
    return client.get(reverse("catalog:project_list"), params).context["page"].paginator.count


def test_it_counts_once_for_repeated_public_searches(client, department):
    CatalogProjectFactory.create_batch(3, department=department, name="子育て事業")
    assert count_on_page(client, q="子育て") == 3
    with CaptureQueriesContext(connection) as queries:
        # Another address (so not the cached page), the same filters (so the cached count).
        assert count_on_page(client, q="子育て", page_size=50) == 3
    assert not any("COUNT(" in query["sql"].upper() for query in queries)


def test_it_renews_counts_when_the_catalog_changes(
    client, department, department_officer, django_capture_on_commit_callbacks
):
    project = CatalogProjectFactory(department=department, name="子育て事業")
    assert count_on_page(client, q="子育て") == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.project_delete(actor=department_officer, project=project)
    assert count_on_page(client, q="子育て") == 0


def test_it_counts_exactly_for_signed_in_staff(client, department, department_officer):
    CatalogProjectFactory(department=department, name="子育て事業")
    CatalogProjectFactory(department=department, name="子育て非公開", disclosed=False)
    assert count_on_page(client, q="子育て") == 1
    client.force_login(department_officer)
    assert count_on_page(client, q="子育て") == 2


def test_it_stops_counting_at_the_cap(client, department, monkeypatch):
    from kyoso.catalog import counting

    monkeypatch.setattr(counting, "COUNT_CAP", 5)
    CatalogProjectFactory.create_batch(7, department=department, name="子育て事業")
    response = client.get(reverse("catalog:project_list"), {"q": "子育て", "page_size": 20})
    paginator = response.context["page"].paginator
    assert paginator.count == 5
    assert paginator.count_capped
    assert "More than 5 projects found" in client.get(
        "/en" + reverse("catalog:project_list"), {"q": "子育て"}
    ).content.decode()


def test_it_counts_exactly_below_the_cap(client, department):
    CatalogProjectFactory.create_batch(7, department=department, name="子育て事業")
    paginator = client.get(reverse("catalog:project_list"), {"q": "子育て"}).context[
        "page"
    ].paginator
    assert (paginator.count, paginator.count_capped) == (7, False)
