"""Export a body's catalog as CSV (UTF-8 with BOM, CRLF, for Excel) or XLSX, in the columns the
importer reads, so that a file can be exported, edited in a spreadsheet and imported again.

Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
return, also in their full-width forms such as ＝) is written with a leading apostrophe in CSV;
in XLSX every text cell is stored as text, which a spreadsheet never evaluates.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Iterator

from ..models import CatalogProject
from .columns import COLUMNS
from .values import (
    FIELD_EXPORT_NAMES,
    FORM_EXPORT_NAMES,
    FORMULA_STARTS,
    IMPLEMENTATION_EXPORT_NAMES,
)

HEADERS = [column.header for column in COLUMNS]
BOM = "\ufeff"


def projects_for_export(body, *, user=None, fiscal_year: int | None = None):
    """The body's projects a user may see (a member sees undisclosed ones), oldest year first.

    ``user=None`` is the system (a management command): everything of the body.
    """
    queryset = (
        CatalogProject.objects.all() if user is None else CatalogProject.objects.visible_to(user)
    )
    queryset = queryset.filter(body=body).select_related("department")
    if fiscal_year is not None:
        queryset = queryset.for_fiscal_year(fiscal_year)
    return queryset.order_by("fiscal_year", "department__bureau", "department__name", "code", "id")


def project_row(project: CatalogProject) -> list:
    """One row in the order of HEADERS; numbers as numbers, everything else as text."""
    return [
        project.fiscal_year,
        project.code,
        project.department.bureau,
        project.department.name,
        project.name,
        project.name_en,
        project.purpose,
        project.content,
        project.budget_yen,
        IMPLEMENTATION_EXPORT_NAMES.get(project.implementation, project.implementation),
        project.beneficiaries,
        FIELD_EXPORT_NAMES.get(project.field, project.field),
        "可" if project.open_to_collaboration else "否",
        "・".join(FORM_EXPORT_NAMES.get(form, form) for form in project.collaboration_forms),
        project.contact,
        "公開" if project.disclosed else "非公開",
    ]


def defuse(value):
    """Prefix text that a spreadsheet would take for a formula with an apostrophe."""
    if not isinstance(value, str) or not value:
        return "" if value is None else value
    if unicodedata.normalize("NFKC", value[0]).startswith(FORMULA_STARTS) or value[0] in "\t\r":
        return "'" + value
    return value


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value):
        return value


def csv_lines(projects: Iterable[CatalogProject]) -> Iterator[str]:
    """The CSV as a stream of lines: BOM and header first, CRLF line ends."""
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield BOM + writer.writerow(HEADERS)
    for project in projects:
        yield writer.writerow([defuse(value) for value in project_row(project)])


def write_csv(projects: Iterable[CatalogProject], stream) -> None:
    for line in csv_lines(projects):
        stream.write(line)


def write_xlsx(projects: Iterable[CatalogProject], stream, *, title: str = "事業一覧") -> None:
    """An XLSX workbook written row by row (openpyxl write-only mode), to a binary stream."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.freeze_panes = "A2"

    def cells(values):
        row = []
        for value in values:
            if isinstance(value, str):
                # XML cannot hold most control characters; a stray one must not break the export.
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
            row.append(cell)
        return row

    sheet.append(cells(HEADERS))
    for project in projects:
        sheet.append(cells(project_row(project)))
    workbook.save(stream)
