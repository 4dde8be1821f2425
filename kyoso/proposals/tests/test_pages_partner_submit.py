"""Check your answers, submit once, and the confirmation with the reference and due date."""

import re
import uuid

from kyoso.proposals import services
from kyoso.proposals.models import Proposal, ReferenceCounter

from .factories import make_draft, walk
from .partner_pages import signed_in, url


def _key(html: str) -> str:
    return re.search(r'name="submission_key" value="([0-9a-f-]{36})"', html).group(1)


def test_it_lists_every_answer_with_a_link_to_change_it(client, cso_member, draft):
    html = signed_in(client, cso_member).get(url("check", draft.pk)).content.decode()
    for slug in ("about", "background", "content", "effect", "schedule", "budget",
                 "collaboration"):
        assert url("section", draft.pk, slug) in html
    assert url("partners", draft.pk) in html and url("attachments", draft.pk) in html
    assert draft.background in html


def test_a_double_submit_creates_one_submission_with_one_reference(client, cso_member, draft):
    client = signed_in(client, cso_member)
    key = _key(client.get(url("check", draft.pk)).content.decode())
    first = client.post(url("check", draft.pk), {"submission_key": key})
    second = client.post(url("check", draft.pk), {"submission_key": key})
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == url("submitted", draft.pk)
    draft.refresh_from_db()
    assert draft.state == "submitted" and Proposal.objects.count() == 1
    assert ReferenceCounter.objects.get().last_number == 1
    assert draft.revisions.count() == 1


def test_the_confirmation_gives_the_reference_and_when_the_desk_will_answer(
    client, cso_member, draft
):
    services.proposal_submit(actor=cso_member, proposal=draft, submission_key=uuid.uuid4())
    draft.refresh_from_db()
    html = signed_in(client, cso_member).get(url("submitted", draft.pk, language="en"))
    html = html.content.decode()
    assert draft.reference in html
    assert f"The desk will answer by {draft.due_at.astimezone().strftime('%Y-%m-%d')}" in html
    assert url("print", draft.pk, language="en") in html


def test_it_sends_the_proposer_back_to_what_is_missing(client, cso_member, prefecture):
    draft = make_draft(cso_member, prefecture, expected_effect="", collaboration_form="")
    client = signed_in(client, cso_member)
    key = _key(client.get(url("check", draft.pk)).content.decode())
    response = client.post(url("check", draft.pk, language="en"), {"submission_key": key})
    html = response.content.decode()
    assert response.status_code == 400
    assert url("section", draft.pk, "effect", language="en") in html
    assert url("section", draft.pk, "collaboration", language="en") in html
    draft.refresh_from_db()
    assert draft.state == "draft" and not draft.reference


def test_the_printable_copy_has_no_navigation(client, cso_member, draft):
    html = signed_in(client, cso_member).get(url("print", draft.pk)).content.decode()
    assert draft.content in html
    assert "site-nav" not in html and "<nav" not in html and "@media print" in html


def test_a_returned_proposal_shows_the_desks_comments_and_is_resubmitted_with_its_number(
    client, people, prefecture
):
    proposer = people["proposer"]
    proposal = walk(make_draft(proposer, prefecture), Proposal.State.RETURNED, **people)
    reference = proposal.reference
    client = signed_in(client, proposer)
    html = client.get(url("task_list", proposal.pk)).content.decode()
    assert "予算を明記" in html
    client.post(
        url("section", proposal.pk, "budget"), {"budget_yen": "500000", "funding": "contract"}
    )
    key = _key(client.get(url("check", proposal.pk)).content.decode())
    assert client.post(url("check", proposal.pk), {"submission_key": key}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == "submitted" and proposal.reference == reference
    assert proposal.budget_yen == 500_000
