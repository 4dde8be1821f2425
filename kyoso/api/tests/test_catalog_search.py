"""Japanese search: the API uses the catalog's search keys (NFKC, case, kana folded)."""

import pytest

from kyoso.catalog.tests.factories import CatalogProjectFactory


@pytest.fixture
def projects(department):
    CatalogProjectFactory(department=department, name="子育てサポート事業")
    CatalogProjectFactory(department=department, name="NPO協働推進事業")
    CatalogProjectFactory(department=department, name="観光振興事業")


def found(client, q) -> set[str]:
    response = client.get("/api/v1/catalog/projects", {"q": q})
    assert response.status_code == 200
    return {item["name"] for item in response.json()["results"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("さぽーと", {"子育てサポート事業"}),  # hiragana finds katakana
        ("ｻﾎﾟｰﾄ", {"子育てサポート事業"}),  # half-width katakana
        ("サポート", {"子育てサポート事業"}),
        ("ＮＰＯ", {"NPO協働推進事業"}),  # full-width letters
        ("npo", {"NPO協働推進事業"}),  # any case
        ("子育て", {"子育てサポート事業"}),
        ("こそだて", set()),  # reading is not kanji: no match
        ("子育て 観光", set()),  # every word must occur
        ("事業　振興", {"観光振興事業"}),  # full-width space separates words
    ],
)
@pytest.mark.django_db
def test_it_searches_japanese_text_like_the_catalog_page(client, projects, query, expected):
    assert found(client, query) == expected


@pytest.mark.django_db
def test_it_searches_the_department_name(client, projects):
    # The fixture's department is こども家庭課.
    assert len(found(client, "こども家庭")) == 3
