"""Reading one cell the way bodies write it. Each reader returns a value or raises CellError."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.utils import translation
from django.utils.translation import gettext as _

from kyoso.core.choices import CollaborationForm, PolicyField
from kyoso.core.fiscal import parse_fiscal_year
from kyoso.core.money import MAX_YEN
from kyoso.core.text import normalize

from ..models import CatalogProject, latest_catalog_year, too_far_ahead_message
from .columns import UNITS

# Characters that make a spreadsheet treat a cell as a formula. The exporter writes such text
# with a leading apostrophe (the spreadsheet convention for "this is text"); reading drops it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_BUDGET_YEN = MAX_YEN


class CellError(ValueError):
    """A cell that cannot be read; the message is already in the user's language."""


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def cell_text(value) -> str:
    """The text of a cell: numbers as written (101.0 → "101"), formula escape removed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > 1 and text[0] == "'" and _nfkc(text[1]).startswith(FORMULA_STARTS):
        text = text[1:]
    return text


def is_blank(value) -> bool:
    return cell_text(value) == ""


def read_short_text(value, max_length: int) -> str:
    """A name, number or contact: NFKC-normalised, spaces collapsed, length checked."""
    text = normalize(cell_text(value))
    if len(text) > max_length:
        raise CellError(
            _("Write at most %(max)d characters (this cell has %(count)d).")
            % {"max": max_length, "count": len(text)}
        )
    return text


def read_long_text(value) -> str:
    """Purpose and content keep their line breaks and characters as written."""
    return cell_text(value)


def read_fiscal_year(value) -> int:
    try:
        year = parse_fiscal_year(cell_text(value))
    except ValueError:
        raise CellError(_("Enter a fiscal year such as 2025, 令和7年度 or R7.")) from None
    if year > latest_catalog_year():
        raise CellError(too_far_ahead_message(year))
    return year


_NOT_STATED = {"", "-", "―", "—", "ー", "‐", "−", "未定", "なし", "n/a", "na", "不明"}
_AMOUNT = re.compile(r"^(?P<number>\d+(\.\d+)?)(?P<unit>百万円|千円|万円|円)?$")


def read_amount(value, default_multiplier: int = 1) -> int | None:
    """An amount of money in yen; None when not stated (blank, ``－``).

    A unit written in the cell (``1,234千円``) wins over the unit of the column header.
    """
    if isinstance(value, bool):
        raise CellError(_("Enter an amount such as 1,234,000 or 1,234千円."))
    if isinstance(value, (int, float, Decimal)):
        number, multiplier = Decimal(str(value)), default_multiplier
    else:
        text = _nfkc(cell_text(value)).lower().replace(",", "").replace(" ", "")
        text = text.replace("¥", "").replace("\\", "")
        if text in _NOT_STATED:
            return None
        if text[:1] in ("-", "△", "▲", "−"):
            raise CellError(_("The budget cannot be negative."))
        match = _AMOUNT.match(text)
        if not match:
            raise CellError(_("Enter an amount such as 1,234,000 or 1,234千円."))
        try:
            number = Decimal(match["number"])
        except InvalidOperation:  # pragma: no cover - the pattern allows only digits
            raise CellError(_("Enter an amount such as 1,234,000 or 1,234千円.")) from None
        multiplier = dict(UNITS)[match["unit"]] if match["unit"] else default_multiplier
    if number < 0:
        raise CellError(_("The budget cannot be negative."))
    yen = number * multiplier
    if yen != yen.to_integral_value():
        raise CellError(_("Enter the amount in whole yen."))
    if yen > MAX_BUDGET_YEN:
        raise CellError(_("This amount is too large; check the unit (円 or 千円)."))
    return int(yen)


_YES = {
    "可",
    "○",
    "〇",
    "◯",
    "◎",
    "はい",
    "yes",
    "y",
    "true",
    "1",
    "可能",
    "有",
    "あり",
    "公開",
    "受付",
    "対象",
}
_NO = {
    "否",
    "×",
    "✕",
    "✖",
    "x",
    "いいえ",
    "no",
    "n",
    "false",
    "0",
    "不可",
    "無",
    "なし",
    "非公開",
    "対象外",
    "不可能",
}


def read_boolean(value) -> bool | None:
    """可/否, ○/×, はい/いいえ, yes/no; None when blank (the default applies)."""
    if isinstance(value, bool):
        return value
    text = _nfkc(cell_text(value)).lower().replace(" ", "")
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError(_("Write 可 or 否 (or ○/×, はい/いいえ)."))


_IMPLEMENTATION_WORDS = (
    ("直営", CatalogProject.Implementation.DIRECT),
    ("委託", CatalogProject.Implementation.OUTSOURCED),
    ("補助", CatalogProject.Implementation.SUBSIDY),
    ("交付金", CatalogProject.Implementation.SUBSIDY),
    ("負担金", CatalogProject.Implementation.SUBSIDY),
    ("指定管理", CatalogProject.Implementation.OUTSOURCED),
)
_IMPLEMENTATION_CODES = {choice.value: choice for choice in CatalogProject.Implementation} | {
    "direct": CatalogProject.Implementation.DIRECT,
    "outsourcing": CatalogProject.Implementation.OUTSOURCED,
    "subsidy": CatalogProject.Implementation.SUBSIDY,
    "mixed": CatalogProject.Implementation.MIXED,
    "混合": CatalogProject.Implementation.MIXED,
    "併用": CatalogProject.Implementation.MIXED,
}


def read_implementation(value) -> str | None:
    """直営 / 委託 / 補助 / 混合; several of them together (直営・委託) are mixed."""
    text = _nfkc(cell_text(value)).lower().strip()
    if not text:
        return None
    if text in _IMPLEMENTATION_CODES:
        return _IMPLEMENTATION_CODES[text].value
    if "一部" in text or "混合" in text or "併用" in text:
        return CatalogProject.Implementation.MIXED.value
    found = {code for word, code in _IMPLEMENTATION_WORDS if word in text}
    if len(found) == 1:
        return found.pop().value
    if len(found) > 1:
        return CatalogProject.Implementation.MIXED.value
    raise CellError(_("Write 直営, 委託, 補助 or 混合."))


# Names bodies give to their fields (分野), beyond the labels of PolicyField itself.
FIELD_NAMES = {
    PolicyField.WELFARE: (
        "保健・医療・福祉",
        "健康・福祉",
        "福祉",
        "保健",
        "医療",
        "健康",
        "高齢者",
        "障害者",
        "障がい者",
        "健康福祉",
        "社会福祉",
        "地域福祉",
    ),
    PolicyField.CHILDREN: (
        "子ども・子育て",
        "子育て",
        "こども・子育て",
        "子ども",
        "こども",
        "子供",
        "少子化",
        "児童",
        "子育て支援",
    ),
    PolicyField.EDUCATION: (
        "教育・青少年",
        "教育",
        "青少年",
        "学校教育",
        "生涯学習",
        "学習",
        "若者",
    ),
    PolicyField.COMMUNITY: (
        "まちづくり",
        "地域づくり",
        "地域振興",
        "町づくり",
        "街づくり",
        "コミュニティ",
        "地域活性化",
        "中山間地域",
        "移住・定住",
        "県民協働",
        "市民活動",
        "協働",
    ),
    PolicyField.ENVIRONMENT: (
        "環境",
        "自然環境",
        "環境保全",
        "自然",
        "リサイクル",
        "脱炭素",
        "地球温暖化",
        "エネルギー",
    ),
    PolicyField.DISASTER: (
        "防災・安全",
        "防災",
        "安全",
        "防犯",
        "消防",
        "交通安全",
        "危機管理",
        "安全・安心",
        "消費者",
    ),
    PolicyField.INDUSTRY: (
        "産業・雇用",
        "産業",
        "雇用",
        "労働",
        "商工",
        "就労",
        "産業振興",
        "経済",
        "商工業",
        "雇用・労働",
    ),
    PolicyField.AGRICULTURE: (
        "農林水産",
        "農林水産業",
        "農業",
        "林業",
        "水産",
        "水産業",
        "漁業",
        "農林",
        "農政",
    ),
    PolicyField.TOURISM: ("観光", "観光振興", "観光・物産", "物産", "プロモーション", "観光・交流"),
    PolicyField.CULTURE: (
        "文化・芸術・スポーツ",
        "文化",
        "芸術",
        "スポーツ",
        "文化・スポーツ",
        "文化・芸術",
        "文化財",
    ),
    PolicyField.INTERNATIONAL: (
        "国際交流・協力",
        "国際",
        "国際交流",
        "国際協力",
        "多文化共生",
        "国際化",
    ),
    PolicyField.HUMAN_RIGHTS: (
        "人権・男女共同参画",
        "人権",
        "男女共同参画",
        "ジェンダー",
        "男女参画",
    ),
    PolicyField.INFRASTRUCTURE: (
        "社会基盤・交通",
        "社会基盤",
        "交通",
        "道路",
        "都市基盤",
        "土木",
        "公共交通",
        "インフラ",
        "都市計画",
        "住宅",
    ),
    PolicyField.ADMINISTRATION: (
        "行政・財政",
        "行政",
        "財政",
        "行財政",
        "行政運営",
        "情報化",
        "広報",
        "デジタル",
        "総務",
    ),
}
# The Japanese name the exporter writes for each field: the first of the names above.
FIELD_EXPORT_NAMES = {field.value: names[0] for field, names in FIELD_NAMES.items()}


def _field_key(text: str) -> str:
    return re.sub(r"[\s・、/,()]+", "", _nfkc(text).lower())


def _field_table() -> dict[str, str]:
    table = {}
    for field, names in FIELD_NAMES.items():
        for name in names:
            table[_field_key(name)] = field.value
    for field in PolicyField:
        table[_field_key(field.value)] = field.value
        for language in ("en", "ja"):
            with translation.override(language):
                table.setdefault(_field_key(str(field.label)), field.value)
    return table


_FIELDS: dict[str, str] | None = None


def read_field(value) -> str:
    """A field (分野) by its Japanese name, English label or code: 子育て → children."""
    global _FIELDS
    if _FIELDS is None:
        _FIELDS = _field_table()
    text = cell_text(value)
    key = _field_key(text)
    if key in _FIELDS:
        return _FIELDS[key]
    # 保健・福祉 or 環境/リサイクル: accept when every known part names the same field.
    parts = {_FIELDS.get(_field_key(part)) for part in re.split(r"[・、/,]", _nfkc(text)) if part}
    parts.discard(None)
    if len(parts) == 1:
        return parts.pop()
    raise CellError(
        _("Unknown field “%(value)s”. Use one of: %(names)s.")
        % {"value": text, "names": "、".join(FIELD_EXPORT_NAMES.values())}
    )


_FORM_NAMES = {
    "委託": CollaborationForm.OUTSOURCING,
    "業務委託": CollaborationForm.OUTSOURCING,
    "補助": CollaborationForm.SUBSIDY,
    "補助金": CollaborationForm.SUBSIDY,
    "共催": CollaborationForm.CO_HOSTING,
    "後援": CollaborationForm.ENDORSEMENT,
    "事業協力": CollaborationForm.COOPERATION,
    "協力": CollaborationForm.COOPERATION,
    "実行委員会": CollaborationForm.JOINT_COMMITTEE,
    "実行委員会形式": CollaborationForm.JOINT_COMMITTEE,
}
FORM_EXPORT_NAMES = {
    CollaborationForm.OUTSOURCING.value: "委託",
    CollaborationForm.SUBSIDY.value: "補助",
    CollaborationForm.CO_HOSTING.value: "共催",
    CollaborationForm.ENDORSEMENT.value: "後援",
    CollaborationForm.COOPERATION.value: "事業協力",
    CollaborationForm.JOINT_COMMITTEE.value: "実行委員会",
}
_FORM_SEPARATORS = re.compile(r"[、・,/;\n]+")


def read_collaboration_forms(value) -> list[str]:
    """委託・補助・共催・後援・事業協力・実行委員会, separated by 、・,/ ; blank is none."""
    text = _nfkc(cell_text(value))
    forms: list[str] = []
    unknown: list[str] = []
    for part in _FORM_SEPARATORS.split(text):
        word = part.strip()
        if not word:
            continue
        lowered = word.lower().replace(" ", "_")
        form = _FORM_NAMES.get(word) or (lowered if lowered in CollaborationForm.values else None)
        if form is None:
            unknown.append(word)
        elif str(form) not in forms:
            forms.append(str(form))
    if unknown:
        raise CellError(
            _("Unknown form of collaboration “%(value)s”. Use: %(names)s.")
            % {"value": "、".join(unknown), "names": "・".join(FORM_EXPORT_NAMES.values())}
        )
    return forms


IMPLEMENTATION_EXPORT_NAMES = {
    CatalogProject.Implementation.DIRECT.value: "直営",
    CatalogProject.Implementation.OUTSOURCED.value: "委託",
    CatalogProject.Implementation.SUBSIDY.value: "補助",
    CatalogProject.Implementation.MIXED.value: "混合",
}
