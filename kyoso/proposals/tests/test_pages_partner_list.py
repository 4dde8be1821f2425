"""My proposals: the organization's proposals with their state, reference and clock."""

import pytest

from kyoso.organizations.tests.factories import OrganizationMembershipFactory
from kyoso.proposals.models import Proposal

from .factories import make_draft, submit, walk
from .partner_pages import signed_in, url


def test_it_lists_the_organizations_proposals_with_reference_and_the_desks_due_date(
    client, cso_member, prefecture
):
    proposal = submit(make_draft(cso_member, prefecture, title="川の清掃"), cso_member)
    make_draft(cso_member, prefecture, title="まだ下書き")
    page = signed_in(client, cso_member).get(url("my_proposals")).content.decode()
    assert "川の清掃" in page and "まだ下書き" in page
    assert proposal.reference in page
    assert proposal.due_at.astimezone().strftime("%Y-%m-%d") in page


def test_it_shows_which_departments_it_waits_on(client, people, prefecture):
    proposal = make_draft(people["proposer"], prefecture)
    walk(proposal, Proposal.State.ROUTED, **people)
    page = signed_in(client, people["proposer"]).get(url("my_proposals", language="en"))
    assert "Children and Families Division" in page.content.decode()


def test_it_does_not_list_another_organizations_proposals(client, cso_member, prefecture):
    other = OrganizationMembershipFactory(role="admin").user
    make_draft(other, prefecture, title="他団体の提案")
    page = signed_in(client, cso_member).get(url("my_proposals")).content.decode()
    assert "他団体の提案" not in page


def test_it_lists_invitations_waiting_for_the_partners_consent(client, cso_member, prefecture):
    from kyoso.proposals import services

    from .factories import organization_of

    other = OrganizationMembershipFactory(role="admin").user
    draft = make_draft(other, prefecture, title="共同提案")
    link = services.proposal_partner_add(
        actor=other, proposal=draft, organization=organization_of(cso_member), role="co_proposer"
    )
    client = signed_in(client, cso_member)
    page = client.get(url("my_proposals")).content.decode()
    assert url("partner_consent", link.pk) in page
    # Before agreeing, the proposal itself stays closed to the partner.
    assert client.get(url("task_list", draft.pk)).status_code == 404
    response = client.post(url("partner_consent", link.pk))
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.consented_by == cso_member
    assert client.get(url("task_list", draft.pk)).status_code == 200


@pytest.mark.parametrize("language", ["ja", "en"])
def test_it_asks_people_without_an_organization_to_register_one(client, outsider, language):
    page = signed_in(client, outsider).get(url("new", language=language))
    assert page.status_code == 200
    assert url("new", language=language) not in page.content.decode().split("<main")[1]
