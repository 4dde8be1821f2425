import pytest

from kyoso.core.text import normalize, search_key, search_terms


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("サポート", "さぽーと"),
        ("ｻﾎﾟｰﾄ", "さぽーと"),
        ("ＮＰＯ", "npo"),
        ("NPO法人", "ｎｐｏ法人"),
        ("１２３", "123"),
        ("Tourism", "TOURISM"),
    ],
)
def test_it_gives_variants_one_search_key(a, b):
    assert search_key(a) == search_key(b)


def test_it_keeps_kanji_as_they_are():
    assert search_key("子育て支援事業") == "子育て支援事業"


def test_it_splits_queries_on_any_kind_of_space():
    assert search_terms("子育て\u3000サポート  npo") == ["子育て", "さぽーと", "npo"]


def test_it_normalizes_full_width_spaces_and_digits():
    assert normalize("  佐賀\u3000県　２０２５ ") == "佐賀 県 2025"
