"""/api/v1/agreements: the standard list shape, filters, one agreement, CSV; drafts never."""

import datetime as dt

import pytest

from kyoso.agreements.models import Agreement
from kyoso.organizations.tests.factories import OrganizationFactory

from .factories import make_agreement, walk

S = Agreement.State
pytestmark = pytest.mark.django_db


@pytest.fixture
def published(desk_coordinator, prefecture):
    company = OrganizationFactory(name="株式会社サンプル損保", name_en="Sample Insurance Co.")
    health = walk(make_agreement(desk_coordinator, prefecture, partners=[company]), S.ACTIVE,
                  desk=desk_coordinator, signed_on=dt.date(2025, 6, 1))
    tourism = walk(
        make_agreement(desk_coordinator, prefecture, kind=Agreement.Kind.PROJECT,
                       title="観光振興に関する事業連携協定", title_en="", fields=["tourism"],
                       items=["周遊ルートの開発"]),
        S.SIGNED, desk=desk_coordinator, signed_on=dt.date(2024, 9, 1))
    draft = make_agreement(desk_coordinator, prefecture, title="下書きの協定")
    return {"health": health, "tourism": tourism, "draft": draft, "company": company}


def test_it_lists_signed_agreements_in_the_standard_shape(client, published):
    answer = client.get("/api/v1/agreements").json()
    assert set(answer) == {"count", "count_exact", "next", "previous", "results"}
    assert [row["id"] for row in answer["results"]] == [
        published["health"].pk, published["tourism"].pk
    ]
    first = answer["results"][0]
    assert first["fiscal_year"] == 2025
    assert first["fiscal_year_label"] == "2025年度(令和7年度)"
    assert first["partners"][0]["name"] == "株式会社サンプル損保"
    assert first["state"] == "active"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("fiscal_year=2024", ["tourism"]),
        ("field=welfare", ["health"]),
        ("q=かんこう", []),  # kanji-to-reading search is not offered
        ("q=観光 ルート", ["tourism"]),
        ("q=SAMPLE", ["health"]),
        ("q=さんぷる", ["health"]),
        ("kind=project", ["tourism"]),
        ("body=999999", []),
    ],
)
def test_it_filters(client, published, query, expected):
    ids = [row["id"] for row in client.get(f"/api/v1/agreements?{query}").json()["results"]]
    assert ids == [published[name].pk for name in expected]


def test_it_filters_by_partner_and_body(client, published, prefecture):
    company = published["company"]
    rows = client.get(f"/api/v1/agreements?partner={company.pk}").json()["results"]
    assert [row["id"] for row in rows] == [published["health"].pk]
    rows = client.get(f"/api/v1/agreements?body={prefecture.code}").json()["results"]
    assert len(rows) == 2


def test_the_detail_shows_items_and_never_a_draft(client, published, desk_coordinator):
    answer = client.get(f"/api/v1/agreements/{published['health'].pk}").json()
    assert [item["text"] for item in answer["items"]][0] == "県民の健康増進に関すること"
    assert answer["memoranda"] == [] and answer["documents"] == []
    assert client.get(f"/api/v1/agreements/{published['draft'].pk}").status_code == 404
    client.force_login(desk_coordinator)  # even for the desk: drafts stay on the pages
    assert client.get(f"/api/v1/agreements/{published['draft'].pk}").status_code == 404


def test_labels_follow_the_language(client, published):
    row = client.get("/api/v1/agreements?lang=en").json()["results"][0]
    assert row["fiscal_year_label"] == "FY2025 (Reiwa 7)"
    assert row["display_title"] == "Comprehensive agreement on health promotion"
    assert row["state_label"] == "In force"


def test_it_answers_csv_with_bom_and_defused_formulas(client, published, desk_coordinator,
                                                      prefecture):
    walk(make_agreement(desk_coordinator, prefecture, title="=HYPERLINK(\"x\")"), S.SIGNED,
         desk=desk_coordinator)
    response = client.get("/api/v1/agreements.csv?fiscal_year=2025")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffid,種別,状態,協定名")
    assert "'=HYPERLINK" in text
    assert "下書きの協定" not in text
    assert "観光振興に関する事業連携協定" not in text  # fiscal year 2024


def test_bad_filters_answer_422(client):
    assert client.get("/api/v1/agreements?fiscal_year=abc").status_code == 422
    assert client.get("/api/v1/agreements?field=nonsense").status_code == 422
