"""Turn an uploaded file into its header row and numbered data rows.

The type is decided by the content, not by the name: an XLSX file is a zip archive holding a
workbook; anything else must be text in UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode
text") or CP932/Shift_JIS (Excel's default "CSV" on Japanese Windows). Line numbers are the row
numbers a spreadsheet shows, so that staff find the row an error points at.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

from django.conf import settings
from django.utils.translation import gettext as _

from .columns import recognised_count

HEADER_SEARCH_ROWS = 10  # bodies often put a title or a note above the header row
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old .xls format
SPREADSHEET_EXTENSIONS = {".xlsx", ".xlsm"}
TEXT_EXTENSIONS = {".csv", ".txt", ".tsv"}


class FileError(ValueError):
    """The file as a whole cannot be imported; the message is in the user's language."""


@dataclass
class Sheet:
    kind: str  # "csv" or "xlsx"
    header: list
    header_line: int
    rows: list[tuple[int, list]] = field(default_factory=list)
    encoding: str = ""


def max_rows() -> int:
    return settings.KYOSO_IMPORT_MAX_ROWS


def check_size(size: int | None) -> None:
    if size is not None and size > settings.KYOSO_IMPORT_MAX_BYTES:
        raise FileError(
            _("The file is too large (%(size)s MB). The limit is %(limit)s MB.")
            % {
                "size": f"{size / 1_048_576:.1f}",
                "limit": f"{settings.KYOSO_IMPORT_MAX_BYTES / 1_048_576:.0f}",
            }
        )


def _wrong_type() -> FileError:
    return FileError(
        _(
            "This is not a CSV or Excel (.xlsx) file. "
            "Save the catalog as CSV or .xlsx and try again."
        )
    )


def read_sheet(data: bytes, filename: str = "") -> Sheet:
    """Read the bytes of an upload; raise FileError when the file as a whole is unusable."""
    check_size(len(data))
    extension = PurePath(filename or "").suffix.lower()
    if extension and extension not in SPREADSHEET_EXTENSIONS | TEXT_EXTENSIONS:
        if extension == ".xls":
            raise FileError(_("The old Excel format (.xls) cannot be read. Save it as .xlsx."))
        raise _wrong_type()
    if not data.strip(b" \t\r\n\x00") or data in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        raise FileError(_("The file is empty."))
    if data.startswith(ZIP_MAGIC):
        if extension in TEXT_EXTENSIONS:
            raise FileError(_("The file is named .csv but holds an Excel workbook. Name it .xlsx."))
        return _read_xlsx(data)
    if data.startswith(OLE_MAGIC):
        raise FileError(_("The old Excel format (.xls) cannot be read. Save it as .xlsx."))
    if extension in SPREADSHEET_EXTENSIONS:
        raise FileError(_("The file is named .xlsx but is not an Excel workbook."))
    return _read_text(data)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise _wrong_type() from None
    if b"\x00" in data:
        raise _wrong_type()
    # A UTF-8 BOM settles the encoding: a broken UTF-8 file must not be read as Shift_JIS.
    encodings = ("utf-8-sig",) if data.startswith(b"\xef\xbb\xbf") else ("utf-8", "cp932")
    for encoding in encodings:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise FileError(
        _("The file's characters cannot be read. Save it as CSV in UTF-8 or Shift_JIS.")
    )


def _read_text(data: bytes) -> Sheet:
    text, encoding = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if first_line.count("\t") > first_line.count(",") else ","
    try:
        records = list(
            _limited(
                enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1)
            )
        )
    except csv.Error:
        raise _wrong_type() from None
    return _sheet("csv", records, encoding)


# A real catalog of 50,000 rows inflates to a few tens of megabytes, compressed about 10:1.
XLSX_MAX_INFLATED_BYTES = 200 * 1024 * 1024
XLSX_MAX_RATIO = 100


def _read_xlsx(data: bytes) -> Sheet:
    from openpyxl import load_workbook  # only needed for spreadsheets

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise _wrong_type() from None
    names = {member.filename for member in members}
    # openpyxl inflates parts such as the shared strings whole: refuse a "zip bomb" first.
    inflated = sum(member.file_size for member in members)
    if inflated > XLSX_MAX_INFLATED_BYTES or any(
        member.file_size > XLSX_MAX_RATIO * max(member.compress_size, 1) for member in members
    ):
        raise FileError(_("The Excel file expands to far more data than a catalog holds."))
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        # A zip, but not a workbook (a .docx, an archive of files…).
        raise _wrong_type()
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for damaged files
        raise FileError(_("The Excel file could not be read. It may be damaged.")) from None
    try:
        sheet = next(
            (
                ws
                for ws in workbook.worksheets
                if getattr(ws, "sheet_state", "visible") == "visible"
            ),
            None,
        )
        if sheet is None:
            raise FileError(_("The file is empty."))
        try:
            records = list(
                _limited(
                    enumerate((list(row) for row in sheet.iter_rows(values_only=True)), start=1)
                )
            )
        except FileError:
            raise
        except Exception:
            raise FileError(_("The Excel file could not be read. It may be damaged.")) from None
    finally:
        workbook.close()
    return _sheet("xlsx", records, "")


def _is_blank_row(cells) -> bool:
    return all(cell is None or str(cell).strip() == "" for cell in cells)


def _limited(records):
    """Stop reading as soon as there are more data rows than allowed (header rows aside)."""
    limit = max_rows() + HEADER_SEARCH_ROWS
    count = 0
    for line, cells in records:
        if _is_blank_row(cells):
            continue
        count += 1
        if count > limit:
            raise _too_many_rows()
        yield line, cells


def _too_many_rows() -> FileError:
    return FileError(
        _("The file has more than %(limit)s rows. Split it into smaller files.")
        % {"limit": f"{max_rows():,}"}
    )


def _sheet(kind: str, records: list[tuple[int, list]], encoding: str) -> Sheet:
    """Find the header row among the first rows; what follows it are the data rows."""
    if not records:
        raise FileError(_("The file is empty."))
    header_index = 0
    for index, (_line, cells) in enumerate(records[:HEADER_SEARCH_ROWS]):
        if recognised_count(cells) >= 3:
            header_index = index
            break
    header_line, header = records[header_index]
    rows = records[header_index + 1 :]
    if not rows:
        raise FileError(_("The file has a header row but no projects below it."))
    if len(rows) > max_rows():
        raise _too_many_rows()
    return Sheet(kind=kind, header=header, header_line=header_line, rows=rows, encoding=encoding)
