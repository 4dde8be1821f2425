"""A partner that never agrees must not block a proposal: the proposer takes it off while the
proposal may be changed, and the invited partner may decline. Both are audited and safe to
repeat."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kyoso.core.models import AuditEvent
from kyoso.organizations.tests.factories import OrganizationMembershipFactory
from kyoso.proposals import services
from kyoso.proposals.models import Proposal, ProposalPartner
from kyoso.proposals.services import ProposalTransitionError
from kyoso.proposals.services.drafting import proposal_partner_decline, proposal_partner_remove

from .factories import submit, walk
from .partner_pages import signed_in, url

S = Proposal.State


@pytest.fixture
def invited(db):
    """A member of another organization, named as a co-proposer who has not agreed yet."""
    return OrganizationMembershipFactory().user


@pytest.fixture
def link(draft, cso_member, invited):
    return services.proposal_partner_add(
        actor=cso_member, proposal=draft,
        organization=invited.organization_memberships.get().organization,
        role=ProposalPartner.Role.CO_PROPOSER,
    )


def test_the_proposer_removes_a_partner_that_does_not_agree_and_can_submit(
    client, cso_member, draft, link
):
    client = signed_in(client, cso_member)
    page = client.get(url("partners", draft.pk, language="en")).content.decode()
    assert url("partner_remove", draft.pk, link.pk, language="en") in page
    response = client.post(url("partner_remove", draft.pk, link.pk))
    assert response.url == url("partners", draft.pk)
    assert not ProposalPartner.objects.filter(pk=link.pk).exists()
    event = AuditEvent.objects.get(action="proposals.partner.remove")
    assert event.actor == cso_member and event.changes["partner"] == [link.organization_id, None]
    assert submit(draft, cso_member).state == S.SUBMITTED


def test_removing_twice_is_not_an_error(client, cso_member, draft, link):
    client = signed_in(client, cso_member)
    client.post(url("partner_remove", draft.pk, link.pk))
    again = client.post(url("partner_remove", draft.pk, link.pk))
    assert again.status_code == 302 and again.url == url("partners", draft.pk)
    assert AuditEvent.objects.filter(action="proposals.partner.remove").count() == 1
    draft.refresh_from_db()
    assert proposal_partner_remove(actor=cso_member, proposal=draft, link=link) is False


def test_partners_change_while_returned_but_not_under_consideration(people, prefecture, draft):
    proposer = people["proposer"]
    other = OrganizationMembershipFactory().organization
    returned = walk(draft, S.RETURNED, **people)
    added = services.proposal_partner_add(
        actor=proposer, proposal=returned, organization=other,
        role=ProposalPartner.Role.CO_PROPOSER,
    )
    assert proposal_partner_remove(actor=proposer, proposal=returned, link=added) is True
    added = services.proposal_partner_add(
        actor=proposer, proposal=returned, organization=other,
        role=ProposalPartner.Role.CO_PROPOSER,
    )
    services.proposal_partner_consent(
        actor=OrganizationMembershipFactory(organization=other).user, link=added
    )
    resubmitted = submit(Proposal.objects.get(pk=returned.pk), proposer)
    routed = walk(resubmitted, S.ROUTED, **people)
    with pytest.raises(ProposalTransitionError):
        proposal_partner_remove(actor=proposer, proposal=routed, link=added)
    assert ProposalPartner.objects.filter(pk=added.pk).exists()


def test_nobody_else_removes_a_partner(client, draft, link, outsider, invited):
    response = signed_in(client, outsider).post(url("partner_remove", draft.pk, link.pk))
    assert response.status_code == 404
    # The invited partner has not agreed: the proposal is not yet theirs to change.
    with pytest.raises(PermissionDenied):
        proposal_partner_remove(actor=invited, proposal=draft, link=link)
    assert ProposalPartner.objects.filter(pk=link.pk).exists()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_invitation_offers_to_decline(client, link, invited, language):
    html = signed_in(client, invited).get(
        url("partner_consent", link.pk, language=language)
    ).content.decode()
    assert url("partner_decline", link.pk, language=language) in html
    assert ("参加に同意する" if language == "ja" else "Agree to take part") in html


def test_the_invited_partner_declines_once_and_the_proposal_stops_waiting(
    client, cso_member, draft, link, invited
):
    client = signed_in(client, invited)
    response = client.post(url("partner_decline", link.pk))
    assert response.url == url("my_proposals")
    assert not ProposalPartner.objects.filter(pk=link.pk).exists()
    event = AuditEvent.objects.get(action="proposals.partner.decline")
    assert event.actor == invited
    again = client.post(url("partner_decline", link.pk))
    assert again.status_code == 302 and again.url == url("my_proposals")
    assert AuditEvent.objects.filter(action="proposals.partner.decline").count() == 1
    assert link.pk not in [i.pk for i in client.get(url("my_proposals")).context["invitations"]]
    assert submit(draft, cso_member).state == S.SUBMITTED


def test_a_partner_that_agreed_cannot_decline_any_more(draft, link, invited):
    services.proposal_partner_consent(actor=invited, link=link)
    with pytest.raises(ValidationError):
        proposal_partner_decline(actor=invited, link=link)
    assert ProposalPartner.objects.get(pk=link.pk).has_consented


def test_nobody_else_declines_for_the_partner(client, link, outsider, cso_member):
    assert signed_in(client, outsider).post(url("partner_decline", link.pk)).status_code == 302
    with pytest.raises(PermissionDenied):
        proposal_partner_decline(actor=cso_member, link=link)
    assert ProposalPartner.objects.filter(pk=link.pk).exists()


def test_a_consenting_partner_takes_only_itself_off(cso_member, draft, link, invited):
    services.proposal_partner_consent(actor=invited, link=link)
    other = services.proposal_partner_add(
        actor=cso_member, proposal=draft,
        organization=OrganizationMembershipFactory().organization,
        role=ProposalPartner.Role.CO_PROPOSER,
    )
    with pytest.raises(PermissionDenied):
        proposal_partner_remove(actor=invited, proposal=draft, link=other)
    assert ProposalPartner.objects.filter(pk=other.pk).exists()
    assert proposal_partner_remove(actor=invited, proposal=draft, link=link) is True
