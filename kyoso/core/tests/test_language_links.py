"""The language switch is a plain link to the same page in the other language."""

import pytest


@pytest.mark.django_db
def test_it_links_a_japanese_page_to_its_english_address(client):
    page = client.get("/catalog/", {"q": "子育て", "page": 2}).content.decode()
    assert 'href="/en/catalog/?q=%E5%AD%90%E8%82%B2%E3%81%A6&amp;page=2"' in page
    assert 'hreflang="en"' in page


@pytest.mark.django_db
def test_it_links_an_english_page_back_to_japanese(client, prefecture):
    page = client.get(f"/en/bodies/{prefecture.code}/").content.decode()
    assert f'href="/bodies/{prefecture.code}/" lang="ja" hreflang="ja">日本語</a>' in page
