import pytest

from kyoso.collaborations.models import Collaboration
from kyoso.organizations.models import BodyMembership, OrganizationMembership
from kyoso.organizations.tests.factories import (
    OrganizationMembershipFactory,
    StaffMembershipFactory,
)
from kyoso.proposals.tests.factories import organization_of

from .factories import adopted_proposal, collaboration_from


@pytest.fixture
def adopted(cso_member, desk_coordinator, department, department_officer):
    return adopted_proposal(proposer=cso_member, desk=desk_coordinator, department=department,
                            officer=department_officer)


@pytest.fixture
def collaboration(adopted, department_officer) -> Collaboration:
    return collaboration_from(adopted, department_officer)


@pytest.fixture
def partner_org(cso_member):
    return organization_of(cso_member)


@pytest.fixture
def other_partner_member(db):
    """A member of an organization that takes no part."""
    return OrganizationMembershipFactory(role=OrganizationMembership.Role.MEMBER).user


@pytest.fixture
def same_body_other_officer(other_department_officer):
    return other_department_officer


@pytest.fixture
def other_desk(other_prefecture):
    return StaffMembershipFactory(body=other_prefecture, role=BodyMembership.Role.DESK).user
