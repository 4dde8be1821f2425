"""The desk's inbox: its body's proposals with their clocks, the most urgent first."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kyoso.organizations.models import BodyMembership
from kyoso.organizations.tests.factories import StaffMembershipFactory
from kyoso.proposals.models import Proposal

from .desk_pages import at_state, days_ago, url
from .factories import make_draft

S = Proposal.State


def titles(response):
    return [proposal.title for proposal, _clock in response.context["rows"]]


def test_it_lists_the_bodys_proposals_most_urgent_first(client, people, prefecture):
    routed = at_state(S.ROUTED, people, title="回付済みの提案")
    with days_ago(40):  # its 30 days ran out ten days ago
        late = at_state(S.SUBMITTED, people, title="期限切れの提案")
    prefecture.answer_days = 10  # the next one is due in ten days, before the routed one
    prefecture.save()
    fresh = at_state(S.SUBMITTED, people, title="新しい提案")
    draft = make_draft(people["proposer"], prefecture, title="下書きの提案")
    client.force_login(people["desk"])
    response = client.get(url("desk_inbox"))
    assert response.status_code == 200
    assert titles(response) == [late.title, fresh.title, routed.title]
    assert draft.title not in response.content.decode()
    clocks = {proposal.pk: clock for proposal, clock in response.context["rows"]}
    assert clocks[late.pk].overdue and clocks[late.pk].days_overdue == 10
    assert clocks[routed.pk].waiting_on == [people["departments"][0].display_name]
    assert "10日超過" in response.content.decode()


def test_it_filters_by_state(client, people):
    at_state(S.SUBMITTED, people, title="受付前")
    at_state(S.RETURNED, people, title="差し戻し")
    client.force_login(people["desk"])
    response = client.get(url("desk_inbox"), {"state": "returned"})
    assert titles(response) == ["差し戻し"]
    assert response.context["rows"][0][1].waiting_on == ["提案者"]


def test_it_shows_nothing_of_another_body(client, people, other_prefecture):
    at_state(S.SUBMITTED, people)
    other_desk = StaffMembershipFactory(
        body=other_prefecture, role=BodyMembership.Role.DESK
    ).user
    client.force_login(other_desk)
    response = client.get(url("desk_inbox"))
    assert response.status_code == 200
    assert titles(response) == []


def test_it_is_only_for_the_desk(client, department_officer, cso_member):
    for user in (department_officer, cso_member):
        client.force_login(user)
        assert client.get(url("desk_inbox")).status_code == 403


def test_it_asks_for_a_login(client):
    response = client.get(url("desk_inbox"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_it_needs_the_same_queries_for_a_short_and_a_long_page(client, people):
    client.force_login(people["desk"])
    for n in range(2):
        at_state(S.ROUTED, people, title=f"提案{n}")
    client.get(url("desk_inbox"))  # warm up sessions and caches
    with CaptureQueriesContext(connection) as few:
        client.get(url("desk_inbox"))
    for n in range(2, 12):
        at_state(S.ROUTED if n % 2 else S.SUBMITTED, people, title=f"提案{n}")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url("desk_inbox"))
    assert len(response.context["rows"]) == 12
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.parametrize(
    ("language", "words"), [("ja", ["受付箱", "残り30日"]), ("en", ["Desk inbox", "30 days left"])]
)
def test_it_speaks_japanese_and_english(client, people, language, words):
    at_state(S.SUBMITTED, people)
    client.force_login(people["desk"])
    body = client.get(url("desk_inbox", language=language)).content.decode()
    for word in words:
        assert word in body


def test_it_pages_through_many(client, people):
    proposals = [at_state(S.SUBMITTED, people, title=f"提案{n:02d}") for n in range(22)]
    client.force_login(people["desk"])
    second = client.get(url("desk_inbox"), {"page": 2})
    assert len(second.context["rows"]) == 2
    assert {p.pk for p, _ in second.context["rows"]} <= {p.pk for p in proposals}
