"""With thousands of partners, the public list does not put every one in its partner filter."""

import pytest

from kyoso.agreements.models import Agreement
from kyoso.agreements.views import public
from kyoso.organizations.tests.factories import OrganizationFactory

from .factories import make_agreement, walk


@pytest.fixture
def two_signed(desk_coordinator, prefecture):
    for name in ("株式会社 一", "株式会社 二"):
        partner = OrganizationFactory(name=name)
        walk(make_agreement(desk_coordinator, prefecture, partners=[partner]),
             Agreement.State.SIGNED, desk=desk_coordinator)


def test_beyond_the_limit_the_partner_list_waits_for_a_body(client, two_signed, prefecture,
                                                            monkeypatch):
    monkeypatch.setattr(public, "PARTNERS_LISTED", 1)
    everyone = client.get("/agreements/").content.decode()
    assert ">株式会社 一</option>" not in everyone and ">株式会社 二</option>" not in everyone
    monkeypatch.setattr(public, "PARTNERS_LISTED", 5)
    by_body = client.get(f"/agreements/?body={prefecture.code}").content.decode()
    assert ">株式会社 一</option>" in by_body and ">株式会社 二</option>" in by_body
