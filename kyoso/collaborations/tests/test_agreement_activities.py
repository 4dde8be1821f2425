"""Activities are also logged directly under an agreement, by its body's desk or its partners,
while it is in force."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from kyoso.agreements.tests.factories import make_agreement, walk
from kyoso.collaborations import services
from kyoso.collaborations.models import Activity

from .factories import once


@pytest.fixture
def agreement(desk_coordinator, prefecture, partner_org):
    return walk(make_agreement(desk_coordinator, prefecture, partners=[partner_org]), "active",
                desk=desk_coordinator)


def test_the_desk_and_the_partner_log_activities_under_the_agreement(
    agreement, desk_coordinator, cso_member
):
    for person in (desk_coordinator, cso_member):
        services.activity_log(actor=person, agreement=agreement, held_on=dt.date(2026, 5, 1),
                              title="連携会議", place="県庁", participant_count=8)
    assert Activity.objects.filter(agreement=agreement).count() == 2


@pytest.mark.parametrize("who", ["department_officer", "other_body_admin", "outsider",
                                 "other_partner_member"])
def test_nobody_else_does(agreement, who, request):
    with pytest.raises(PermissionDenied):
        services.activity_log(actor=request.getfixturevalue(who), agreement=agreement,
                              held_on=dt.date(2026, 5, 1), title="x")


def test_not_under_a_draft(desk_coordinator, prefecture, partner_org):
    draft = make_agreement(desk_coordinator, prefecture, partners=[partner_org])
    with pytest.raises(PermissionDenied):
        services.activity_log(actor=desk_coordinator, agreement=draft,
                              held_on=dt.date(2026, 5, 1), title="x")


def test_through_the_page(client, agreement, cso_member):
    client.force_login(cso_member)
    url = reverse("collaborations:agreement_activities", args=[agreement.pk])
    assert client.post(url, once({"held_on": "", "title": ""})).status_code == 200
    response = client.post(url, once({"held_on": "2026-05-01", "title": "研修員の受入れ",
                                      "place": "佐賀市", "participants": "",
                                      "participant_count": "8"}))
    assert response.status_code == 302
    assert "研修員の受入れ" in client.get(url).content.decode()
