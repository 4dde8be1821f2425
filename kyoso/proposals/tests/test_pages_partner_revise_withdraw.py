"""Under consideration the proposer revises (earlier versions stay readable); any time before
the decision the proposer may withdraw, after confirming."""

from kyoso.proposals.models import Proposal

from .factories import make_draft, walk
from .partner_pages import signed_in, url


def _revision_data(proposal, **changes):
    data = {
        "title": proposal.title, "background": proposal.background, "content": proposal.content,
        "expected_effect": proposal.expected_effect, "schedule": proposal.schedule,
        "budget_yen": "", "funding": proposal.funding,
        "collaboration_form": proposal.collaboration_form, "note": "", "version": proposal.version,
    }
    data.update(changes)
    return data


def test_it_revises_under_consultation_and_lists_what_changed(client, people, prefecture):
    proposal = walk(make_draft(people["proposer"], prefecture), Proposal.State.ROUTED, **people)
    client = signed_in(client, people["proposer"])
    response = client.post(url("revise", proposal.pk), _revision_data(
        proposal, content="協議を踏まえて見直した内容", note="面談の結果を反映"
    ))
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.content == "協議を踏まえて見直した内容"
    assert proposal.revisions.count() == 2
    html = client.get(url("revisions", proposal.pk, language="en")).content.decode()
    assert "面談の結果を反映" in html and "First submission" in html
    assert "<td>content</td>" in html


def test_a_stale_revision_is_refused_and_keeps_what_was_typed(client, people, prefecture):
    proposal = walk(make_draft(people["proposer"], prefecture), Proposal.State.ROUTED, **people)
    client = signed_in(client, people["proposer"])
    data = _revision_data(proposal, content="古い画面からの変更", version=proposal.version - 1)
    response = client.post(url("revise", proposal.pk), data)
    assert response.status_code == 200 and "古い画面からの変更" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.content != "古い画面からの変更" and proposal.revisions.count() == 1


def test_a_draft_sends_the_revise_page_back_to_the_task_list(client, cso_member, draft):
    response = signed_in(client, cso_member).get(url("revise", draft.pk))
    assert response.url == url("task_list", draft.pk)


def test_it_withdraws_after_confirmation(client, people, prefecture):
    proposal = walk(make_draft(people["proposer"], prefecture), Proposal.State.ROUTED, **people)
    client = signed_in(client, people["proposer"])
    page = client.get(url("withdraw", proposal.pk, language="en"))
    assert page.status_code == 200 and "Do you really want to withdraw" in page.content.decode()
    proposal.refresh_from_db()
    assert proposal.state == "routed"
    response = client.post(url("withdraw", proposal.pk), {"reason": "体制が整わない"})
    assert response.url == url("my_proposals")
    proposal.refresh_from_db()
    assert proposal.state == "withdrawn" and proposal.state_reason == "体制が整わない"
    assert not proposal.assignments.filter(state="open").exists()


def test_a_decided_proposal_cannot_be_withdrawn(client, people, prefecture):
    proposal = walk(make_draft(people["proposer"], prefecture), Proposal.State.DECIDED, **people)
    client = signed_in(client, people["proposer"])
    assert client.post(url("withdraw", proposal.pk)).url == url("task_list", proposal.pk)
    proposal.refresh_from_db()
    assert proposal.state == "decided"


def test_a_revision_longer_than_a_section_may_be_is_refused_and_kept(client, people, prefecture):
    proposal = walk(make_draft(people["proposer"], prefecture), Proposal.State.ROUTED, **people)
    client = signed_in(client, people["proposer"])
    long_text = "長" * 20001
    response = client.post(url("revise", proposal.pk, language="en"),
                           _revision_data(proposal, content=long_text))
    assert response.status_code == 200
    assert "at most 20000 characters" in response.content.decode()
    assert long_text in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.content != long_text and proposal.revisions.count() == 1
