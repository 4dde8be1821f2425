"""Exports open in Excel as they are, cannot run formulas, and import back unchanged."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from kyoso.catalog.io.exporter import HEADERS, csv_lines, projects_for_export, write_xlsx
from kyoso.catalog.io.importer import catalog_import
from kyoso.catalog.models import CatalogProject
from kyoso.catalog.tests.factories import CatalogProjectFactory

pytestmark = pytest.mark.django_db

COMPARED = (
    "fiscal_year",
    "code",
    "department_id",
    "name",
    "name_en",
    "purpose",
    "content",
    "budget_yen",
    "implementation",
    "beneficiaries",
    "field",
    "open_to_collaboration",
    "collaboration_forms",
    "contact",
    "disclosed",
)


def csv_text(projects) -> str:
    return "".join(csv_lines(projects))


def snapshot(body):
    return sorted(CatalogProject.objects.filter(body=body).values_list(*COMPARED))


def test_it_writes_csv_with_bom_crlf_and_japanese_headers(department):
    CatalogProjectFactory(
        department=department,
        code="101",
        name="子育て支援",
        budget_yen=1_234_000,
        collaboration_forms=["outsourcing", "co_hosting"],
        field="children",
    )

    text = csv_text(projects_for_export(department.body))

    assert text.startswith("\ufeff年度,事業番号,部局,担当課,事業名")
    assert text.count("\r\n") == 2
    row = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))[0]
    assert row["予算額（円）"] == "1234000"
    assert row["分野"] == "子ども・子育て"
    assert row["協働の形態"] == "委託・共催"
    assert row["年度"] == "2025"


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("http://x")', "+1", "-1+2", "@SUM(A1)", "\tTAB", "＝全角の式", "＋全角"]
)
def test_it_defuses_formulas_in_csv(department, name):
    CatalogProjectFactory(department=department, name=name)

    row = list(csv.reader(io.StringIO(csv_text(projects_for_export(department.body)))))[1]

    assert row[HEADERS.index("事業名")] == "'" + name


def test_it_stores_formula_like_text_as_text_in_xlsx(department):
    CatalogProjectFactory(department=department, name="=1+1", content="@cmd")
    buffer = io.BytesIO()

    write_xlsx(projects_for_export(department.body), buffer)

    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    cell = sheet.cell(row=2, column=HEADERS.index("事業名") + 1)
    assert cell.data_type == "s"
    assert cell.value == "=1+1"


def test_it_writes_xlsx_with_the_same_columns_and_numbers(department):
    CatalogProjectFactory(department=department, budget_yen=5_000, fiscal_year=2024)
    buffer = io.BytesIO()

    write_xlsx(projects_for_export(department.body), buffer)

    rows = list(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert rows[1][0] == 2024
    assert rows[1][HEADERS.index("予算額（円）")] == 5_000


def test_it_filters_by_fiscal_year(department):
    CatalogProjectFactory(department=department, fiscal_year=2024, name="前年度")
    CatalogProjectFactory(department=department, fiscal_year=2025, name="今年度")

    names = [p.name for p in projects_for_export(department.body, fiscal_year=2025)]

    assert names == ["今年度"]


def test_it_includes_undisclosed_projects_only_for_members(
    department, department_officer, outsider
):
    CatalogProjectFactory(department=department, name="非公開の事業", disclosed=False)
    CatalogProjectFactory(department=department, name="公開の事業")

    assert projects_for_export(department.body, user=department_officer).count() == 2
    assert [p.name for p in projects_for_export(department.body, user=outsider)] == ["公開の事業"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_it_round_trips_export_then_import_unchanged(
    body_admin, prefecture, department, other_department, fmt
):
    CatalogProjectFactory(
        department=department,
        code="1",
        name="=危険な名前",
        budget_yen=None,
        purpose="複数行の\n目的",
        collaboration_forms=["subsidy", "joint_committee"],
        implementation="mixed",
        field="international",
        open_to_collaboration=False,
    )
    CatalogProjectFactory(
        department=other_department,
        code="2",
        name="観光振興",
        disclosed=False,
        budget_yen=123_456_789,
        field="tourism",
        name_en="Tourism",
    )
    CatalogProjectFactory(department=other_department, code="3", fiscal_year=2024, field="culture")
    before = snapshot(prefecture)
    projects = projects_for_export(prefecture)
    if fmt == "csv":
        data = csv_text(projects).encode("utf-8")
    else:
        buffer = io.BytesIO()
        write_xlsx(projects, buffer)
        data = buffer.getvalue()

    result = catalog_import(
        actor=body_admin, body=prefecture, uploaded_file=SimpleUploadedFile(f"export.{fmt}", data)
    )

    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert snapshot(prefecture) == before
