import pytest

from kyoso.organizations.models import GovernmentBody
from kyoso.organizations.tests.factories import MunicipalityFactory


@pytest.fixture
def saga_bodies(prefecture, municipality, other_prefecture):
    MunicipalityFactory(
        parent=prefecture, code="412023", name="唐津市", name_kana="からつし",
        name_en="Karatsu City",
    )
    return prefecture


@pytest.mark.django_db
def test_it_lists_active_bodies_by_code(client, saga_bodies):
    GovernmentBody.objects.filter(code="412023").update(is_active=False)
    body = client.get("/api/v1/bodies").json()
    assert [item["code"] for item in body["results"]] == ["080004", "410004", "412015"]
    assert body["count"] == 3


@pytest.mark.django_db
def test_it_shows_a_body_by_its_local_government_code(client, saga_bodies):
    response = client.get("/api/v1/bodies/412015")
    assert response.status_code == 200
    body = response.json()
    assert body["code"] == "412015"
    assert body["name"] == "佐賀市"
    assert body["kind"] == "municipality"
    assert body["parent"] == {
        "code": "410004", "name": "佐賀県", "name_en": "Saga Prefecture", "display_name": "佐賀県"
    }
    assert body["url"] == "http://testserver/bodies/412015/"
    assert body["api_url"] == "http://testserver/api/v1/bodies/412015"
    assert body["departments_url"] == "http://testserver/api/v1/bodies/412015/departments"
    assert body["catalog_url"] == "http://testserver/api/v1/catalog/projects?body=412015"


@pytest.mark.django_db
def test_it_accepts_a_code_typed_in_full_width_digits(client, prefecture):
    assert client.get("/api/v1/bodies/４１０００４").json()["code"] == "410004"


@pytest.mark.django_db
def test_it_filters_bodies_by_kind(client, saga_bodies):
    body = client.get("/api/v1/bodies", {"kind": "prefecture"}).json()
    assert [item["code"] for item in body["results"]] == ["080004", "410004"]


@pytest.mark.django_db
def test_it_filters_bodies_by_parent_prefecture(client, saga_bodies):
    body = client.get("/api/v1/bodies", {"parent": "410004"}).json()
    assert [item["code"] for item in body["results"]] == ["412015", "412023"]


@pytest.mark.django_db
def test_it_refuses_an_unknown_parent_code(client, saga_bodies):
    response = client.get("/api/v1/bodies", {"parent": "999999"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "parent"]


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("唐津", ["412023"]),  # name
        ("からつ", ["412023"]),  # furigana as stored
        ("カラツ", ["412023"]),  # furigana typed in katakana
        ("karatsu", ["412023"]),  # English name, any case
        ("ｓａｇａ", ["410004", "412015"]),  # full-width letters
        ("佐賀 市", ["412015"]),  # every word must match
    ],
)
@pytest.mark.django_db
def test_it_searches_bodies_by_name_furigana_and_english(client, saga_bodies, query, codes):
    body = client.get("/api/v1/bodies", {"q": query}).json()
    assert [item["code"] for item in body["results"]] == codes


@pytest.mark.parametrize("code", ["999999", "41000", "abc"])
@pytest.mark.django_db
def test_it_answers_404_for_an_unknown_code(client, prefecture, code):
    response = client.get(f"/api/v1/bodies/{code}")
    assert response.status_code == 404
    assert response.json()["detail"]


@pytest.mark.django_db
def test_it_answers_404_for_an_inactive_body(client, prefecture):
    prefecture.is_active = False
    prefecture.save()
    assert client.get("/api/v1/bodies/410004").status_code == 404
    assert client.get("/api/v1/bodies/410004/departments").status_code == 404
