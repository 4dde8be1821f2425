"""Input that people get wrong, on the catalog's filters, entries and imports: each is named in
the person's language, nothing typed is lost, and nothing is silently ignored or misread."""

import pytest
from django.urls import reverse
from django.utils import translation

from kyoso.catalog.io.samples import csv_bytes
from kyoso.catalog.models import CatalogProject
from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.catalog.tests.test_import_bad_files import run
from kyoso.core import memo
from kyoso.core.fiscal import fiscal_year_of
from kyoso.organizations.tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

LIST = reverse("catalog:project_list")


@pytest.mark.parametrize(("prefix", "message"), [
    ("", "予算の上限は下限以上にしてください。"),
    ("/en", "The budget up to must not be less than the budget from."),
])
def test_a_budget_range_upside_down_is_named(client, department, prefix, message):
    CatalogProjectFactory(department=department, budget_yen=50)
    response = client.get(prefix + LIST, {"budget_min": "100", "budget_max": "10"})
    html = response.content.decode()
    assert response.status_code == 200 and message in html
    assert "budget_max" in response.context["form"].errors
    assert 'value="100"' in html and 'value="10"' in html


def test_the_years_offered_include_the_history_a_body_disclosed(client, department):
    memo.forget()
    CatalogProjectFactory(department=department, fiscal_year=2006)
    CatalogProjectFactory(department=department, fiscal_year=2009, disclosed=False)
    page = client.get(LIST, {"fiscal_year": "2006"})
    html = page.content.decode()
    assert '<option value="2006" selected>2006年度(平成18年度)</option>' in html
    assert 'value="2009"' not in html  # only disclosed projects tell which years exist
    assert f'value="{fiscal_year_of()}"' in html  # and the recent years, as before
    assert [project.fiscal_year for project in page.context["page"]] == [2006]


def test_a_year_asked_for_is_offered_even_without_projects(client, department):
    memo.forget()
    html = client.get(LIST, {"fiscal_year": "1990"}).content.decode()
    assert '<option value="1990" selected>' in html


def test_changing_the_body_drops_a_department_of_the_body_before(
    client, prefecture, municipality, department
):
    city_department = DepartmentFactory(body=municipality, name="子育て支援課")
    city_project = CatalogProjectFactory(department=city_department)
    CatalogProjectFactory(department=department)
    response = client.get("/en" + LIST, {"body": municipality.code, "department": department.pk})
    assert response.status_code == 200
    assert not response.context["form"].errors
    assert [project.pk for project in response.context["page"]] == [city_project.pk]
    # A department that exists nowhere is still an error.
    response = client.get("/en" + LIST, {"body": municipality.code, "department": "999999"})
    assert "department" in response.context["form"].errors


def test_the_api_takes_the_catalog_pages_own_empty_fields(client, department):
    project = CatalogProjectFactory(department=department)
    response = client.get(
        "/api/v1/catalog/projects?q=&body=&department=&field=&fiscal_year=&open=&budget_min="
        "&budget_max="
    )
    assert response.status_code == 200, response.content
    assert [row["id"] for row in response.json()["results"]] == [project.pk]


@pytest.mark.parametrize(("language", "message"), [
    ("ja", "年より先の年度です。年度を確かめてください。"),
    ("en", "years ahead. Check the fiscal year."),
])
def test_a_fiscal_year_far_ahead_is_refused_on_the_form(
    client, department_officer, department, language, message
):
    from kyoso.catalog.tests.test_keeping_entries import form_data

    client.force_login(department_officer)
    with translation.override(language):
        url = reverse("catalog:project_create")
    response = client.post(url, form_data(department, fiscal_year="令和99年度"))
    assert response.status_code == 200 and message in response.content.decode()
    assert not CatalogProject.objects.exists()
    ahead = fiscal_year_of() + 5
    client.post(url, form_data(department, fiscal_year=str(ahead)))
    assert CatalogProject.objects.get().fiscal_year == ahead


def test_a_fiscal_year_far_ahead_is_refused_on_import(body_admin, prefecture, department):
    headers = ["年度", "担当課", "事業名", "分野"]
    result = run(body_admin, prefecture, csv_bytes(
        [["令和7年度", "こども家庭課", "事業1", "子育て"],
         ["令和99年度", "こども家庭課", "事業2", "子育て"]], headers))
    assert [(error.line, error.column) for error in result.errors] == [(3, "年度")]
    assert "years ahead" in result.errors[0].message
    assert not CatalogProject.objects.exists()


def test_a_serial_number_column_is_not_read_as_the_project_number(
    body_admin, prefecture, department
):
    headers = ["No.", "年度", "担当課", "事業名", "分野"]
    rows = [["1", "令和7年度", "こども家庭課", "事業1", "子育て"],
            ["2", "令和7年度", "こども家庭課", "事業2", "子育て"]]
    assert run(body_admin, prefecture, csv_bytes(rows, headers)).ok
    assert list(CatalogProject.objects.values_list("code", flat=True)) == ["", ""]


def test_a_budget_typed_in_full_width_digits_is_applied_and_shown_again(client, department):
    cheap = CatalogProjectFactory(department=department, budget_yen=500)
    CatalogProjectFactory(department=department, budget_yen=5_000)
    response = client.get(LIST, {"budget_max": "１０００"})
    assert [project.pk for project in response.context["page"]] == [cheap.pk]
    html = response.content.decode()
    assert '<input type="text" name="budget_max" value="１０００" inputmode="numeric"' in html
