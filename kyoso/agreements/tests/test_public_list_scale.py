"""The public list of agreements at a nation's scale: what a page costs does not grow with the
number of agreements, the filters' choices follow every signing, and the filters find what
they always found (co-signed agreements, agreements with several partners, once each)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kyoso.agreements.models import Agreement
from kyoso.core import memo
from kyoso.organizations.models import BodyMembership
from kyoso.organizations.tests.factories import (
    MunicipalityFactory,
    OrganizationFactory,
    StaffMembershipFactory,
)

from .factories import make_agreement, walk


def signed(desk, body, *, partners, signed_on=dt.date(2025, 6, 1), **values):
    return walk(make_agreement(desk, body, partners=partners, **values), Agreement.State.SIGNED,
                desk=desk, signed_on=signed_on)


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def options_of(page: str, name: str) -> str:
    """The ``<select>`` of one filter, as written."""
    start = page.index(f'<select name="{name}"')
    return page[start:page.index("</select>", start)]


@pytest.fixture
def municipal_desk(municipality):
    return StaffMembershipFactory(body=municipality, role=BodyMembership.Role.DESK).user


def costs(client, url) -> tuple[int, int]:
    """Queries of a visit while the process keeps no filter choices (as after any write to
    an agreement), and of the next visit, which reads them from the process's memory."""
    memo.forget()
    return queries_of(client, url), queries_of(client, url)


@pytest.mark.parametrize("url", [
    "/agreements/", "/agreements/?q=協定", "/agreements/?fiscal_year=2025",
    "/agreements/?field=welfare&kind=comprehensive", "/en/agreements/?page=2",
])
def test_a_page_costs_the_same_queries_with_many_more_agreements(
    client, desk_coordinator, prefecture, municipality, url
):
    for number in range(3):
        signed(desk_coordinator, prefecture, partners=[OrganizationFactory()],
               title=f"協定{number}", other_bodies=[municipality])
    client.get(url)  # what a process reads once (the shared list of bodies)
    with_three = costs(client, url)
    for number in range(25):
        signed(desk_coordinator, prefecture,
               partners=[OrganizationFactory(), OrganizationFactory()],
               title=f"追加の協定{number}", other_bodies=[municipality],
               signed_on=dt.date(2024, 5, 1) + dt.timedelta(days=number))
    assert costs(client, url) == with_three
    assert with_three[1] < with_three[0]  # the choices are remembered between visits


def test_the_api_costs_the_same_queries_whatever_the_page_size(
    client, desk_coordinator, prefecture, municipality
):
    for number in range(6):
        signed(desk_coordinator, prefecture,
               partners=[OrganizationFactory(), OrganizationFactory()],
               title=f"協定{number}", other_bodies=[municipality])
    # Both pages full, so both count the matches.
    assert queries_of(client, "/api/v1/agreements?page_size=2") == queries_of(
        client, "/api/v1/agreements?page_size=5")


def test_the_choices_follow_a_signing(client, municipal_desk, municipality, desk_coordinator,
                                      prefecture):
    signed(desk_coordinator, prefecture, partners=[OrganizationFactory()])
    partner = OrganizationFactory(name="株式会社 新しい協定先")
    draft = make_agreement(municipal_desk, municipality, partners=[partner])
    page = client.get("/agreements/").content.decode()
    assert municipality.code not in options_of(page, "body")
    assert partner.name not in options_of(page, "partner")
    assert "2023年度" not in options_of(page, "fiscal_year")

    walk(draft, Agreement.State.SIGNED, desk=municipal_desk, signed_on=dt.date(2023, 7, 1))
    page = client.get("/agreements/").content.decode()
    assert f'<option value="{municipality.code}">佐賀市</option>' in options_of(page, "body")
    assert f'<option value="{partner.pk}">株式会社 新しい協定先</option>' in options_of(
        page, "partner")
    assert "2023年度" in options_of(page, "fiscal_year")
    chosen = client.get(f"/en/agreements/?body={municipality.code}").content.decode()
    assert f'<option value="{municipality.code}" selected>Saga City</option>' in options_of(
        chosen, "body")


def test_a_body_no_longer_active_is_still_offered_for_its_agreements(
    client, desk_coordinator, prefecture
):
    signed(desk_coordinator, prefecture, partners=[OrganizationFactory()])
    merged = MunicipalityFactory(parent=prefecture, code="413011", name="旧町")
    desk = StaffMembershipFactory(body=merged, role=BodyMembership.Role.DESK).user
    signed(desk, merged, partners=[OrganizationFactory()], title="旧町の協定")
    merged.is_active = False
    merged.save()
    page = client.get("/agreements/").content.decode()
    assert f'<option value="{merged.code}">旧町</option>' in options_of(page, "body")
    assert "旧町の協定" in client.get(f"/agreements/?body={merged.code}").content.decode()


def test_the_body_and_partner_filters_find_each_agreement_once(
    client, desk_coordinator, prefecture, municipality, municipal_desk
):
    first, second = OrganizationFactory(), OrganizationFactory()
    cosigned = signed(desk_coordinator, prefecture, partners=[first, second],
                      title="県と市の連携協定", other_bodies=[municipality])
    own = signed(municipal_desk, municipality, partners=[second], title="市の連携協定")
    signed(desk_coordinator, prefecture, partners=[first], title="県だけの連携協定")

    page = client.get(f"/agreements/?body={municipality.code}")
    assert [a.pk for a in page.context["page"]] == [own.pk, cosigned.pk]
    assert page.context["page"].paginator.count == 2
    by_partner = client.get(f"/agreements/?partner={second.pk}").context["page"]
    assert [a.pk for a in by_partner] == [own.pk, cosigned.pk]
    both = client.get(f"/agreements/?partner={second.pk}&body={prefecture.code}")
    assert [a.pk for a in both.context["page"]] == [cosigned.pk]
    api = client.get(f"/api/v1/agreements?body={municipality.code}").json()
    assert [row["id"] for row in api["results"]] == [own.pk, cosigned.pk]


def test_counting_stops_at_the_cap_as_in_the_catalog(client, desk_coordinator, prefecture,
                                                   monkeypatch):
    from kyoso.catalog import counting

    for number in range(3):
        signed(desk_coordinator, prefecture, partners=[OrganizationFactory()],
               title=f"協定{number}")
    assert "3 agreements" in client.get("/en/agreements/").content.decode()
    monkeypatch.setattr(counting, "COUNT_CAP", 2)
    assert "2件を超える協定が見つかりました" in client.get("/agreements/").content.decode()
    english = client.get("/en/agreements/?page=2")
    assert "More than 2 agreements found" in english.content.decode()
    assert english.context["page"].number == 1  # pages reach as far as counting does
