import datetime as dt

import pytest
from django.utils import translation

from kyoso.core.fiscal import (
    fiscal_year_bounds,
    fiscal_year_of,
    format_fiscal_year,
    parse_fiscal_year,
)


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (dt.date(2026, 3, 31), 2025),
        (dt.date(2026, 4, 1), 2026),
        (dt.date(2025, 12, 31), 2025),
        (dt.date(2026, 1, 1), 2025),
    ],
)
def test_it_starts_the_fiscal_year_in_april(day, year):
    assert fiscal_year_of(day) == year


def test_it_bounds_a_fiscal_year_from_april_to_march():
    assert fiscal_year_bounds(2025) == (dt.date(2025, 4, 1), dt.date(2026, 3, 31))


@pytest.mark.parametrize(
    ("year", "japanese", "english"),
    [
        (2025, "2025年度(令和7年度)", "FY2025 (Reiwa 7)"),
        (2019, "2019年度(令和元年度)", "FY2019 (Reiwa 1)"),
        (2018, "2018年度(平成30年度)", "FY2018 (Heisei 30)"),
        (2006, "2006年度(平成18年度)", "FY2006 (Heisei 18)"),
        (1989, "1989年度(平成元年度)", "FY1989 (Heisei 1)"),
        (1988, "1988年度(昭和63年度)", "FY1988 (Showa 63)"),
    ],
)
def test_it_shows_the_era_beside_the_western_year(year, japanese, english):
    assert format_fiscal_year(year, "ja") == japanese
    assert format_fiscal_year(year, "en") == english


def test_it_follows_the_active_language():
    with translation.override("en"):
        assert format_fiscal_year(2025) == "FY2025 (Reiwa 7)"
    with translation.override("ja"):
        assert format_fiscal_year(2025) == "2025年度(令和7年度)"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2025", 2025),
        ("２０２５", 2025),
        ("2025年度", 2025),
        ("FY2025", 2025),
        ("令和7年度", 2025),
        ("令和７年度", 2025),
        ("令和元年度", 2019),
        ("R7", 2025),
        ("r07", 2025),
        ("Ｒ７", 2025),
        ("H30", 2018),
        ("平成31年度", 2019),
        ("平成18年度", 2006),
        ("2025年度(令和7年度)", 2025),
        ("2025年度（令和7年度）", 2025),
        (2025, 2025),
    ],
)
def test_it_reads_fiscal_years_as_bodies_write_them(text, year):
    assert parse_fiscal_year(text) == year


@pytest.mark.parametrize(
    "text", ["", "令和", "令和0年度", "平成40年度", "2025年度(令和6年度)", "20255", "abc", "1800"]
)
def test_it_refuses_what_is_not_a_fiscal_year(text):
    with pytest.raises(ValueError):
        parse_fiscal_year(text)
