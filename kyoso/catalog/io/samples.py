"""Catalog files built in memory, as bodies write them: for tests, benchmarks and demos."""

from __future__ import annotations

import csv
import io

STANDARD_HEADERS = [
    "年度",
    "事業番号",
    "部局",
    "担当課",
    "事業名",
    "事業名（英語）",
    "目的",
    "事業内容",
    "予算額（千円）",
    "実施方法",
    "対象者",
    "分野",
    "協働の可否",
    "協働の形態",
    "連絡先",
]

FIELDS = ["子育て", "福祉", "環境", "まちづくり", "観光", "国際交流", "防災", "教育"]
METHODS = ["直営", "委託", "補助", "混合"]
FORMS = ["委託・補助", "共催、後援", "事業協力", "実行委員会", ""]


def sample_row(n: int, *, fiscal_year="令和7年度", departments: int = 20) -> list:
    """A plausible row in STANDARD_HEADERS order: full-width digits and 千円 included."""
    return [
        fiscal_year,
        f"R7-{n:05d}",
        f"第{n % 5 + 1}部",
        f"試験課{n % departments}",
        f"試験事業{n}",
        f"Test project {n}",
        "県民サービスの向上",
        f"事業{n}の内容。\n複数行の説明。",
        f"{(n % 900 + 100):,}",
        METHODS[n % len(METHODS)],
        "県民",
        FIELDS[n % len(FIELDS)],
        "可" if n % 3 else "否",
        FORMS[n % len(FORMS)],
        "0952-00-0000",
    ]


def sample_rows(count: int, **kwargs) -> list[list]:
    return [sample_row(n, **kwargs) for n in range(1, count + 1)]


def csv_bytes(
    rows: list[list],
    headers: list | None = None,
    *,
    encoding: str = "utf-8-sig",
    delimiter: str = ",",
) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", delimiter=delimiter)
    writer.writerow(STANDARD_HEADERS if headers is None else headers)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(
    rows: list[list], headers: list | None = None, *, title_rows: list | None = None
) -> bytes:
    """An XLSX workbook; ``title_rows`` are written above the header, as bodies often do."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "事業一覧"
    for row in title_rows or []:
        sheet.append(row)
    sheet.append(STANDARD_HEADERS if headers is None else headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
