"""Codes stay the same in every language; labels follow ?lang= or Accept-Language."""

import pytest


def first_project(client, **kwargs):
    return client.get("/api/v1/catalog/projects", **kwargs).json()["results"][0]


@pytest.mark.django_db
def test_it_answers_japanese_labels_by_default(client, child_support_project):
    response = client.get("/api/v1/catalog/projects")
    item = response.json()["results"][0]
    assert item["field"] == "children"
    assert item["field_label"] == "子ども・子育て"
    assert item["fiscal_year_label"] == "2025年度(令和7年度)"
    assert item["display_name"] == "子育てサポート事業"
    assert response["Content-Language"] == "ja"


@pytest.mark.django_db
def test_it_answers_english_labels_for_lang_en(client, child_support_project):
    response = client.get("/api/v1/catalog/projects", {"lang": "en"})
    item = response.json()["results"][0]
    assert item["field"] == "children"
    assert item["field_label"] == "Children and child-rearing"
    assert item["fiscal_year_label"] == "FY2025 (Reiwa 7)"
    assert item["display_name"] == "Child-rearing support"
    assert item["name"] == "子育てサポート事業"  # the name itself does not change
    assert item["url"].startswith("http://testserver/en/catalog/")
    assert response["Content-Language"] == "en"


@pytest.mark.django_db
def test_it_follows_accept_language(client, child_support_project):
    item = first_project(client, headers={"accept-language": "en-US,en;q=0.9"})
    assert item["field_label"] == "Children and child-rearing"


@pytest.mark.django_db
def test_it_lets_lang_win_over_accept_language(client, child_support_project):
    response = client.get(
        "/api/v1/catalog/projects", {"lang": "ja"}, headers={"accept-language": "en"}
    )
    assert response.json()["results"][0]["field_label"] == "子ども・子育て"
    assert response["Content-Language"] == "ja"


@pytest.mark.django_db
def test_it_localizes_body_display_names_but_not_codes(client, prefecture):
    body = client.get("/api/v1/bodies/410004", {"lang": "en"}).json()
    assert body["display_name"] == "Saga Prefecture"
    assert body["kind"] == "prefecture"
    assert body["code"] == "410004"


@pytest.mark.django_db
def test_it_answers_messages_in_the_language_asked(client):
    japanese = client.get("/api/v1/bodies/999999").json()["detail"]
    english = client.get("/api/v1/bodies/999999", {"lang": "en"}).json()["detail"]
    assert english == "No government body with this code is on Kyoso."
    assert japanese != english
