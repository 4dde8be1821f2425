"""A meeting record is the minutes of a consultation that took place: it is dated between the
day the proposal was submitted and today, on the page and through the API."""

import datetime as dt

import pytest
from django.utils import timezone

from kyoso.proposals.models import Meeting, Proposal

from .desk_pages import at_state, url

S = Proposal.State


def meeting(held_at):
    return {"held_at": held_at, "place": "県庁 会議室", "attendees": "NPO 2名", "minutes": "予算"}


@pytest.mark.parametrize(("held_at", "en"), [
    ("9999-12-31T10:00", "the date cannot be in the future"),
    ("1900-01-01T10:00", "cannot be before the proposal was submitted"),
])
@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_page_refuses_an_implausible_date_and_keeps_the_input(
    client, people, held_at, en, language
):
    proposal = at_state(S.ROUTED, people)
    client.force_login(people["desk"])
    response = client.post(url("desk_meeting", proposal.pk, language=language), meeting(held_at))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_held_at_error"' in html and "県庁 会議室" in html
    if language == "en":
        assert en in html
    assert not Meeting.objects.exists()


def test_the_page_names_the_day_of_submission(client, people):
    proposal = at_state(S.ROUTED, people)
    client.force_login(people["officer"])
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    html = client.post(url("desk_meeting", proposal.pk, language="en"),
                       meeting(f"{yesterday:%Y-%m-%d}T10:00")).content.decode()
    submitted = timezone.localtime(proposal.submitted_at)
    assert f"({submitted:%m/%d/%Y})" in html


def test_the_page_accepts_a_meeting_from_the_submission_until_today(client, people):
    proposal = at_state(S.ROUTED, people)  # submitted today
    client.force_login(people["officer"])
    day = timezone.localdate()
    for moment in (f"{day:%Y-%m-%d}T00:00", f"{day:%Y-%m-%d}T23:59"):
        response = client.post(url("desk_meeting", proposal.pk), meeting(moment))
        assert response.status_code == 302
    assert Meeting.objects.filter(proposal=proposal).count() == 2
