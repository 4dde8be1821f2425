"""Through the API too, a meeting is dated between the proposal's submission and today."""

import pytest
from django.utils import timezone

from kyoso.proposals.models import Meeting, Proposal
from kyoso.proposals.tests.factories import make_draft, walk

S = Proposal.State
pytestmark = pytest.mark.django_db


def meeting(held_at):
    return {"held_at": held_at, "place": "県庁 会議室", "attendees": "NPO 2名", "minutes": ""}


@pytest.mark.parametrize(("held_at", "words"), [
    ("9999-12-31T10:00:00+09:00", "the date cannot be in the future"),
    ("1900-01-01T10:00:00+09:00", "cannot be before the proposal was submitted"),
])
def test_an_implausible_date_is_refused(
    api_as, desk_coordinator, cso_member, prefecture, people, held_at, words
):
    routed = walk(make_draft(cso_member, prefecture), S.ROUTED, **people)
    response = api_as(desk_coordinator, language="en").post(
        f"/proposals/{routed.pk}/meetings", meeting(held_at)
    )
    assert response.status_code == 400, response.content
    assert list(response.json()["errors"]) == ["held_at"] and words in response.json()["detail"]
    assert not Meeting.objects.exists()
    today = f"{timezone.localdate():%Y-%m-%d}T09:00:00+09:00"
    response = api_as(desk_coordinator).post(f"/proposals/{routed.pk}/meetings", meeting(today))
    assert response.status_code == 201, response.content


def test_the_state_is_still_refused_first(api_as, desk_coordinator, cso_member, prefecture, people):
    screening = walk(make_draft(cso_member, prefecture), S.SCREENING, **people)
    response = api_as(desk_coordinator).post(
        f"/proposals/{screening.pk}/meetings", meeting("9999-12-31T10:00:00+09:00")
    )
    assert response.status_code == 409
