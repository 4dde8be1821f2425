"""Idea protection through the API: protected sections reach only the proposer, the desk and
assigned departments, each read is logged as on the pages, and nothing protected is in lists,
public results, or answers to anyone else."""

import json

import pytest
from django.test import Client

from kyoso.core.models import AuditEvent
from kyoso.proposals.models import Proposal
from kyoso.proposals.tests.factories import make_draft, walk
from kyoso.proposals.tests.public_pages import SECRET, published_result

from .conftest import ApiClient, make_token

S = Proposal.State
READ = "proposals.confidential.read"


@pytest.fixture
def protected(cso_member, prefecture, people):
    draft = make_draft(cso_member, prefecture, content=SECRET, background=SECRET,
                       confidential_sections=["content", "background"])
    return walk(draft, S.IN_CONSULTATION, **people)


def reads_by(user):
    return AuditEvent.objects.filter(action=READ, actor=user)


@pytest.mark.parametrize("persona", ["cso_member", "desk_coordinator", "department_officer"])
@pytest.mark.django_db
def test_it_shows_protected_sections_to_those_allowed_and_logs_it(request, persona, protected):
    user = request.getfixturevalue(persona)
    response = ApiClient(Client(), make_token(user)).get(f"/proposals/{protected.pk}")
    sections = {s["name"]: s for s in response.json()["sections"]}
    assert sections["content"]["text"] == SECRET and sections["content"]["confidential"]
    [event] = reads_by(user)
    assert event.changes == {"sections": ["background", "content"]}
    assert event.target_id == str(protected.pk)


@pytest.mark.parametrize("persona", ["body_admin", "other_department_officer", "outsider"])
@pytest.mark.django_db
def test_it_hides_protected_sections_from_everyone_else(request, persona, protected, people):
    user = request.getfixturevalue(persona)
    client = ApiClient(Client(), make_token(user))
    response = client.get(f"/proposals/{protected.pk}")
    if response.status_code == 200:  # the body's administrator sees the proposal itself
        sections = {s["name"]: s for s in response.json()["sections"]}
        assert sections["content"] == {
            "name": "content", "label": "事業内容", "text": None, "confidential": True,
            "hidden": True,
        }
    else:
        assert response.status_code == 404
    assert SECRET not in response.content.decode()
    assert not reads_by(user).exists()


@pytest.mark.django_db
def test_it_keeps_protected_sections_out_of_lists(api_as, cso_member, desk_coordinator,
                                                  department_officer, protected):
    for user, path in ((cso_member, "/proposals/mine"), (desk_coordinator, "/proposals/inbox"),
                       (department_officer, "/proposals/assignments")):
        response = api_as(user).get(path)
        assert response.status_code == 200 and response.json()["count"] == 1
        assert SECRET not in response.content.decode(), path
        # Lists show no sections, so they read none.
        assert not reads_by(user).exists(), path


@pytest.mark.django_db
def test_it_keeps_protected_sections_out_of_public_results(
    client, outsider, cso_member, desk_coordinator, department, department_officer,
    other_department, other_department_officer, prefecture
):
    result = published_result(
        proposer=cso_member, desk=desk_coordinator, department=department,
        officer=department_officer, other_department=other_department,
        other_officer=other_department_officer, body=prefecture,
    )
    listing = client.get("/api/v1/proposals/results", {"body": prefecture.code})
    one = client.get(f"/api/v1/proposals/results/{result.pk}")
    assert listing.status_code == one.status_code == 200
    for response in (listing, one):
        assert SECRET not in response.content.decode()
    item = one.json()
    assert item["content"] is None
    assert json.dumps(listing.json()["results"][0], ensure_ascii=False) == json.dumps(
        item, ensure_ascii=False
    )
    # A published proposal read by a signed-in stranger: still hidden.
    stranger = ApiClient(Client(), make_token(outsider))
    detail = stranger.get(f"/proposals/{result.pk}")
    assert detail.status_code == 200 and SECRET not in detail.content.decode()


@pytest.mark.django_db
def test_it_shows_released_sections_to_the_public_result(
    client, cso_member, desk_coordinator, department, department_officer, other_department,
    other_department_officer, prefecture
):
    result = published_result(
        proposer=cso_member, desk=desk_coordinator, department=department,
        officer=department_officer, other_department=other_department,
        other_officer=other_department_officer, body=prefecture,
    )
    ApiClient(Client(), make_token(cso_member)).post(f"/proposals/{result.pk}/release-confidential")
    assert client.get(f"/api/v1/proposals/results/{result.pk}").json()["content"] == SECRET


@pytest.mark.django_db
def test_it_keeps_the_thread_which_may_repeat_ideas_from_others(api_as, protected, body_admin):
    response = api_as(body_admin).get(f"/proposals/{protected.pk}/meetings")
    assert response.status_code == 403
