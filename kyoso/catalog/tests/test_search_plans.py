"""A search's page is ordered differently for few and for many results (see
``CachedCountPaginator``), but always holds the same projects in the list's order."""

import pytest
from django.urls import reverse

from kyoso.catalog import counting
from kyoso.catalog.models import CatalogProject
from kyoso.catalog.tests.factories import CatalogProjectFactory


@pytest.fixture
def projects(department):
    made = []
    for year in (2024, 2026, 2025):
        made += CatalogProjectFactory.create_batch(
            4, department=department, fiscal_year=year, name="子育て事業")
    CatalogProjectFactory.create_batch(3, department=department, name="道路の維持")
    CatalogProjectFactory(department=department, name="子育て非公開", disclosed=False)
    return made


def expected(**filters) -> list[int]:
    return list(CatalogProject.objects.disclosed().filter(name__contains="子育て", **filters)
                .order_by("-fiscal_year", "id").values_list("pk", flat=True))


def page_ids(client, **params) -> list[int]:
    page = client.get(reverse("catalog:project_list"), params).context["page"]
    return [project.pk for project in page]


@pytest.mark.parametrize("cap", [2_000, 5])  # few results (sorted apart), many (list order)
def test_every_page_holds_the_same_projects_in_list_order(client, projects, monkeypatch, cap):
    monkeypatch.setattr(counting, "COUNT_CAP", cap)
    pages = [page_ids(client, q="子育て", page_size=20, page=1)]
    assert pages[0] == expected()[: min(cap, 20)]
    assert page_ids(client, q="子育て", fiscal_year=2025) == expected(fiscal_year=2025)[:cap]


def test_many_results_read_year_by_year_in_list_order(client, projects, monkeypatch):
    monkeypatch.setattr(counting, "COUNT_CAP", 9)
    assert page_ids(client, q="子育て", page_size=20) == expected()[:9]
    # Ten results span three fiscal years (four projects each); another address, not cached.
    monkeypatch.setattr(counting, "COUNT_CAP", 10)
    assert page_ids(client, q="子育て", page_size=50) == expected()[:10]


def test_a_year_beyond_the_recent_ones_falls_back_to_the_whole_query(
    client, projects, department, monkeypatch
):
    CatalogProjectFactory(department=department, fiscal_year=2040, name="子育て将来構想")
    monkeypatch.setattr(counting, "COUNT_CAP", 5)
    ids = page_ids(client, q="子育て", page_size=20)
    assert ids == expected()[:5]
    assert CatalogProject.objects.get(pk=ids[0]).fiscal_year == 2040


@pytest.mark.parametrize("year", ["2025", "99999", "-3", "1925"])
def test_a_fiscal_year_is_compared_as_the_columns_type(client, projects, year):
    """The year is cast to smallint for the search index; one no catalog can hold is named as an
    error on the field (the other filters still apply)."""
    response = client.get(reverse("catalog:project_list"), {"q": "子育て", "fiscal_year": year})
    assert response.status_code == 200
    found = [project.pk for project in response.context["page"]]
    if year == "2025":
        assert found == expected(fiscal_year=2025)
    else:
        assert "fiscal_year" in response.context["form"].errors
        assert 'id="id_fiscal_year_error"' in response.content.decode()


def api_ids(client, **params) -> list[int]:
    response = client.get("/api/v1/catalog/projects", params)
    assert response.status_code == 200, response.content
    return [project["id"] for project in response.json()["results"]]


@pytest.mark.parametrize("cap", [2_000, 9, 5])
def test_the_api_reads_a_search_as_the_page_does(client, projects, monkeypatch, cap):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kyoso.api import pagination

    monkeypatch.setattr(counting, "COUNT_CAP", cap)
    monkeypatch.setattr(pagination, "COUNT_CAP", cap)
    with CaptureQueriesContext(connection) as queries:
        assert api_ids(client, q="子育て", page_size=20) == expected()[: min(cap, 20)]
    rows_sql = " ".join(
        query["sql"] for query in queries.captured_queries if '"name_en"' in query["sql"]
    )
    if cap == 2_000:  # few results: the count returned them in order; rows by primary key
        assert '"fiscal_year" + 0' not in rows_sql
        assert '"id" IN (' in rows_sql
    else:  # many: the newest fiscal year's matches, year by year
        assert '"fiscal_year" + 0' not in rows_sql
        assert rows_sql.count('."fiscal_year" = ') >= 1
    assert api_ids(client, q="子育て", fiscal_year=2025) == expected(fiscal_year=2025)[:cap]


