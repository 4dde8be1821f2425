"""The desk screens through the pages: accept, return with comments, out of scope, forward."""

from kyoso.core.models import AuditEvent
from kyoso.proposals.models import Message, Proposal

from .desk_pages import at_state, messages_of, url

S = Proposal.State


def test_it_accepts_a_submitted_proposal(client, people):
    proposal = at_state(S.SUBMITTED, people)
    client.force_login(people["desk"])
    response = client.post(url("desk_accept", proposal.pk), follow=True)
    proposal.refresh_from_db()
    assert proposal.state == S.SCREENING
    assert response.redirect_chain[-1][0] == url("desk_proposal", proposal.pk)
    assert AuditEvent.objects.filter(action="proposals.accept", actor=people["desk"]).exists()


def test_it_returns_for_revision_with_comments(client, people):
    proposal = at_state(S.SCREENING, people)
    client.force_login(people["desk"])
    page = client.get(url("desk_return", proposal.pk))
    assert page.status_code == 200 and 'name="comments"' in page.content.decode()
    client.post(url("desk_return", proposal.pk), {"comments": "予算の内訳を書いてください"})
    proposal.refresh_from_db()
    assert proposal.state == S.RETURNED
    assert Message.objects.get(proposal=proposal).text == "予算の内訳を書いてください"


def test_it_asks_for_comments_before_returning(client, people):
    proposal = at_state(S.SCREENING, people)
    client.force_login(people["desk"])
    response = client.post(url("desk_return", proposal.pk, language="en"), {"comments": "  "})
    assert response.status_code == 200
    assert "Tell the proposer what to revise." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.state == S.SCREENING


def test_it_closes_as_out_of_scope_with_a_reason_kept_on_error(client, people):
    proposal = at_state(S.SUBMITTED, people)
    client.force_login(people["desk"])
    response = client.post(url("desk_out_of_scope", proposal.pk), {"reason": ""})
    assert "reason" in response.context["form"].errors
    client.post(url("desk_out_of_scope", proposal.pk), {"reason": "国の所管です"})
    proposal.refresh_from_db()
    assert proposal.state == S.OUT_OF_SCOPE and proposal.state_reason == "国の所管です"


def test_it_forwards_to_a_municipality_of_the_prefecture(client, people, municipality):
    proposal = at_state(S.SCREENING, people)
    client.force_login(people["desk"])
    page = client.get(url("desk_forward", proposal.pk))
    assert municipality.name in page.content.decode()
    response = client.post(
        url("desk_forward", proposal.pk), {"to_body": municipality.pk, "reason": "市の事業です"}
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == S.CLOSED
    copy = Proposal.objects.get(forwarded_from=proposal)
    assert copy.body == municipality and copy.state == S.SUBMITTED


def test_it_refuses_a_move_the_state_does_not_allow_with_a_message(client, people):
    proposal = at_state(S.ROUTED, people)
    client.force_login(people["desk"])
    response = client.post(url("desk_accept", proposal.pk, language="en"))
    assert response.status_code == 409
    assert (
        "“Accept for screening” is not possible while the proposal is “Routed to departments”."
        in response.content.decode()
    )
    proposal.refresh_from_db()
    assert proposal.state == S.ROUTED


def test_it_does_not_offer_a_form_the_state_does_not_allow(client, people):
    proposal = at_state(S.ROUTED, people)
    client.force_login(people["desk"])
    response = client.get(url("desk_out_of_scope", proposal.pk), follow=True)
    assert response.redirect_chain[-1][0] == url("desk_proposal", proposal.pk)
    assert any("できません" in text for text in messages_of(response))


def test_it_keeps_the_typed_comments_when_the_state_changed_meanwhile(client, people):
    proposal = at_state(S.ROUTED, people)
    client.force_login(people["desk"])
    response = client.post(url("desk_return", proposal.pk), {"comments": "書き直してください"})
    assert response.status_code == 409
    assert "書き直してください" in response.content.decode()
