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


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("福祉", "高齢者福祉事業", True),
        ("祉事", "高齢者福祉事業", True),
        ("福事", "高齢者福祉事業", False),
        ("子育て", "地域子育て支援", True),
        ("npo", "npo法人", True),
        ("県", "佐賀県", True),
    ],
)
def test_its_indexed_form_keeps_substrings_and_only_them(term, text, found):
    from kyoso.core.text import indexed_form

    assert (indexed_form(term) in indexed_form(text)) is found
    assert indexed_form("子育て") == "子子育育てて"
