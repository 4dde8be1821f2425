import pytest

from kyoso.organizations.models import OrganizationMembership
from kyoso.organizations.tests.factories import OrganizationMembershipFactory

from .factories import make_agreement, organization_of


@pytest.fixture
def partner_member(cso_member):
    """A member of the partner organization that is party to ``agreement``."""
    return cso_member


@pytest.fixture
def other_partner_member(db):
    return OrganizationMembershipFactory(role=OrganizationMembership.Role.MEMBER,
                                         status=OrganizationMembership.Status.ACTIVE).user


@pytest.fixture
def agreement(desk_coordinator, prefecture, partner_member):
    return make_agreement(desk_coordinator, prefecture, partners=[organization_of(partner_member)])