@pytest.mark.parametrize("cap", [2_000, 3, 5, 7, 9, 13])
def test_counting_year_by_year_is_exact_at_every_cap(
    department, other_department, department_officer, monkeypatch, cap
):
    """The count by fiscal year (newest first, stopping past the cap) equals the plain count,
    with matches in years after, inside and before the years given, for the public and for
    staff who also see their body's undisclosed projects, alone and with other filters."""
    for year, count in ((2030, 2), (2026, 3), (2025, 0), (2024, 4), (2019, 1), (2010, 3)):
        CatalogProjectFactory.create_batch(count, department=department, fiscal_year=year,
                                           name="子育て支援", budget_yen=1_000_000)
    CatalogProjectFactory.create_batch(2, department=department, fiscal_year=2026,
                                       name="道路の維持")
    CatalogProjectFactory.create_batch(2, department=department, fiscal_year=2025,
                                       name="子育て検討", disclosed=False)
    CatalogProjectFactory.create_batch(3, department=other_department, fiscal_year=2026,
                                       name="子育て広場", budget_yen=50_000)
    monkeypatch.setattr(counting, "COUNT_CAP", cap)
    searches = [
        CatalogProject.objects.disclosed().search(["子育て"]),
        CatalogProject.objects.visible_to(department_officer).search(["子育て"]),
        CatalogProject.objects.disclosed().search(["子育て"]).filter(
            body=department.body, budget_yen__gte=100_000),
        CatalogProject.objects.disclosed().search(["子育て", "支援"]),
        CatalogProject.objects.none(),
    ]
    for searched in searches:
        plain = min(searched.count(), cap + 1)
        # Only the newest year given matters; the others may be anything.
        for years in ([2026, 2025, 2024, 2023], [2019], [2026, 2018], [2030, 2030], [2040]):
            assert counting.capped_count(searched, years=years) == plain, (searched.query, years)
            assert counting.counted_matches(searched, years=years) == in_order(searched, cap)
        assert counting.capped_count(searched) == plain
        assert counting.counted_matches(searched) == in_order(searched, cap)


def in_order(searched, cap) -> tuple[int, list[int] | None]:
    """What ``counted_matches`` must answer: the capped count, and every match in list order
    when there are no more than the cap."""
    ordered = list(searched.order_by("-fiscal_year", "id").values_list("pk", flat=True))
    return min(len(ordered), cap + 1), (ordered if len(ordered) <= cap else None)


def test_a_page_of_few_results_read_by_primary_key_and_again_from_a_cached_count(
    client, projects, monkeypatch
):
    """Page 1 counts and takes its rows from the matches; page 2 finds the count in the cache,
    has no matches, and sorts the few results itself. Both are in list order."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def rows_sql(queries):
        return " ".join(q["sql"] for q in queries.captured_queries if '"name_en"' in q["sql"])

    expected_ids = expected()
    with CaptureQueriesContext(connection) as first:
        assert api_ids(client, q="子育て", page_size=5) == expected_ids[:5]
    # Read now: the next request empties the connection's query log.
    assert '"id" IN (' in rows_sql(first) and '"fiscal_year" + 0' not in rows_sql(first)
    with CaptureQueriesContext(connection) as second:
        assert api_ids(client, q="子育て", page_size=5, page=2) == expected_ids[5:10]
    assert '"fiscal_year" + 0' in rows_sql(second)
    assert api_ids(client, q="子育て", page_size=5, page=3) == expected_ids[10:12]


def test_a_match_deleted_after_the_count_is_left_out_of_its_page(projects):
    paginator = counting.CachedCountPaginator(
        CatalogProject.objects.disclosed().search(["子育て"]).order_by("-fiscal_year", "id"), 5,
        **counting.search_page_plans({"q": "子育て"}))
    assert paginator.count == 12
    expected_ids = expected()
    CatalogProject.objects.filter(pk=expected_ids[1]).delete()
    page = paginator.page(1)
    assert [project.pk for project in page] == [expected_ids[0], *expected_ids[2:5]]


@pytest.mark.parametrize("viewer", ["public", "staff"])
def test_every_page_of_few_results_comes_from_the_counted_matches(
    projects, department_officer, viewer
):
    """Without a cached count, each page is cut from the matches the count returned: pages 2
    and 3, the last (short) one and one past it, for the public and for staff who also see
    their body's undisclosed project."""
    if viewer == "public":
        searched, shown = CatalogProject.objects.disclosed(), expected()
    else:
        searched = CatalogProject.objects.visible_to(department_officer)
        shown = list(searched.filter(name__contains="子育て").order_by("-fiscal_year", "id")
                     .values_list("pk", flat=True))
        assert len(shown) == 13  # the undisclosed one too
    for number in (1, 2, 3, 99):
        paginator = counting.CachedCountPaginator(
            searched.search(["子育て"]).order_by("-fiscal_year", "id"), 5,
            **counting.search_page_plans({"q": "子育て"}))
        assert paginator._counted[1] == shown
        page = paginator.get_page(number)
        bottom = (min(number, 3) - 1) * 5
        assert [project.pk for project in page] == shown[bottom : bottom + 5]
