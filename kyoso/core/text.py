"""Japanese text normalisation for storage and search.

Search compares *search keys*: NFKC (full-width ASCII and digits become half-width, half-width
katakana becomes full-width), case-folded, katakana folded to hiragana, whitespace collapsed.
So 「サポート」, 「ｻﾎﾟｰﾄ」 and 「さぽーと」 share one key, as do 「ＮＰＯ」 and 「npo」.
"""

from __future__ import annotations

import re
import unicodedata

import jaconv

_SPACE = re.compile(r"\s+")


def normalize(value: str | None) -> str:
    """NFKC-normalise user input where that is safe (names, titles, numbers): trims spaces too."""
    if value is None:
        return ""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", str(value))).strip()


def search_key(value: str | None) -> str:
    """The form in which text is stored for search and in which queries are compared."""
    text = normalize(value).casefold()
    return jaconv.kata2hira(text)


def search_terms(query: str | None) -> list[str]:
    """Split a query into search keys: every term must match (AND)."""
    return [term for term in search_key(query).split(" ") if term][:8]


def to_halfwidth_digits(value: str) -> str:
    return unicodedata.normalize("NFKC", value)


def indexed_form(key: str) -> str:
    """A search key with every character doubled: 「子育て」 → 「子子育育てて」.

    PostgreSQL's pg_trgm indexes three-character pieces, so a two-character word such as 「福祉」
    or 「観光」 — the most common kind of Japanese query — could not use the index and would scan
    the whole catalog. In the doubled form each adjacent pair of characters becomes a trigram
    (「福福祉」, 「福祉祉」), so any query of two or more characters is served by the index, and
    ``indexed_form(term) in indexed_form(text)`` exactly when ``term in text``.
    """
    return "".join(character * 2 for character in key)


def list_separator() -> str:
    """What separates the items of a list in the active language: 「、」 or ", "."""
    from django.utils.translation import get_language

    return "、" if (get_language() or "ja").split("-")[0] == "ja" else ", "


def join_names(names) -> str:
    """Names as a list in the language of the page: 「A、B」 in Japanese, "A, B" in English."""
    return list_separator().join(str(name) for name in names)
