"""Bad files import nothing and say what is wrong, by line and column."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation

from kyoso.catalog.io.importer import catalog_import
from kyoso.catalog.io.samples import csv_bytes, sample_rows, xlsx_bytes
from kyoso.catalog.models import CatalogProject
from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.organizations.models import Department

pytestmark = pytest.mark.django_db

HEADERS = ["年度", "事業番号", "担当課", "事業名", "予算額（千円）", "分野", "協働の形態"]


def good(n=1):
    return ["令和7年度", f"{n}", "こども家庭課", f"事業{n}", "100", "子育て", "委託"]


def run(actor, body, data: bytes, name="catalog.csv"):
    with translation.override("en"):
        return catalog_import(actor=actor, body=body, uploaded_file=SimpleUploadedFile(name, data))


def issues(result):
    return [(error.line, error.column) for error in result.errors]


def test_it_reports_a_bad_fiscal_year_by_line_and_column(body_admin, prefecture, department):
    rows = [good(1), ["令和百年度", "2", "こども家庭課", "事業2", "100", "子育て", ""]]

    result = run(body_admin, prefecture, csv_bytes(rows, HEADERS))

    assert issues(result) == [(3, "年度")]
    assert "fiscal year" in result.errors[0].message
    assert not CatalogProject.objects.exists()


def test_it_reports_an_amount_it_cannot_read(body_admin, prefecture, department):
    rows = [["2025", "1", "こども家庭課", "事業1", "百万", "子育て", ""]]

    result = run(body_admin, prefecture, csv_bytes(rows, HEADERS))

    assert issues(result) == [(2, "予算額（千円）")]
    assert "amount" in result.errors[0].message


@pytest.mark.parametrize("amount", ["-100", "△100", "▲１００"])
def test_it_refuses_a_negative_budget(body_admin, prefecture, department, amount):
    rows = [["2025", "1", "こども家庭課", "事業1", amount, "子育て", ""]]

    result = run(body_admin, prefecture, csv_bytes(rows, HEADERS))

    assert issues(result) == [(2, "予算額（千円）")]
    assert "negative" in result.errors[0].message


def test_it_reports_an_unknown_field_and_form(body_admin, prefecture, department):
    rows = [["2025", "1", "こども家庭課", "事業1", "1", "宇宙開発", "寄付"]]

    result = run(body_admin, prefecture, csv_bytes(rows, HEADERS))

    assert issues(result) == [(2, "分野"), (2, "協働の形態")]
    assert "宇宙開発" in result.errors[0].message


def test_it_reports_missing_required_columns(body_admin, prefecture, department):
    result = run(
        body_admin, prefecture, csv_bytes([["2025", "事業1", "1"]], ["年度", "事業名", "予算額"])
    )

    assert not result.ok
    messages = " ".join(error.message for error in result.errors)
    assert "担当課" in messages and "分野" in messages
    assert all(error.line is None for error in result.errors)


def test_it_reports_missing_required_values(body_admin, prefecture, department):
    rows = [["", "1", "　", "事業1", "1", "", ""]]

    result = run(body_admin, prefecture, csv_bytes(rows, HEADERS))

    assert issues(result) == [(2, "年度"), (2, "担当課"), (2, "分野")]
    assert result.errors[0].message == "This value is required."


def test_it_refuses_a_number_twice_in_the_same_year(body_admin, prefecture, department):
    rows = [good(1), good(2), ["R7", "１", "こども家庭課", "重複", "1", "子育て", ""]]

    result = run(body_admin, prefecture, csv_bytes(rows, HEADERS))

    assert issues(result) == [(4, "事業番号")]
    assert "line 2" in result.errors[0].message


def test_it_allows_the_same_number_in_another_year(body_admin, prefecture, department):
    rows = [good(1), ["R6", "1", "こども家庭課", "前年度", "1", "子育て", ""]]

    assert run(body_admin, prefecture, csv_bytes(rows, HEADERS)).ok


def test_it_imports_nothing_when_one_row_of_many_is_bad(body_admin, prefecture, department):
    existing = CatalogProjectFactory(department=department, code="1", fiscal_year=2025, name="元")
    rows = [good(n) for n in range(1, 50)]
    rows.append(["2025", "999", "新設課", "事業999", "abc", "子育て", ""])

    result = run(body_admin, prefecture, csv_bytes(rows, HEADERS))

    assert issues(result) == [(51, "予算額（千円）")]
    assert CatalogProject.objects.count() == 1
    existing.refresh_from_db()
    assert existing.name == "元"
    assert not Department.objects.filter(name="新設課").exists()


def test_it_collects_every_error_not_only_the_first(body_admin, prefecture, department):
    rows = [["x", str(n), "こども家庭課", f"事業{n}", "1", "子育て", ""] for n in range(1, 8)]

    result = run(body_admin, prefecture, csv_bytes(rows, HEADERS))

    assert [line for line, _column in issues(result)] == list(range(2, 9))


def test_it_refuses_a_name_too_long(body_admin, prefecture, department):
    rows = [["2025", "1", "こども家庭課", "長" * 201, "1", "子育て", ""]]

    result = run(body_admin, prefecture, csv_bytes(rows, HEADERS))

    assert issues(result) == [(2, "事業名")]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00", "catalog.pdf"),
        (b"%PDF-1.7\n1 0 obj\x00\x00binary", "catalog.csv"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "catalog.xls"),
        ("年度,担当課\n2025,課\n".encode(), "catalog.xlsx"),
    ],
    ids=["pdf", "binary-named-csv", "old-xls", "csv-named-xlsx"],
)
def test_it_refuses_a_file_that_is_not_a_catalog(body_admin, prefecture, data, name):
    result = run(body_admin, prefecture, data, name)

    assert issues(result) == [(None, "")]


def test_it_refuses_a_zip_that_is_not_a_workbook(body_admin, prefecture):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")

    result = run(body_admin, prefecture, buffer.getvalue(), "catalog.xlsx")

    assert "not a CSV or Excel" in result.errors[0].message


def test_it_refuses_a_damaged_workbook(body_admin, prefecture):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<broken")
        archive.writestr("xl/workbook.xml", "<broken")

    result = run(body_admin, prefecture, buffer.getvalue(), "catalog.xlsx")

    assert "could not be read" in result.errors[0].message


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\r\n\r\n"])
def test_it_refuses_an_empty_file(body_admin, prefecture, data):
    result = run(body_admin, prefecture, data)

    assert [error.message for error in result.errors] == ["The file is empty."]


def test_it_refuses_a_header_without_rows(body_admin, prefecture):
    result = run(body_admin, prefecture, csv_bytes([], HEADERS))

    assert "no projects" in result.errors[0].message


def test_it_refuses_text_in_no_known_encoding(body_admin, prefecture):
    result = run(body_admin, prefecture, "年度,担当課\n".encode("cp932") + b"\x81\x7f\xa0\xfd\xfe")

    assert "characters cannot be read" in result.errors[0].message


@override_settings(KYOSO_IMPORT_MAX_ROWS=3)
def test_it_refuses_too_many_rows(body_admin, prefecture, department):
    result = run(body_admin, prefecture, csv_bytes(sample_rows(4)))

    assert "more than 3 rows" in result.errors[0].message
    assert not CatalogProject.objects.exists()


@override_settings(KYOSO_IMPORT_MAX_ROWS=3)
def test_it_refuses_too_many_rows_in_a_workbook(body_admin, prefecture, department):
    result = run(body_admin, prefecture, xlsx_bytes(sample_rows(40)), "catalog.xlsx")

    assert "more than 3 rows" in result.errors[0].message


@override_settings(KYOSO_IMPORT_MAX_BYTES=100)
def test_it_refuses_a_file_too_large(body_admin, prefecture, department):
    result = run(body_admin, prefecture, csv_bytes(sample_rows(5)))

    assert "too large" in result.errors[0].message


def test_it_refuses_two_columns_for_the_same_item(body_admin, prefecture, department):
    headers = ["年度", "担当課", "所属", "事業名", "分野"]

    result = run(body_admin, prefecture, csv_bytes([["2025", "a", "b", "c", "環境"]], headers))

    assert issues(result) == [(None, "所属")]


def test_it_reports_errors_in_japanese_by_default(body_admin, prefecture, department):
    rows = [["2025", "1", "こども家庭課", "事業1", "-5", "子育て", ""]]
    with translation.override("ja"):
        result = catalog_import(
            actor=body_admin,
            body=prefecture,
            uploaded_file=SimpleUploadedFile("c.csv", csv_bytes(rows, HEADERS)),
        )

    assert result.errors[0].message == "予算額にマイナスの値は入力できません。"


def test_it_reports_a_clash_with_a_concurrent_change_and_keeps_nothing(
    body_admin, prefecture, department, monkeypatch
):
    from django.db import IntegrityError

    from kyoso.catalog.io import importer
    from kyoso.core.models import AuditEvent

    real_apply = importer._apply

    def apply_then_clash(result, **kwargs):
        real_apply(result, **kwargs)
        raise IntegrityError("catalog_project_code_unique")

    monkeypatch.setattr(importer, "_apply", apply_then_clash)

    result = run(body_admin, prefecture, csv_bytes(sample_rows(3)))

    assert "changed while the file was being imported" in result.errors[0].message
    assert result.created == 0
    assert not CatalogProject.objects.exists()
    assert not AuditEvent.objects.filter(action="catalog.import").exists()


def test_it_does_not_read_broken_utf8_with_a_bom_as_shift_jis(body_admin, prefecture):
    data = csv_bytes(sample_rows(2)) + "壊れ".encode()[:-1]

    result = run(body_admin, prefecture, data)

    assert "characters cannot be read" in result.errors[0].message


def test_it_refuses_a_workbook_that_inflates_like_a_zip_bomb(body_admin, prefecture):
    import io
    import zipfile

    from kyoso.catalog.io.importer import catalog_import

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/sharedStrings.xml", "<sst>" + "a" * 20_000_000 + "</sst>")
    from django.core.files.uploadedfile import SimpleUploadedFile

    result = catalog_import(
        actor=body_admin,
        body=prefecture,
        uploaded_file=SimpleUploadedFile("catalog.xlsx", buffer.getvalue()),
    )
    assert not result.ok
    assert "expands" in str(result.errors[0].message) or "展開" in str(result.errors[0].message)
