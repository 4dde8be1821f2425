"""API: /api/v1/collaborations lists published collaborations only, with filters, in the
standard list shape; the detail gives outcomes and published evaluations; CSV with BOM and
formulas defused."""

import datetime as dt
from decimal import Decimal

import pytest

from kyoso.collaborations import services
from kyoso.collaborations.models import Collaboration

from .factories import at_state, with_visitors

S = Collaboration.State


@pytest.fixture
def running_published(collaboration, department_officer, desk_coordinator):
    collaboration = at_state(collaboration, S.RUNNING, officer=department_officer)
    with_visitors(collaboration, department_officer)
    services.actual_record(actor=department_officer, indicator=collaboration.indicators.get(),
                           period="2025年度", measured_on=dt.date(2026, 3, 31),
                           value=Decimal(1430))
    return services.collaboration_publish(actor=desk_coordinator, collaboration=collaboration)


def test_it_lists_published_collaborations_in_the_standard_shape(client, running_published):
    data = client.get("/api/v1/collaborations").json()
    assert set(data) == {"count", "count_exact", "next", "previous", "results"}
    assert data["count"] == 1 and data["count_exact"] is True
    item = data["results"][0]
    assert item["title"] == running_published.title
    assert item["outcomes"] == ["窓口来訪者数 43%増"]
    assert item["fiscal_years_label"].startswith(f"{running_published.start_fiscal_year}年度")
    assert item["body"]["code"] == running_published.body.code


def test_it_hides_what_is_not_published(client, collaboration):
    assert client.get("/api/v1/collaborations").json()["count"] == 0
    assert client.get(f"/api/v1/collaborations/{collaboration.pk}").status_code == 404


def test_it_filters_like_the_page(client, running_published, partner_org, prefecture,
                                  other_prefecture):
    year = running_published.start_fiscal_year
    for query, count in (
        (f"body={prefecture.code}", 1), ("body=080004", 0), ("field=community", 1),
        ("field=tourism", 0), (f"partner={partner_org.pk}", 1), (f"fiscal_year={year}", 1),
        (f"fiscal_year={year - 1}", 0), ("q=総合窓口", 1), ("q=観光", 0),
    ):
        assert client.get(f"/api/v1/collaborations?{query}").json()["count"] == count, query


def test_it_refuses_invalid_filters(client, db):
    assert client.get("/api/v1/collaborations?body=12").status_code == 422
    assert client.get("/api/v1/collaborations?field=nothing").status_code == 422
    assert client.get("/api/v1/collaborations?body=131016").status_code == 422  # unknown body


def test_it_details_outcomes_in_english_too(client, running_published):
    data = client.get(f"/api/v1/collaborations/{running_published.pk}?lang=en").json()
    figure = data["outcome_figures"][0]
    assert figure["change_percent"] == 43 and figure["progress_percent"] == 86
    assert figure["phrase"] == "窓口来訪者数 up 43%"
    assert data["field_label"] == "Community and town development"


def test_it_shows_published_evaluations_only(client, collaboration, department_officer,
                                             desk_coordinator, cso_member):
    collaboration = at_state(collaboration, S.EVALUATED, officer=department_officer,
                             partner=cso_member)
    collaboration = services.collaboration_publish(actor=desk_coordinator,
                                                   collaboration=collaboration)
    url = f"/api/v1/collaborations/{collaboration.pk}"
    assert client.get(url).json()["evaluations"] == []
    services.evaluation_publish(actor=desk_coordinator,
                                evaluation=collaboration.evaluations.get())
    sides = client.get(url).json()["evaluations"][0]["sides"]
    assert {side["side"] for side in sides} == {"government", "partner"}


def test_it_answers_csv_with_bom_and_defused_formulas(client, running_published):
    Collaboration.objects.filter(pk=running_published.pk).update(title="=HYPERLINK(\"x\")")
    response = client.get("/api/v1/collaborations?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")
    text = content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("ID,名称,団体コード")
    assert "'=HYPERLINK" in text
    assert "窓口来訪者数 43%増" in text
