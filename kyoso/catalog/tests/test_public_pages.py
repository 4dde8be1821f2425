"""The public browses and searches the disclosed catalog."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.core import memo
from kyoso.core.choices import PolicyField
from kyoso.organizations.selectors import forget_body_choices
from kyoso.organizations.tests.factories import DepartmentFactory

LIST = "/catalog/"


def names_in(response) -> set[str]:
    return {project.name for project in response.context["page"].object_list}


@pytest.fixture
def projects(department, other_department, municipality):
    city_department = DepartmentFactory(body=municipality, name="子育て支援課")
    return {
        "childcare": CatalogProjectFactory(
            department=department,
            name="子育て支援事業",
            field=PolicyField.CHILDREN,
            budget_yen=5_000_000,
            fiscal_year=2025,
        ),
        "support": CatalogProjectFactory(
            department=department,
            name="ひとり親家庭サポート事業",
            field=PolicyField.CHILDREN,
            budget_yen=800_000,
            fiscal_year=2024,
            open_to_collaboration=False,
        ),
        "tourism": CatalogProjectFactory(
            department=other_department,
            name="観光情報発信事業",
            name_en="Tourism promotion",
            field=PolicyField.TOURISM,
            budget_yen=30_000_000,
            fiscal_year=2025,
        ),
        "city": CatalogProjectFactory(
            department=city_department,
            name="地域子育て支援拠点事業",
            field=PolicyField.CHILDREN,
            budget_yen=12_000_000,
            fiscal_year=2025,
        ),
        "hidden": CatalogProjectFactory(
            department=department,
            name="子育て非公開事業",
            disclosed=False,
            fiscal_year=2025,
        ),
    }


def test_it_lists_disclosed_projects_only(client, projects):
    response = client.get(LIST)
    assert response.status_code == 200
    assert names_in(response) == {
        "子育て支援事業",
        "ひとり親家庭サポート事業",
        "観光情報発信事業",
        "地域子育て支援拠点事業",
    }


def test_it_finds_projects_by_a_word_in_their_name(client, projects):
    assert names_in(client.get(LIST, {"q": "子育て"})) == {
        "子育て支援事業",
        "地域子育て支援拠点事業",
    }


@pytest.mark.parametrize("query", ["さぽーと", "サポート", "ｻﾎﾟｰﾄ"])
def test_it_matches_hiragana_katakana_and_half_width_variants(client, projects, query):
    assert names_in(client.get(LIST, {"q": query})) == {"ひとり親家庭サポート事業"}


def test_it_searches_english_names(client, projects):
    assert names_in(client.get(LIST, {"q": "TOURISM"})) == {"観光情報発信事業"}


def test_it_requires_every_word_of_the_query(client, projects):
    assert names_in(client.get(LIST, {"q": "子育て　拠点"})) == {"地域子育て支援拠点事業"}


def test_it_filters_by_body_code(client, projects, municipality):
    assert names_in(client.get(LIST, {"body": municipality.code})) == {"地域子育て支援拠点事業"}


def test_it_filters_by_department(client, projects, prefecture, other_department):
    response = client.get(LIST, {"body": prefecture.code, "department": other_department.pk})
    assert names_in(response) == {"観光情報発信事業"}


def test_it_filters_by_field_and_fiscal_year(client, projects):
    response = client.get(LIST, {"field": "children", "fiscal_year": 2025})
    assert names_in(response) == {"子育て支援事業", "地域子育て支援拠点事業"}


def test_it_filters_projects_open_to_collaboration(client, projects):
    assert "ひとり親家庭サポート事業" not in names_in(client.get(LIST, {"open": "on"}))


def test_it_filters_by_budget_range(client, projects):
    response = client.get(LIST, {"budget_min": 1_000_000, "budget_max": 20_000_000})
    assert names_in(response) == {"子育て支援事業", "地域子育て支援拠点事業"}


def test_it_explains_a_bad_filter_in_the_users_language(client, projects):
    response = client.get("/en/catalog/", {"budget_min": "many"})
    assert "Enter a number." in response.content.decode()
    response = client.get(LIST, {"budget_min": "many"})
    assert "数値を入力してください。" in response.content.decode()
    assert 'value="many"' in response.content.decode()


def test_it_pages_through_results_keeping_the_filters(client, department):
    CatalogProjectFactory.create_batch(45, department=department, name="福祉事業")
    response = client.get(LIST, {"q": "福祉", "page": 3})
    page = response.context["page"]
    assert page.number == 3
    assert len(page.object_list) == 5
    assert 'href="?q=%E7%A6%8F%E7%A5%89&amp;page=2"' in response.content.decode()


def test_its_queries_do_not_grow_with_the_page_size(client, department, other_department):
    CatalogProjectFactory.create_batch(60, department=department)
    CatalogProjectFactory.create_batch(60, department=other_department)
    counts = []
    for size in (20, 100):
        caches["pages"].clear()  # count both times (public counts are cached)
        forget_body_choices()  # and build the body list both times
        memo.forget()  # and read the catalog's fiscal years both times
        with CaptureQueriesContext(connection) as queries:
            client.get(LIST, {"page_size": size})
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_it_shows_a_project_with_its_fiscal_year_in_both_calendars(client, projects):
    project = projects["childcare"]
    response = client.get(reverse("catalog:project_detail", args=[project.pk]))
    assert "2025年度(令和7年度)" in response.content.decode()
    assert "5,000,000円" in response.content.decode()
    response = client.get("/en" + reverse("catalog:project_detail", args=[project.pk]))
    assert "FY2025 (Reiwa 7)" in response.content.decode()


def test_it_hides_undisclosed_projects_behind_a_not_found(client, projects):
    response = client.get(reverse("catalog:project_detail", args=[projects["hidden"].pk]))
    assert response.status_code == 404


def test_it_shows_undisclosed_projects_to_their_body(client, projects, department_officer):
    client.force_login(department_officer)
    assert "子育て非公開事業" in names_in(client.get(LIST, {"q": "子育て"}))
    response = client.get(reverse("catalog:project_detail", args=[projects["hidden"].pk]))
    assert response.status_code == 200


def test_it_hides_undisclosed_projects_from_other_bodies(client, projects, other_body_admin):
    client.force_login(other_body_admin)
    assert "子育て非公開事業" not in names_in(client.get(LIST, {"q": "子育て"}))
    response = client.get(reverse("catalog:project_detail", args=[projects["hidden"].pk]))
    assert response.status_code == 404


def test_the_home_page_offers_search_and_the_bodies(client, projects, prefecture):
    response = client.get("/")
    assert response.status_code == 200
    assert prefecture.name in response.content.decode()
    response = client.get("/en/")
    assert "Saga Prefecture" in response.content.decode()


def test_it_offers_bodies_grouped_by_prefecture_with_the_choice_kept(
    client, projects, municipality
):
    page = client.get(LIST, {"body": municipality.code}).content.decode()
    assert '<optgroup label="佐賀県">' in page
    assert f'<option value="{municipality.code}" selected>佐賀市</option>' in page
    english = client.get("/en" + LIST).content.decode()
    assert '<optgroup label="Saga Prefecture">' in english


def test_a_project_page_invites_proposals_and_its_body_links_results(
    client, projects, prefecture
):
    project = projects["childcare"]
    page = client.get(reverse("catalog:project_detail", args=[project.pk])).content.decode()
    assert f"{reverse('proposals:new')}?project={project.pk}" in page
    page = client.get(f"/bodies/{prefecture.code}/").content.decode()
    assert reverse("proposals:public_results", args=[prefecture.code]) in page
    assert reverse("proposals:public_statistics", args=[prefecture.code]) in page
