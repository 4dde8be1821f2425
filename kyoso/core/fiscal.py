"""Japanese fiscal years (年度): April to March, shown with the era name beside the Western year.

``2025年度(令和7年度)`` in Japanese and ``FY2025 (Reiwa 7)`` in English. The fiscal year that starts
in April 2019 is called 令和元年度 by convention, although April 2019 was still Heisei 31.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import get_language


@dataclass(frozen=True)
class Era:
    kanji: str
    romaji: str
    letter: str
    first_year: int  # the Western year counted as year 1 of the era for fiscal years


# Newest first. Years for fiscal-year naming: FY1989 is 平成元年度, FY2019 is 令和元年度.
ERAS = (
    Era("令和", "Reiwa", "R", 2019),
    Era("平成", "Heisei", "H", 1989),
    Era("昭和", "Showa", "S", 1926),
)

MIN_FISCAL_YEAR = 1926
MAX_FISCAL_YEAR = 2200


def fiscal_year_of(value: dt.date | dt.datetime | None = None) -> int:
    """The fiscal year a date falls in: 2026-03-31 is FY2025, 2026-04-01 is FY2026."""
    if value is None:
        value = timezone.localdate()
    elif isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value.year if value.month >= 4 else value.year - 1


def fiscal_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a fiscal year."""
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


def era_of(year: int) -> tuple[Era, int]:
    for era in ERAS:
        if year >= era.first_year:
            return era, year - era.first_year + 1
    raise ValueError(f"No era known for {year}")


def format_fiscal_year(year: int, language: str | None = None) -> str:
    """``2025年度(令和7年度)`` in Japanese, ``FY2025 (Reiwa 7)`` in English."""
    language = (language or get_language() or "ja")[:2]
    era, era_year = era_of(year)
    if language == "ja":
        number = "元" if era_year == 1 else str(era_year)
        return f"{year}年度({era.kanji}{number}年度)"
    return f"FY{year} ({era.romaji} {era_year})"


_ERA_BY_NAME = {}
for _era in ERAS:
    _ERA_BY_NAME[_era.kanji] = _era
    _ERA_BY_NAME[_era.letter.lower()] = _era
    _ERA_BY_NAME[_era.romaji.lower()] = _era

_ERA_PATTERN = re.compile(
    r"^(?P<era>令和|平成|昭和|reiwa|heisei|showa|r|h|s)\.?\s*(?P<num>元|\d{1,2})\s*(年度|年)?$"
)
_WESTERN_PATTERN = re.compile(r"^(fy)?\s*(?P<year>\d{4})\s*(年度|年)?$")
_COMBINED_PATTERN = re.compile(r"^(?P<year>\d{4})年度[(（](?P<era>.+)[)）]$")


def parse_fiscal_year(text: str | int) -> int:
    """Read a fiscal year as bodies write it.

    Accepts ``2025``, ``２０２５年度``, ``令和7年度``, ``令和元年度``, ``R7``, ``H30``,
    ``FY2025`` and
    ``2025年度(令和7年度)``. Raises ``ValueError`` for anything else, or when the Western year and
    the era year of a combined form disagree.
    """
    if isinstance(text, int):
        year = text
    else:
        value = unicodedata.normalize("NFKC", str(text)).strip().lower().replace(" ", "")
        if not value:
            raise ValueError("empty fiscal year")
        combined = _COMBINED_PATTERN.match(value)
        if combined:
            year = int(combined["year"])
            if parse_fiscal_year(combined["era"]) != year:
                raise ValueError(f"era and Western year disagree: {text}")
            return year
        western = _WESTERN_PATTERN.match(value)
        era_match = _ERA_PATTERN.match(value)
        if western:
            year = int(western["year"])
        elif era_match:
            era = _ERA_BY_NAME[era_match["era"]]
            number = 1 if era_match["num"] == "元" else int(era_match["num"])
            if number < 1:
                raise ValueError(f"era year must be at least 1: {text}")
            year = era.first_year + number - 1
            following = ERAS[ERAS.index(era) - 1] if ERAS.index(era) > 0 else None
            # 平成31年度 is a real name for FY2019; 平成40年度 is not.
            if following is not None and year > following.first_year:
                raise ValueError(f"{era.kanji} has no year {number}")
        else:
            raise ValueError(f"not a fiscal year: {text}")
    if not MIN_FISCAL_YEAR <= year <= MAX_FISCAL_YEAR:
        raise ValueError(f"fiscal year out of range: {text}")
    return year
