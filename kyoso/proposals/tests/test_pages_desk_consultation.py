"""The thread and the meetings on the workspace: desk and departments post and record."""

from django.utils import timezone

from kyoso.proposals.models import Meeting, Message, Proposal

from .desk_pages import at_state, url

S = Proposal.State


def test_it_posts_a_message_and_starts_the_consultation(client, people):
    proposal = at_state(S.ROUTED, people)
    client.force_login(people["officer"])
    response = client.post(url("desk_message", proposal.pk), {"text": "現地で話を伺えますか"})
    assert response.status_code == 302
    message = Message.objects.get(proposal=proposal)
    assert message.side == Message.Side.DEPARTMENT
    proposal.refresh_from_db()
    assert proposal.state == S.IN_CONSULTATION
    page = client.get(url("desk_proposal", proposal.pk)).content.decode()
    assert "現地で話を伺えますか" in page


def test_it_records_a_meeting_and_keeps_what_was_typed_on_error(client, people):
    proposal = at_state(S.ROUTED, people)
    client.force_login(people["desk"])
    response = client.post(
        url("desk_meeting", proposal.pk, language="en"),
        {"held_at": "来週", "place": "県庁 会議室", "attendees": "", "minutes": "予算を議論"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter a date and time such as 2026-05-20 14:00." in body
    assert "Say who took part." in body
    assert "県庁 会議室" in body and "予算を議論" in body
    assert not Meeting.objects.exists()

    client.post(
        url("desk_meeting", proposal.pk),
        {"held_at": f"{timezone.localdate():%Y-%m-%d}T14:00", "place": "県庁 会議室",
         "attendees": "NPO 2名、課 1名",
         "minutes": "予算を議論"},
    )
    meeting = Meeting.objects.get(proposal=proposal)
    assert meeting.place == "県庁 会議室" and timezone.localtime(meeting.held_at).hour == 14
    page = client.get(url("desk_proposal", proposal.pk)).content.decode()
    assert "NPO 2名、課 1名" in page


def test_it_hides_the_thread_from_the_body_administrator(client, people, body_admin):
    proposal = at_state(S.IN_CONSULTATION, people)
    client.force_login(body_admin)
    page = client.get(url("desk_proposal", proposal.pk))
    assert page.status_code == 200
    assert "協議を始めます" not in page.content.decode()
    assert client.post(url("desk_message", proposal.pk), {"text": "x"}).status_code == 403
