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


@pytest.fixture
def people(cso_member, desk_coordinator, department, department_officer):
    """The cast of a proposal's journey, for the proposals' ``walk``."""
    return {
        "proposer": cso_member,
        "desk": desk_coordinator,
        "departments": [department],
        "officer": department_officer,
    }
