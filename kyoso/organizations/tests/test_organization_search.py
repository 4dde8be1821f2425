"""Searching the directory by name: the way the rest of Kyoso searches (kyoso.core.text).

Width, case and kana (hiragana/katakana) do not matter, on the query's side or the name's, and
every word of the query must occur in the name, its furigana or its English name.
"""

import pytest

from kyoso.organizations.selectors import organization_directory
from kyoso.organizations.tests.factories import OrganizationFactory


@pytest.fixture
def organizations(db):
    return {
        "kosodate": OrganizationFactory(
            name="NPO法人 子育てネットさが", name_kana="", name_en="Kosodate Net Saga"
        ),
        "hitorioya": OrganizationFactory(name="NPO法人 ひとり親サポートさが", name_kana=""),
        "support": OrganizationFactory(
            name="さが市民活動サポートセンター", name_kana="さがしみんかつどうさぽーとせんたー"
        ),
        "mirai": OrganizationFactory(name="みらいの森クラブ", name_kana=""),
        # Stored as typed, not normalised (e.g. through the admin): half-width kana, full-width
        # Latin letters and an ideographic space.
        "it": OrganizationFactory(name="ｻｶﾞ　ＩＴ ｸﾗﾌﾞ", name_kana=""),
        "cafe": OrganizationFactory(name="Café ヨリドコロ", name_kana=""),
    }


def _found(query):
    return sorted(o.name for o in organization_directory(query=query))


KOSODATE = ["NPO法人 子育てネットさが"]
HITORIOYA = ["NPO法人 ひとり親サポートさが"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Kanji, hiragana and katakana in one word, as the name has them.
        ("子育てネット", KOSODATE),
        ("子育てネットさが", KOSODATE),
        ("ひとり親サポート", HITORIOYA),
        ("ひとり親サポートさが", HITORIOYA),
        # The same words with the kana in the other script, or mixed differently.
        ("子育テネットサガ", KOSODATE),
        ("こそだて", []),  # the name has 子育て in kanji and no furigana: not a match
        ("子育てねっとさが", KOSODATE),
        ("ヒトリ親サポート", HITORIOYA),
        ("ひとり親さぽーとサガ", HITORIOYA),
        # Half-width katakana and full-width letters and spaces in the query.
        ("ﾈｯﾄｻｶﾞ", KOSODATE),
        ("ＮＰＯ法人　子育て", KOSODATE),
        ("ｎｐｏ ﾋﾄﾘ親", HITORIOYA),
        # Every word must occur.
        ("子育て ネット", KOSODATE),
        ("子育て ひとり親", []),
        ("npo さが", KOSODATE + HITORIOYA),
        # The English name, in any case and width.
        ("kosodate SAGA", KOSODATE),
        ("ＫＯＳＯＤＡＴＥ", KOSODATE),
    ],
)
def test_it_matches_mixed_scripts_whatever_the_kana_width_and_case(
    organizations, query, expected
):
    assert _found(query) == sorted(expected)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["ミライノ森", "ミライの森くらぶ", "ﾐﾗｲﾉ森ｸﾗﾌﾞ", "みらいの森クラブ"]
)
def test_a_katakana_query_finds_a_hiragana_name_and_the_reverse(organizations, query):
    assert _found(query) == ["みらいの森クラブ"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["さが it くらぶ", "サガ ＩＴ", "ｻｶﾞ it", "IT クラブ"])
def test_it_matches_a_name_stored_in_half_or_full_width(organizations, query):
    assert _found(query) == ["ｻｶﾞ　ＩＴ ｸﾗﾌﾞ"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["よりどころ", "CAFÉ", "café ヨリドコロ"])
def test_it_folds_case_beyond_ascii(organizations, query):
    assert _found(query) == ["Café ヨリドコロ"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["(株)", "[さが]", "a.b", "^$", "\\", "*", "-", "%", "_"])
def test_characters_with_a_meaning_in_patterns_are_plain_text(organizations, query):
    OrganizationFactory(name="（株）[さが] a.b ^$ \\*-%_", name_kana="")

    assert _found(query) == ["（株）[さが] a.b ^$ \\*-%_"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "query", "expected"),
    [
        ("", "子育てネット", KOSODATE),
        ("", "子育てネットさが", KOSODATE),
        ("", "ひとり親サポート", HITORIOYA),
        ("/en", "ﾈｯﾄｻｶﾞ", KOSODATE),
    ],
)
def test_the_directory_page_finds_them(client, organizations, prefix, query, expected):
    response = client.get(f"{prefix}/organizations/", {"q": query})

    assert [o.name for o in response.context["organizations"]] == expected


@pytest.mark.django_db
def test_a_search_takes_one_query_however_many_words(organizations, django_assert_num_queries):
    with django_assert_num_queries(1):
        list(organization_directory(query="npo 子育て ネット さが ｻﾎﾟｰﾄ"))
