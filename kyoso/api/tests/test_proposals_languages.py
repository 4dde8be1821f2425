"""Errors of the proposal endpoints speak the language of the request: `?lang=`, then
Accept-Language, then Japanese; codes and field names never change."""

import uuid

import pytest

from kyoso.proposals.models import Proposal
from kyoso.proposals.tests.factories import make_draft, walk

S = Proposal.State


@pytest.fixture
def draft(cso_member, prefecture):
    return make_draft(cso_member, prefecture, background="")


def submit(client, proposal, **kwargs):
    return client.post(f"/proposals/{proposal.pk}/submit",
                       {"submission_key": str(uuid.uuid4())}, **kwargs)


@pytest.mark.django_db
def test_it_explains_field_errors_in_japanese_by_default(api_as, cso_member, draft):
    response = submit(api_as(cso_member), draft)
    assert response.status_code == 400
    assert response["Content-Language"] == "ja"
    assert response.json()["errors"]["background"] == ["提出する前にこの項目を入力してください。"]


@pytest.mark.django_db
def test_it_follows_accept_language(api_as, cso_member, draft):
    response = submit(api_as(cso_member, language="en-US,en;q=0.9"), draft)
    assert response["Content-Language"] == "en"
    assert response.json()["errors"]["background"] == ["Fill in this section before you submit."]
    assert response.json()["code"] == "invalid"


@pytest.mark.django_db
def test_it_lets_lang_win(api_as, cso_member, draft):
    client = api_as(cso_member, language="en")
    response = client.post(f"/proposals/{draft.pk}/submit?lang=ja",
                           {"submission_key": str(uuid.uuid4())})
    assert response["Content-Language"] == "ja"
    assert response.json()["errors"]["background"] == ["提出する前にこの項目を入力してください。"]


@pytest.mark.django_db
def test_it_names_the_action_and_state_of_an_illegal_move(api_as, desk_coordinator, cso_member,
                                                          prefecture, people):
    decided = walk(make_draft(cso_member, prefecture), S.DECIDED, **people)
    english = api_as(desk_coordinator, language="en").post(f"/proposals/{decided.pk}/accept")
    japanese = api_as(desk_coordinator).post(f"/proposals/{decided.pk}/accept")
    assert english.status_code == japanese.status_code == 409
    assert english.json()["detail"] == (
        "“Accept for screening” is not possible while the proposal is “Decided”."
    )
    assert japanese.json()["code"] == english.json()["code"] == "invalid_transition"
    assert japanese.json()["detail"] != english.json()["detail"]
    assert "決定" in japanese.json()["detail"]


@pytest.mark.django_db
def test_it_translates_refusals_and_authentication_errors(api_as, client, cso_member,
                                                          desk_coordinator, prefecture, people):
    routed = walk(make_draft(cso_member, prefecture), S.ROUTED, **people)
    english = api_as(desk_coordinator, language="en").post(f"/proposals/{routed.pk}/withdraw")
    japanese = api_as(desk_coordinator).post(f"/proposals/{routed.pk}/withdraw")
    assert english.status_code == japanese.status_code == 403
    assert english.json()["detail"] == "Only the proposer may do this."
    assert japanese.json()["detail"] != english.json()["detail"]
    anonymous_en = client.get("/api/v1/proposals/mine", {"lang": "en"}).json()["detail"]
    anonymous_ja = client.get("/api/v1/proposals/mine").json()["detail"]
    assert anonymous_en.startswith("Authentication required")
    assert anonymous_ja != anonymous_en


@pytest.mark.django_db
def test_it_gives_labels_in_the_language_and_codes_unchanged(api_as, cso_member, draft):
    english = api_as(cso_member).get(f"/proposals/{draft.pk}", {"lang": "en"}).json()
    japanese = api_as(cso_member).get(f"/proposals/{draft.pk}").json()
    assert english["state"] == japanese["state"] == "draft"
    assert english["state_label"] == "Draft" and japanese["state_label"] == "下書き"
