import pytest
from django.urls import reverse

from kyoso.catalog.tests.factories import CatalogProjectFactory


@pytest.mark.django_db
def test_it_finds_a_project_by_katakana_typed_in_hiragana(client, department):
    CatalogProjectFactory(department=department, name="子育てサポート事業")
    response = client.get(reverse("catalog:project_list"), {"q": "さぽーと"})
    assert "子育てサポート事業" in response.content.decode()
