"""The public list of collaborations at a nation's scale: the filters' choices are cheap and
follow every publication, the body filter offers every active body as before, and the filters
find each collaboration once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kyoso.collaborations import services
from kyoso.collaborations.models import Collaboration
from kyoso.core.choices import CollaborationForm, PolicyField
from kyoso.organizations.models import GovernmentBody
from kyoso.organizations.tests.factories import MunicipalityFactory, OrganizationFactory

from .factories import running
from .test_query_counts import add_published


def options_of(page: str, name: str) -> str:
    start = page.index(f'<select name="{name}"')
    return page[start:page.index("</select>", start)]


def published(desk, body, department, *, partners, title="協働事業", start=2024, end=None):
    collaboration = services.collaboration_create(
        actor=desk, body=body, title=title, summary="概要", field=PolicyField.COMMUNITY,
        form=CollaborationForm.COOPERATION, start_fiscal_year=start, end_fiscal_year=end,
        departments=[department], partners=partners,
    )
    running(collaboration, desk)
    return services.collaboration_publish(actor=desk, collaboration=collaboration)


def test_the_body_filter_offers_every_active_body_by_code(client, collaboration, prefecture,
                                                         other_prefecture, municipality):
    MunicipalityFactory(parent=prefecture, code="413011", name="旧町", is_active=False)
    page = client.get(f"/collaborations/?body={municipality.code}").content.decode()
    bodies = options_of(page, "body")
    expected = '<option value="">すべての自治体</option>' + "".join(
        f'<option value="{body.code}"{" selected" if body == municipality else ""}>'
        f"{body.name}</option>"
        for body in GovernmentBody.objects.active().order_by("code"))
    assert bodies.split(">", 1)[1] == expected
    english = client.get("/en/collaborations/").content.decode()
    assert '<option value="" selected>All bodies</option>' in options_of(english, "body")
    assert f'<option value="{other_prefecture.code}">Ibaraki Prefecture</option>' in english


def test_the_choices_follow_a_publication(client, collaboration, desk_coordinator, prefecture,
                                          department):
    add_published(collaboration, 1)
    partner = OrganizationFactory(name="NPO法人 新しい協働先")
    page = client.get("/collaborations/").content.decode()
    assert partner.name not in options_of(page, "partner")
    assert "2019年度" not in options_of(page, "fiscal_year")

    published(desk_coordinator, prefecture, department, partners=[partner], start=2019, end=2020)
    page = client.get("/collaborations/").content.decode()
    assert f'<option value="{partner.pk}">NPO法人 新しい協働先</option>' in options_of(
        page, "partner")
    assert "2019年度" in options_of(page, "fiscal_year")
    by_body = client.get(f"/collaborations/?body={prefecture.code}").content.decode()
    assert partner.name in options_of(by_body, "partner")


def test_the_filters_find_each_collaboration_once(client, collaboration, desk_coordinator,
                                                 prefecture, department, municipality):
    first, second = OrganizationFactory(), OrganizationFactory()
    both = published(desk_coordinator, prefecture, department, partners=[first, second],
                     title="二団体との協働", start=2022, end=2023)
    one = published(desk_coordinator, prefecture, department, partners=[second],
                    title="一団体との協働", start=2023)
    page = client.get(f"/collaborations/?partner={second.pk}").context["page"]
    assert [c.pk for c in page] == [one.pk, both.pk]
    assert page.paginator.count == 2
    in_2022 = client.get(f"/collaborations/?partner={second.pk}&fiscal_year=2022")
    assert [c.pk for c in in_2022.context["page"]] == [both.pk]
    assert client.get(f"/collaborations/?body={municipality.code}").context[
        "page"].paginator.count == 0
    api = client.get(f"/api/v1/collaborations?partner={second.pk}").json()
    assert [row["id"] for row in api["results"]] == [one.pk, both.pk]


@pytest.mark.parametrize("url", ["/collaborations/", "/api/v1/collaborations?page_size={}"])
def test_a_page_costs_the_same_queries_whatever_its_size(client, collaboration, url):
    add_published(collaboration, 6)

    def queries_of(address):
        client.get(address)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code == 200
        return len(queries)

    if "{}" in url:
        assert queries_of(url.format(2)) == queries_of(url.format(5))
    else:
        assert queries_of(url) == queries_of(url + "?page=2")


def test_only_published_collaborations_are_listed(client, collaboration):
    add_published(collaboration, 2)
    assert Collaboration.objects.filter(published_at__isnull=True).exists()
    page = client.get("/collaborations/").context["page"]
    assert page.paginator.count == Collaboration.objects.published().count() == 2


def test_counting_stops_at_the_cap_as_in_the_catalog(client, collaboration, monkeypatch):
    from kyoso.catalog import counting

    add_published(collaboration, 3)
    assert "3 collaborations" in client.get("/en/collaborations/").content.decode()
    monkeypatch.setattr(counting, "COUNT_CAP", 2)
    assert "2件を超える協働事業が見つかりました" in client.get(
        "/collaborations/").content.decode()
    english = client.get("/en/collaborations/?fiscal_year=2024")
    assert "More than 2 collaborations found" in english.content.decode()


def test_a_search_keeps_the_list_order(client, collaboration, desk_coordinator, prefecture,
                                       department):
    partner = OrganizationFactory()
    older = published(desk_coordinator, prefecture, department, partners=[partner],
                      title="防災の協働 一", start=2021, end=2022)
    newer = published(desk_coordinator, prefecture, department, partners=[partner],
                      title="防災の協働 二", start=2023)
    same_year = published(desk_coordinator, prefecture, department, partners=[partner],
                          title="ぼうさいと防災 三", start=2023)
    published(desk_coordinator, prefecture, department, partners=[partner], title="観光の協働")
    page = client.get("/collaborations/?q=防災").context["page"]
    assert [c.pk for c in page] == [same_year.pk, newer.pk, older.pk]
    assert page.paginator.count == 3
