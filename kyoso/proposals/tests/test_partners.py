import pytest
from django.core.exceptions import ValidationError

from kyoso.organizations.models import Organization
from kyoso.organizations.tests.factories import OrganizationMembershipFactory
from kyoso.proposals import services
from kyoso.proposals.models import ProposalPartner
from kyoso.proposals.selectors import proposals_visible_to

from .factories import submit


@pytest.fixture
def supporter(db):
    return OrganizationMembershipFactory(
        organization__is_intermediary=True, organization__kind=Organization.Kind.NPO_CORPORATION
    ).user


def test_it_waits_for_a_partner_to_consent_before_submitting(draft, cso_member, supporter):
    centre = supporter.organization_memberships.get().organization
    link = services.proposal_partner_add(
        actor=cso_member, proposal=draft, organization=centre,
        role=ProposalPartner.Role.INTERMEDIARY,
    )
    assert link.consented_at is None
    assert draft not in proposals_visible_to(supporter)
    with pytest.raises(ValidationError) as error:
        submit(draft, cso_member)
    assert "partners" in error.value.message_dict
    services.proposal_partner_consent(actor=supporter, link=link)
    assert draft in proposals_visible_to(supporter)
    assert submit(draft, cso_member).state == "submitted"


def test_it_refuses_an_intermediary_that_is_not_one(draft, cso_member, outsider):
    plain = OrganizationMembershipFactory().organization
    with pytest.raises(ValidationError):
        services.proposal_partner_add(
            actor=cso_member, proposal=draft, organization=plain,
            role=ProposalPartner.Role.INTERMEDIARY,
        )
