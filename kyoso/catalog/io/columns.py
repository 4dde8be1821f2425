"""The columns of a catalog spreadsheet and the many ways bodies write their headers.

Headers are compared after NFKC normalisation, lower-casing and removing spaces and
punctuation, so ``予算額（千円）``, ``予算額 (千円)`` and ``予算額[千円]`` are one header.
A bracketed remark such as ``担当課(所属/課名)`` or ``事業内容(概要)`` is ignored when the header
without it is known. The unit in a budget header (円, 千円, 万円, 百万円) decides how the
column's plain numbers are read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # the Japanese header written on export
    label: object  # translatable name used in messages when the file's own header is unknown
    aliases: tuple[str, ...]
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column(
        "fiscal_year",
        "年度",
        _("Fiscal year"),
        ("年度", "会計年度", "事業年度", "fiscalyear", "fy", "year"),
        required=True,
    ),
    Column(
        "code",
        "事業番号",
        _("Project number"),
        ("事業番号", "事業コード", "事業no", "事業no.", "projectnumber", "projectno", "code"),
    ),
    Column("bureau", "部局", _("Bureau"), ("部局", "部局名", "部", "所管部局", "bureau")),
    Column(
        "department",
        "担当課",
        pgettext_lazy("catalog column", "Department"),
        (
            "担当課",
            "担当課名",
            "所属",
            "所属名",
            "課名",
            "担当部署",
            "所管課",
            "担当所属",
            "課",
            "department",
            "division",
        ),
        required=True,
    ),
    Column(
        "name",
        "事業名",
        _("Project name"),
        ("事業名", "事業名称", "事業の名称", "projectname", "name"),
        required=True,
    ),
    Column(
        "name_en",
        "事業名（英語）",
        _("Project name in English"),
        (
            "事業名英語",
            "英語事業名",
            "事業名英文",
            "projectnameinenglish",
            "englishname",
            "name_en",
            "nameen",
        ),
    ),
    Column("purpose", "目的", _("Purpose"), ("目的", "事業目的", "事業の目的", "purpose")),
    Column(
        "content",
        "事業内容",
        _("Content"),
        (
            "事業内容",
            "事業概要",
            "概要",
            "事業の内容",
            "事業の概要",
            "内容",
            "content",
            "description",
        ),
    ),
    Column(
        "budget",
        "予算額（円）",
        _("Budget"),
        (
            "予算額",
            "予算",
            "事業費",
            "予算額円",
            "当初予算額",
            "予算額当初",
            "budget",
            "budgetyen",
            "budget_yen",
        ),
    ),
    Column(
        "implementation",
        "実施方法",
        _("Implementation"),
        (
            "実施方法",
            "実施形態",
            "実施手法",
            "事業手法",
            "現在の実施方法",
            "実施主体",
            "implementation",
        ),
    ),
    Column(
        "beneficiaries",
        "対象者",
        _("Target beneficiaries"),
        ("対象者", "対象", "受益者", "事業対象者", "targetbeneficiaries", "beneficiaries"),
    ),
    Column(
        "field",
        "分野",
        _("Field"),
        ("分野", "政策分野", "事業分野", "施策分野", "field", "policyfield"),
        required=True,
    ),
    Column(
        "open_to_collaboration",
        "協働の可否",
        _("Open to collaboration"),
        (
            "協働の可否",
            "協働可否",
            "協働",
            "協働の可能性",
            "提案受付",
            "提案の受付",
            "opentocollaboration",
            "open",
        ),
    ),
    Column(
        "collaboration_forms",
        "協働の形態",
        _("Forms of collaboration"),
        (
            "協働の形態",
            "協働形態",
            "想定される協働の形態",
            "協働の手法",
            "formsofcollaboration",
            "collaborationforms",
            "collaboration_forms",
        ),
    ),
    Column(
        "contact",
        "連絡先",
        _("Contact"),
        ("連絡先", "問い合わせ先", "問合せ先", "問合先", "お問い合わせ", "contact"),
    ),
    Column(
        "disclosed",
        "公開",
        _("Disclosed"),
        ("公開", "公開区分", "公開の可否", "disclosed", "public"),
    ),
)

COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
REQUIRED_KEYS = tuple(column.key for column in COLUMNS if column.required)

# Units a budget header or cell may carry, longest first so that 百万円 wins over 円.
UNITS = (
    ("百万円", 1_000_000),
    ("千円", 1_000),
    ("万円", 10_000),
    ("円", 1),
    ("millionyen", 1_000_000),
    ("thousandyen", 1_000),
    ("yen", 1),
)

_BRACKETED = re.compile(r"\([^)]*\)|\[[^]]*\]|【[^】]*】|〔[^〕]*〕|<[^>]*>|〈[^〉]*〉")
_PUNCTUATION = re.compile(r"[\s()\[\]【】〔〕<>〈〉「」『』:：*※・/／\-_.,、。'\"]+")
# A fiscal year at the front, as in 令和7年度予算額: the year is in the 年度 column anyway.
_YEAR_PREFIX = re.compile(r"^(令和|平成|r|h)?(\d{1,4}|元)年度")


def _squash(text: str) -> str:
    return _PUNCTUATION.sub("", text)


def _aliases() -> dict[str, str]:
    table = {}
    for column in COLUMNS:
        for alias in column.aliases:
            table[_squash(unicodedata.normalize("NFKC", alias).lower())] = column.key
    return table


ALIASES = _aliases()


def header_unit(header: str) -> int | None:
    """The multiplier a budget header states: ``予算額（千円）`` → 1,000; none → None."""
    text = _squash(unicodedata.normalize("NFKC", header).lower())
    for unit, multiplier in UNITS:
        if unit in text:
            return multiplier
    return None


def column_key(header) -> str | None:
    """The column a header means, or None when it is not one Kyoso reads."""
    if header is None:
        return None
    text = unicodedata.normalize("NFKC", str(header)).lower().strip()
    if not text:
        return None
    candidates = [_squash(text), _squash(_BRACKETED.sub("", text))]
    for candidate in list(candidates):
        stripped = _YEAR_PREFIX.sub("", candidate)
        if stripped != candidate:
            candidates.append(stripped)
    for candidate in candidates:
        for unit, _multiplier in UNITS:
            # 予算額千円 / 予算額円 / budgetyen: the unit is read separately by header_unit.
            if candidate.endswith(unit) and candidate[: -len(unit)] in ALIASES:
                if ALIASES[candidate[: -len(unit)]] == "budget":
                    return "budget"
        if candidate in ALIASES:
            return ALIASES[candidate]
    return None


@dataclass
class HeaderMap:
    """Which column of the file holds which key, and what the file calls it."""

    positions: dict[str, int]
    headers: dict[str, str]
    ignored: list[str]
    duplicates: list[tuple[str, str, str]]  # (key, first header, second header)
    budget_multiplier: int

    def missing_required(self) -> list[Column]:
        return [COLUMNS_BY_KEY[key] for key in REQUIRED_KEYS if key not in self.positions]

    def header_of(self, key: str) -> str:
        return self.headers.get(key) or str(COLUMNS_BY_KEY[key].label)


def map_headers(cells: list) -> HeaderMap:
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    ignored: list[str] = []
    duplicates: list[tuple[str, str, str]] = []
    for index, cell in enumerate(cells):
        header = "" if cell is None else str(cell).strip()
        if not header:
            continue
        key = column_key(header)
        if key is None:
            ignored.append(header)
        elif key in positions:
            duplicates.append((key, headers[key], header))
        else:
            positions[key] = index
            headers[key] = header
    multiplier = header_unit(headers["budget"]) if "budget" in headers else None
    return HeaderMap(positions, headers, ignored, duplicates, multiplier or 1)


def recognised_count(cells: list) -> int:
    return len({column_key(cell) for cell in cells} - {None})
