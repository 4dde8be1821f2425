import pytest

from .factories import make_draft


@pytest.fixture
def draft(cso_member, prefecture):
    return make_draft(cso_member, prefecture)


@pytest.fixture
def people(cso_member, desk_coordinator, department, department_officer):
    """The usual cast of a proposal's journey, for ``walk``."""
    return {
        "proposer": cso_member,
        "desk": desk_coordinator,
        "departments": [department],
        "officer": department_officer,
    }
