"""Catalogs in the forms bodies keep them are imported whole."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kyoso.catalog.io.importer import catalog_import
from kyoso.catalog.io.samples import STANDARD_HEADERS, csv_bytes, sample_rows, xlsx_bytes
from kyoso.catalog.models import CatalogProject
from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.core.models import AuditEvent
from kyoso.core.text import indexed_form
from kyoso.organizations.models import Department

pytestmark = pytest.mark.django_db

ROW = [
    "令和7年度",
    "１０１",
    "健康福祉部",
    "こども家庭課",
    "子育てサポート事業",
    "Child-rearing support",
    "子育て世帯の孤立を防ぐ",
    "相談窓口と交流の場を運営する",
    "１，２３４",
    "委託",
    "子育て世帯",
    "子育て",
    "○",
    "委託・補助、共催",
    "0952-25-7000",
]


def upload(data: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def run(body_admin, prefecture, data, name, **kwargs):
    return catalog_import(
        actor=body_admin, body=prefecture, uploaded_file=upload(data, name), **kwargs
    )


def test_it_imports_a_utf8_csv_with_bom_as_bodies_write_it(body_admin, prefecture, department):
    result = run(body_admin, prefecture, csv_bytes([ROW]), "catalog.csv")

    assert result.ok, result.errors
    project = CatalogProject.objects.get()
    assert project.fiscal_year == 2025
    assert project.code == "101"
    assert project.department == department
    assert project.budget_yen == 1_234_000  # the header says 千円
    assert project.implementation == "outsourced"
    assert project.field == "children"
    assert project.open_to_collaboration is True
    assert project.collaboration_forms == ["outsourcing", "subsidy", "co_hosting"]
    assert project.name_en == "Child-rearing support"
    assert project.updated_by == body_admin
    assert indexed_form("さぽーと") in project.search_text


def test_it_imports_a_cp932_csv_saved_by_japanese_excel(body_admin, prefecture, department):
    result = run(body_admin, prefecture, csv_bytes([ROW], encoding="cp932"), "catalog.csv")

    assert result.ok, result.errors
    assert CatalogProject.objects.get().name == "子育てサポート事業"


def test_it_imports_an_xlsx_workbook_with_a_title_row_above_the_header(
    body_admin, prefecture, department
):
    row = [
        2025,
        101,
        "健康福祉部",
        "こども家庭課",
        "子育てサポート事業",
        "",
        "",
        "",
        1234.0,
        "直営",
        "",
        "子ども・子育て",
        "可",
        "",
        "",
    ]
    data = xlsx_bytes([row], title_rows=[["令和7年度 事業一覧（佐賀県）"], []])

    result = run(body_admin, prefecture, data, "catalog.xlsx")

    assert result.ok, result.errors
    project = CatalogProject.objects.get()
    assert (project.code, project.budget_yen, project.field) == ("101", 1_234_000, "children")


def test_it_reads_units_in_cells_and_yen_headers(body_admin, prefecture, department):
    headers = ["年度", "担当課(所属/課名)", "事業名", "予算額（円）", "分野"]
    rows = [
        ["R7", "こども家庭課", "円の事業", "12,345円", "福祉"],
        ["2025", "こども家庭課", "千円の事業", "1,234千円", "環境"],
        ["２０２５年度", "こども家庭課", "未定の事業", "－", "観光"],
        ["2025年度(令和7年度)", "こども家庭課", "空欄の事業", "", "国際交流"],
    ]
    result = run(body_admin, prefecture, csv_bytes(rows, headers), "catalog.csv")

    assert result.ok, result.errors
    budgets = dict(CatalogProject.objects.values_list("name", "budget_yen"))
    assert budgets == {
        "円の事業": 12_345,
        "千円の事業": 1_234_000,
        "未定の事業": None,
        "空欄の事業": None,
    }


def test_it_creates_unknown_departments_with_their_bureau_and_reports_them(
    body_admin, prefecture, department
):
    rows = [
        ROW,
        [
            "2025",
            "",
            "農林水産部",
            "農政企画課",
            "新規就農支援",
            "",
            "",
            "",
            "500",
            "補助",
            "",
            "農業",
            "可",
            "",
            "",
        ],
    ]

    result = run(body_admin, prefecture, csv_bytes(rows), "catalog.csv")

    assert result.ok, result.errors
    assert result.departments_created == ["農政企画課"]
    created = Department.objects.get(body=prefecture, name="農政企画課")
    assert created.bureau == "農林水産部"
    assert CatalogProject.objects.get(name="新規就農支援").department == created


def test_it_updates_projects_by_number_so_a_second_import_adds_nothing(
    body_admin, prefecture, department
):
    data = csv_bytes(sample_rows(30, departments=3))
    first = run(body_admin, prefecture, data, "catalog.csv")
    second = run(body_admin, prefecture, data, "catalog.csv")

    assert (first.created, first.updated) == (30, 0)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 30)
    assert CatalogProject.objects.count() == 30


def test_it_updates_only_the_columns_the_file_has(body_admin, prefecture, department):
    project = CatalogProjectFactory(
        department=department, code="101", fiscal_year=2025, purpose="元の目的", budget_yen=5
    )
    headers = ["年度", "事業番号", "担当課", "事業名", "予算額（円）", "分野"]
    rows = [["令和7年度", "101", "こども家庭課", "新しい名前", "7,000", "子育て"]]

    result = run(body_admin, prefecture, csv_bytes(rows, headers), "catalog.csv")

    assert (result.created, result.updated) == (0, 1)
    project.refresh_from_db()
    assert (project.name, project.budget_yen, project.purpose) == ("新しい名前", 7000, "元の目的")
    assert indexed_form("新しい名前") in project.search_text


def test_it_writes_one_audit_event_with_the_counts(body_admin, prefecture, department):
    run(body_admin, prefecture, csv_bytes(sample_rows(5)), "catalog.csv")

    event = AuditEvent.objects.get(action="catalog.import")
    assert event.body_code == prefecture.code
    assert event.actor == body_admin
    assert event.changes["created"] == 5
    assert event.changes["file"] == "catalog.csv"


def test_it_only_counts_on_a_dry_run(body_admin, prefecture, department):
    result = run(body_admin, prefecture, csv_bytes(sample_rows(5)), "catalog.csv", dry_run=True)

    assert result.ok and result.created == 5
    assert result.departments_created
    assert not CatalogProject.objects.exists()
    assert not Department.objects.filter(name__startswith="試験課").exists()
    assert not AuditEvent.objects.filter(action="catalog.import").exists()


def test_it_accepts_english_headers(body_admin, prefecture, department):
    headers = [
        "Fiscal year",
        "Project number",
        "Department",
        "Project name",
        "Budget (yen)",
        "Field",
    ]
    rows = [["FY2025", "A-1", "こども家庭課", "English header project", "1000", "Environment"]]

    result = run(body_admin, prefecture, csv_bytes(rows, headers), "catalog.csv")

    assert result.ok, result.errors
    assert CatalogProject.objects.get().field == "environment"


def test_it_lists_columns_it_does_not_read(body_admin, prefecture, department):
    headers = [*STANDARD_HEADERS, "備考"]
    result = run(body_admin, prefecture, csv_bytes([[*ROW, "メモ"]], headers), "catalog.csv")

    assert result.ok
    assert result.ignored_columns == ["備考"]


def test_it_imports_excel_unicode_text_saved_as_utf16_with_tabs(body_admin, prefecture, department):
    data = csv_bytes([ROW], encoding="utf-16", delimiter="\t")

    result = run(body_admin, prefecture, data, "catalog.txt")

    assert result.ok, result.errors
    assert CatalogProject.objects.get().budget_yen == 1_234_000


def test_it_drops_the_apostrophe_the_export_puts_before_formulas(
    body_admin, prefecture, department
):
    headers = ["年度", "担当課", "事業名", "分野"]
    rows = [
        ["2025", "こども家庭課", "'=1+1", "環境"],
        ["2025", "こども家庭課", "'普通の名前", "環境"],
    ]

    assert run(body_admin, prefecture, csv_bytes(rows, headers), "catalog.csv").ok

    names = set(CatalogProject.objects.values_list("name", flat=True))
    assert names == {"=1+1", "'普通の名前"}


def test_it_moves_a_project_and_changes_its_forms_on_update(
    body_admin, prefecture, department, other_department
):
    project = CatalogProjectFactory(
        department=department, code="7", fiscal_year=2025, collaboration_forms=["subsidy"]
    )
    headers = ["年度", "事業番号", "担当課", "事業名", "分野", "協働の形態", "公開"]
    rows = [["2025", "7", "観光課", "移した事業", "観光", "共催・後援", "非公開"]]

    result = run(body_admin, prefecture, csv_bytes(rows, headers), "catalog.csv")

    assert (result.created, result.updated) == (0, 1)
    project.refresh_from_db()
    assert project.department == other_department
    assert project.collaboration_forms == ["co_hosting", "endorsement"]
    assert project.disclosed is False
    assert project.updated_by == body_admin
    assert indexed_form("観光課") in project.search_text
