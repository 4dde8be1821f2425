"""Whole catalogs (thousands of rows) import whole, in a fixed number of queries.

Speed is measured by the benchmark (bench/, docs/benchmarks.md), never by timing here."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kyoso.catalog.io.importer import catalog_import
from kyoso.catalog.io.samples import csv_bytes, sample_rows, xlsx_bytes
from kyoso.catalog.models import CatalogProject

pytestmark = pytest.mark.django_db


def run(actor, body, data, name):
    return catalog_import(actor=actor, body=body, uploaded_file=SimpleUploadedFile(name, data))


@pytest.mark.slow
def test_it_imports_and_reimports_a_10000_row_file(body_admin, prefecture):
    data = csv_bytes(sample_rows(10_000))

    first = run(body_admin, prefecture, data, "catalog.csv")
    second = run(body_admin, prefecture, data, "catalog.csv")

    assert first.ok, first.errors[:3]
    assert (first.created, second.created, second.unchanged) == (10_000, 0, 10_000)
    assert CatalogProject.objects.filter(body=prefecture).count() == 10_000
    assert not CatalogProject.objects.filter(search_text="").exists()


@pytest.mark.slow
def test_it_reports_every_bad_row_of_a_10000_row_workbook(body_admin, prefecture):
    rows = sample_rows(10_000)
    for row in rows[::1000]:
        row[11] = "不明な分野"

    result = run(body_admin, prefecture, xlsx_bytes(rows), "catalog.xlsx")

    assert [error.line for error in result.errors] == list(range(2, 10_002, 1000))
    assert not CatalogProject.objects.exists()


def test_it_uses_the_same_number_of_queries_for_any_size(
    body_admin, prefecture, django_assert_max_num_queries
):
    # Batches of 500: 2,000 new and 2,000 changed rows need a handful of INSERTs and UPDATEs.
    run(body_admin, prefecture, csv_bytes(sample_rows(2_000)), "catalog.csv")
    changed = sample_rows(2_000)
    for row in changed:
        row[8] = "1"
    with django_assert_max_num_queries(25):
        result = run(body_admin, prefecture, csv_bytes(changed), "catalog.csv")
    assert result.updated == 2_000
