"""Bad input answers JSON: 422 in ninja's shape for parameters, 404 with a detail otherwise."""

import pytest

from kyoso.organizations.tests.factories import DepartmentFactory


def error_locations(response) -> list:
    assert response.status_code == 422, response.content
    assert response["Content-Type"].startswith("application/json")
    return [error["loc"] for error in response.json()["detail"]]


@pytest.mark.parametrize(
    ("params", "location"),
    [
        ({"field": "space"}, ["query", "field"]),
        ({"fiscal_year": "令和7年度"}, ["query", "fiscal_year"]),
        ({"fiscal_year": 1800}, ["query", "fiscal_year"]),
        ({"budget_min": -1}, ["query", "budget_min"]),
        ({"budget_max": "many"}, ["query", "budget_max"]),
        ({"body": "41000"}, ["query", "body"]),
        ({"department": "x"}, ["query", "department"]),
        ({"open": "perhaps"}, ["query", "open"]),
        ({"lang": "fr"}, ["query", "lang"]),
        ({"q": "あ" * 201}, ["query", "q"]),
    ],
)
@pytest.mark.django_db
def test_it_refuses_malformed_catalog_filters(client, prefecture, params, location):
    assert location in error_locations(client.get("/api/v1/catalog/projects", params))


@pytest.mark.django_db
def test_it_refuses_a_budget_range_upside_down(client, prefecture):
    response = client.get("/api/v1/catalog/projects", {"budget_min": 10, "budget_max": 5})
    assert response.status_code == 422
    assert "budget_min" in response.json()["detail"][0]["msg"]


@pytest.mark.django_db
def test_it_refuses_a_body_that_is_not_on_kyoso(client, prefecture):
    # 999999 has six digits but no such body exists: the catalog's own filter says so.
    assert ["query", "body"] in error_locations(
        client.get("/api/v1/catalog/projects", {"body": "130001"})
    )


@pytest.mark.django_db
def test_it_refuses_a_department_of_another_body(client, prefecture, other_prefecture):
    foreign = DepartmentFactory(body=other_prefecture)
    response = client.get(
        "/api/v1/catalog/projects", {"body": "410004", "department": foreign.pk}
    )
    assert ["query", "department"] in error_locations(response)


@pytest.mark.django_db
def test_it_explains_filter_errors_in_the_language_of_the_request(client, prefecture):
    english = client.get("/api/v1/catalog/projects", {"body": "130001", "lang": "en"})
    japanese = client.get("/api/v1/catalog/projects", {"body": "130001", "lang": "ja"})
    assert english.json()["detail"][0]["msg"] != japanese.json()["detail"][0]["msg"]


@pytest.mark.django_db
def test_it_answers_unknown_endpoints_with_json(client):
    response = client.get("/api/v1/no-such-collection")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


@pytest.mark.django_db
def test_it_answers_405_for_writes_on_read_only_endpoints(client, prefecture):
    assert client.post("/api/v1/bodies").status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "kind", "japanese", "english"), [
    ("fiscal_year=abc", "int_parsing", "整数を入力してください。", "Enter a whole number."),
    ("q=" + "あ" * 201, "string_too_long", "200 文字以内で指定してください。",
     "Enter at most 200 characters."),
    ("open=maybe", "bool_parsing", "true か false を指定してください。", "Enter true or false."),
    ("body=12", "string_pattern_mismatch", "値の形式が正しくありません。",
     "This value does not have the expected form."),
    ("budget_min=100&budget_max=1", "value_error", "budget_min には budget_max 以下",
     "budget_min must not be greater than budget_max."),
])
def test_it_words_every_parameter_error_in_the_language_of_the_request(
    client, query, kind, japanese, english
):
    for lang, expected in (("ja", japanese), ("en", english)):
        response = client.get(f"/api/v1/catalog/projects?{query}&lang={lang}")
        assert response.status_code == 422
        (error,) = response.json()["detail"]
        assert error["type"] == kind and expected in error["msg"]
        assert not error["msg"].startswith("Value error")
