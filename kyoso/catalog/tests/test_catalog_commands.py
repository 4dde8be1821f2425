"""import_catalog and export_catalog: the same service for scripts and scheduled jobs."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from kyoso.catalog.io.samples import csv_bytes, sample_rows, xlsx_bytes
from kyoso.catalog.models import CatalogProject
from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_imports_a_file_as_the_system(tmp_path, prefecture):
    path = tmp_path / "catalog.xlsx"
    path.write_bytes(xlsx_bytes(sample_rows(4, departments=2)))

    out, _err = run("import_catalog", prefecture.code, str(path))

    assert "4 projects were created" in out
    assert "試験課0" in out
    assert CatalogProject.objects.filter(body=prefecture).count() == 4
    assert AuditEvent.objects.get(action="catalog.import").actor_label == "system"


def test_it_imports_as_a_named_actor(tmp_path, prefecture, body_admin):
    path = tmp_path / "catalog.csv"
    path.write_bytes(csv_bytes(sample_rows(2)))

    run("import_catalog", prefecture.code, str(path), "--actor", body_admin.email.upper())

    assert AuditEvent.objects.get(action="catalog.import").actor == body_admin


def test_it_refuses_an_actor_who_may_not_import(tmp_path, prefecture, department_officer):
    path = tmp_path / "catalog.csv"
    path.write_bytes(csv_bytes(sample_rows(2)))

    with pytest.raises(CommandError, match="may not import"):
        run("import_catalog", prefecture.code, str(path), "--actor", department_officer.email)
    assert not CatalogProject.objects.exists()


def test_it_prints_each_error_and_fails(tmp_path, prefecture):
    rows = sample_rows(3)
    rows[0][0] = "来年"
    rows[2][11] = "宇宙"
    path = tmp_path / "catalog.csv"
    path.write_bytes(csv_bytes(rows))
    err = io.StringIO()

    with pytest.raises(CommandError, match="2 problem"):
        call_command("import_catalog", prefecture.code, str(path), stdout=io.StringIO(), stderr=err)

    lines = err.getvalue().splitlines()
    assert [line.split("\t")[:2] for line in lines] == [["2", "年度"], ["4", "分野"]]
    assert not CatalogProject.objects.exists()


def test_it_writes_nothing_on_a_dry_run(tmp_path, prefecture):
    path = tmp_path / "catalog.csv"
    path.write_bytes(csv_bytes(sample_rows(3)))

    out, _err = run("import_catalog", prefecture.code, str(path), "--dry-run")

    assert "3 projects would be created" in out
    assert not CatalogProject.objects.exists()


def test_it_refuses_an_unknown_body_or_file(tmp_path, prefecture):
    with pytest.raises(CommandError, match="No government body"):
        run("import_catalog", "999999", str(tmp_path / "x.csv"))
    with pytest.raises(CommandError, match="No such file"):
        run("import_catalog", prefecture.code, str(tmp_path / "missing.csv"))


def test_it_exports_csv_and_xlsx_for_a_fiscal_year(tmp_path, department):
    CatalogProjectFactory(department=department, fiscal_year=2024, name="前年度")
    CatalogProjectFactory(department=department, fiscal_year=2025, name="今年度", disclosed=False)
    csv_path, xlsx_path = tmp_path / "out.csv", tmp_path / "out.xlsx"

    run("export_catalog", department.body.code, str(csv_path), "--fiscal-year", "R7")
    run("export_catalog", department.body.code, str(xlsx_path))

    data = csv_path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    assert "今年度" in data.decode("utf-8-sig") and "前年度" not in data.decode("utf-8-sig")
    sheet = load_workbook(xlsx_path).active
    assert [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["前年度", "今年度"]


def test_it_refuses_an_export_file_of_another_type(tmp_path, prefecture):
    with pytest.raises(CommandError, match=".csv or .xlsx"):
        run("export_catalog", prefecture.code, str(tmp_path / "out.pdf"))
