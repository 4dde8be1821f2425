"""Creating a draft with an Idempotency-Key: a retry gets the same draft, never a second."""

import pytest

from kyoso.api.models import IdempotencyKey
from kyoso.core.models import AuditEvent
from kyoso.organizations.models import OrganizationMembership
from kyoso.organizations.tests.factories import OrganizationMembershipFactory
from kyoso.proposals.models import Proposal
from kyoso.proposals.tests.factories import organization_of


def draft_request(user, title="空き家の活用"):
    return {"body": "410004", "organization": organization_of(user).pk, "title": title,
            "is_new_project": True}


@pytest.mark.django_db
def test_it_answers_a_retry_with_the_same_draft(api_as, cso_member, prefecture):
    client = api_as(cso_member)
    headers = {"idempotency-key": "0c7c4b0e-1f0a-4c55-9a57-6b0f2a1c3d4e"}
    first = client.post("/proposals", draft_request(cso_member), headers=headers)
    again = client.post("/proposals", draft_request(cso_member), headers=headers)
    assert first.status_code == again.status_code == 201, again.content
    assert first.json()["id"] == again.json()["id"]
    assert again["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert Proposal.objects.count() == 1
    assert AuditEvent.objects.filter(action="proposals.create_draft").count() == 1
    # Only a digest of the key is kept.
    assert "0c7c4b0e" not in str(IdempotencyKey.objects.values_list().get())


@pytest.mark.django_db
def test_it_refuses_the_same_key_for_a_different_request(api_as, cso_member, prefecture):
    client = api_as(cso_member)
    headers = {"idempotency-key": "key-1"}
    client.post("/proposals", draft_request(cso_member), headers=headers)
    response = client.post("/proposals", draft_request(cso_member, title="別の提案"),
                           headers=headers)
    assert response.status_code == 409
    assert response.json()["code"] == "idempotency_key_reused"
    assert Proposal.objects.count() == 1


@pytest.mark.django_db
def test_it_keeps_keys_per_person(api_as, cso_member, prefecture):
    other = OrganizationMembershipFactory(role=OrganizationMembership.Role.ADMIN).user
    headers = {"idempotency-key": "same-key"}
    mine = api_as(cso_member).post("/proposals", draft_request(cso_member), headers=headers)
    theirs = api_as(other).post("/proposals", draft_request(other), headers=headers)
    assert mine.status_code == theirs.status_code == 201
    assert mine.json()["id"] != theirs.json()["id"]
    assert Proposal.objects.get(pk=theirs.json()["id"]).organization == organization_of(other)


@pytest.mark.django_db
def test_it_makes_a_new_draft_for_each_request_without_a_key(api_as, cso_member, prefecture):
    client = api_as(cso_member)
    client.post("/proposals", draft_request(cso_member))
    client.post("/proposals", draft_request(cso_member))
    assert Proposal.objects.count() == 2


@pytest.mark.django_db
def test_it_forgets_a_key_whose_request_failed(api_as, cso_member, prefecture):
    """A refused request keeps nothing: the retry, corrected, creates the draft."""
    client = api_as(cso_member)
    headers = {"idempotency-key": "k"}
    bad = client.post("/proposals", {**draft_request(cso_member), "budget_yen": -1},
                      headers=headers)
    assert bad.status_code == 422
    unknown = client.post("/proposals", {**draft_request(cso_member), "target_projects": [999]},
                          headers=headers)
    assert unknown.status_code == 400
    assert not IdempotencyKey.objects.exists()
    assert client.post("/proposals", draft_request(cso_member), headers=headers).status_code == 201


@pytest.mark.django_db
def test_it_refuses_an_unusable_key(api_as, cso_member, prefecture):
    response = api_as(cso_member).post("/proposals", draft_request(cso_member),
                                       headers={"idempotency-key": "x" * 256})
    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()["errors"]


@pytest.mark.django_db(transaction=True)
def test_it_makes_one_draft_when_two_retries_race(cso_member, prefecture):
    """Two requests with one key at the same moment (PostgreSQL: the second waits at the unique
    key, then answers with the first one's draft)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time; the race needs PostgreSQL")
    import threading

    from django.db import connections
    from django.test import Client

    from .conftest import ApiClient, make_token

    secret = make_token(cso_member)
    data = draft_request(cso_member)
    barrier = threading.Barrier(2)
    answers = []

    def send():
        try:
            barrier.wait()
            answers.append(ApiClient(Client(), secret).post(
                "/proposals", data, headers={"idempotency-key": "race"}
            ))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [a.status_code for a in answers] == [201, 201]
    assert answers[0].json()["id"] == answers[1].json()["id"]
    assert Proposal.objects.count() == 1


@pytest.mark.django_db
def test_the_sweep_forgets_keys_after_a_week(api_as, cso_member, prefecture, settings):
    import datetime as dt

    from django.utils import timezone

    from kyoso.api.idempotency import idempotency_keys_sweep

    assert "kyoso.api.idempotency.idempotency_keys_sweep" in settings.KYOSO_SWEEPS
    client = api_as(cso_member)
    headers = {"idempotency-key": "weekly"}
    client.post("/proposals", draft_request(cso_member), headers=headers)
    now = timezone.now()
    assert idempotency_keys_sweep(now=now + dt.timedelta(days=6)) == 0
    assert idempotency_keys_sweep(now=now + dt.timedelta(days=8)) == 1
    assert not IdempotencyKey.objects.exists()
    # The draft stays; a retry after that is a new request.
    assert Proposal.objects.count() == 1
    client.post("/proposals", draft_request(cso_member), headers=headers)
    assert Proposal.objects.count() == 2
