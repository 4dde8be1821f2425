"""The import page of a body's administrator, and the export downloads of its members."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from kyoso.catalog.io.samples import csv_bytes, sample_rows
from kyoso.catalog.models import CatalogProject
from kyoso.catalog.tests.factories import CatalogProjectFactory

pytestmark = pytest.mark.django_db

BAD_ROWS = [["2025", "1", "b", "c", "d", "e", "f", "g", "-5", "直営", "", "環境", "可", "", ""]]


def import_url(body, language="ja"):
    with translation.override(language):
        return reverse("catalog:import", kwargs={"code": body.code})


def export_url(body, fmt):
    return reverse("catalog:export", kwargs={"code": body.code, "fmt": fmt})


def post_file(client, body, data, name="catalog.csv", language="ja", **extra):
    return client.post(
        import_url(body, language), {"file": SimpleUploadedFile(name, data), **extra}
    )


def test_it_shows_the_import_page_to_the_body_admin(client, body_admin, prefecture):
    client.force_login(body_admin)

    response = client.get(import_url(prefecture))

    assert response.status_code == 200
    page = response.content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert export_url(prefecture, "csv") in page
    assert export_url(prefecture, "xlsx") in page


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("department_officer", 403),
        ("desk_coordinator", 403),
        ("other_body_admin", 404),
        ("cso_member", 404),
        ("outsider", 404),
    ],
)
def test_it_keeps_the_import_page_from_everyone_else(client, request, prefecture, persona, status):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(import_url(prefecture)).status_code == status
    response = post_file(client, prefecture, csv_bytes(sample_rows(1)))
    assert response.status_code == status
    assert not CatalogProject.objects.exists()


def test_it_sends_anonymous_visitors_to_log_in(client, prefecture):
    response = client.get(import_url(prefecture))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_it_imports_then_redirects_and_shows_the_summary_once(client, body_admin, prefecture):
    client.force_login(body_admin)

    response = post_file(client, prefecture, csv_bytes(sample_rows(12, departments=2)))

    assert response.status_code == 302
    assert response["Location"] == import_url(prefecture)
    assert CatalogProject.objects.filter(body=prefecture).count() == 12
    page = client.get(response["Location"]).content.decode()
    assert "試験課0" in page  # departments created
    assert "12" in page
    assert "試験課0" not in client.get(import_url(prefecture)).content.decode()


def test_it_makes_a_double_submit_harmless(client, body_admin, prefecture):
    client.force_login(body_admin)
    data = csv_bytes(sample_rows(5))

    post_file(client, prefecture, data)
    post_file(client, prefecture, data)

    assert CatalogProject.objects.count() == 5


def test_it_checks_without_importing_on_a_dry_run(client, body_admin, prefecture):
    client.force_login(body_admin)

    response = post_file(client, prefecture, csv_bytes(sample_rows(3)), dry_run="on")

    assert response.status_code == 200
    assert not CatalogProject.objects.exists()
    assert 'id="id_dry_run" checked' in response.content.decode()


def test_it_shows_every_problem_and_keeps_the_form(client, body_admin, prefecture):
    client.force_login(body_admin)

    response = post_file(client, prefecture, csv_bytes(BAD_ROWS), dry_run="on")

    page = response.content.decode()
    assert response.status_code == 200
    assert "予算額にマイナスの値は入力できません。" in page
    assert "予算額（千円）" in page
    assert 'id="id_dry_run" checked' in page
    assert not CatalogProject.objects.exists()


def test_it_shows_problems_in_english_under_en(client, body_admin, prefecture):
    client.force_login(body_admin)

    response = post_file(client, prefecture, csv_bytes(BAD_ROWS), language="en")

    page = response.content.decode()
    assert "The budget cannot be negative." in page
    assert "The file was not imported" in page


def test_it_asks_for_a_file(client, body_admin, prefecture):
    client.force_login(body_admin)

    response = client.post(import_url(prefecture), {})

    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


def test_it_downloads_the_csv_for_a_member(client, department_officer, department):
    CatalogProjectFactory(department=department, name="非公開の事業", disclosed=False)
    client.force_login(department_officer)

    response = client.get(export_url(department.body, "csv"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[1][4] == "非公開の事業"


def test_it_downloads_the_xlsx_of_one_fiscal_year(client, body_admin, department):
    CatalogProjectFactory(department=department, fiscal_year=2024, name="前年度")
    CatalogProjectFactory(department=department, fiscal_year=2025, name="今年度")
    client.force_login(body_admin)

    response = client.get(export_url(department.body, "xlsx"), {"fiscal_year": "令和7年度"})

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["今年度"]


def test_it_refuses_a_bad_fiscal_year_filter(client, body_admin, prefecture):
    client.force_login(body_admin)

    response = client.get(export_url(prefecture, "csv"), {"fiscal_year": "someday"})

    assert response.status_code == 400


@pytest.mark.parametrize("persona", ["other_body_admin", "cso_member", "outsider"])
def test_it_keeps_exports_from_outside_the_body(client, request, prefecture, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(export_url(prefecture, "csv")).status_code == 404
    assert client.get(export_url(prefecture, "xlsx")).status_code == 404


def test_it_knows_no_other_format(client, body_admin, prefecture):
    client.force_login(body_admin)

    assert client.get(export_url(prefecture, "pdf")).status_code == 404
