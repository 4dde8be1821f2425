"""Named personas shared by every test: who acts, for which body, in which role."""

import pytest

from kyoso.organizations.models import BodyMembership, Organization, OrganizationMembership
from kyoso.organizations.tests.factories import (
    DepartmentFactory,
    MunicipalityFactory,
    OrganizationMembershipFactory,
    PrefectureFactory,
    StaffMembershipFactory,
    UserFactory,
    give_second_factor,
)


@pytest.fixture
def prefecture(db):
    return PrefectureFactory()


@pytest.fixture
def other_prefecture(db):
    return PrefectureFactory(code="080004", name="茨城県", name_en="Ibaraki Prefecture")


@pytest.fixture
def municipality(prefecture):
    return MunicipalityFactory(parent=prefecture, code="412015", name="佐賀市", name_en="Saga City")


@pytest.fixture
def department(prefecture):
    return DepartmentFactory(
        body=prefecture, name="こども家庭課", name_en="Children and Families Division"
    )


@pytest.fixture
def other_department(prefecture):
    return DepartmentFactory(body=prefecture, name="観光課", name_en="Tourism Division")


@pytest.fixture
def desk_department(prefecture):
    return DepartmentFactory(
        body=prefecture, name="協働推進課", name_en="Citizens Partnership Division", is_desk=True
    )


@pytest.fixture
def body_admin(prefecture):
    return StaffMembershipFactory(body=prefecture, role=BodyMembership.Role.BODY_ADMIN).user


@pytest.fixture
def desk_coordinator(prefecture, desk_department):
    return StaffMembershipFactory(
        body=prefecture, role=BodyMembership.Role.DESK, department=desk_department
    ).user


@pytest.fixture
def department_officer(prefecture, department):
    return StaffMembershipFactory(
        body=prefecture, role=BodyMembership.Role.DEPARTMENT, department=department
    ).user


@pytest.fixture
def other_department_officer(prefecture, other_department):
    return StaffMembershipFactory(
        body=prefecture, role=BodyMembership.Role.DEPARTMENT, department=other_department
    ).user


@pytest.fixture
def other_body_admin(other_prefecture):
    return StaffMembershipFactory(body=other_prefecture, role=BodyMembership.Role.BODY_ADMIN).user


@pytest.fixture
def other_body_officer(other_prefecture):
    return StaffMembershipFactory(body=other_prefecture, role=BodyMembership.Role.DEPARTMENT).user


@pytest.fixture
def cso_member(db):
    return OrganizationMembershipFactory(
        role=OrganizationMembership.Role.ADMIN,
        organization__kind=Organization.Kind.NPO_CORPORATION,
    ).user


@pytest.fixture
def outsider(db):
    """Signed in, but belongs to nothing."""
    return UserFactory()


@pytest.fixture
def platform_admin(db):
    return give_second_factor(UserFactory(is_superuser=True, is_staff=True))


@pytest.fixture(autouse=True)
def _japanese_by_default():
    """Each test starts in Japanese, the default language, whatever the previous one did.

    (A request under /en/ leaves English active in the thread, which would change what
    ``reverse()`` returns in the next test.)
    """
    from django.utils import translation

    translation.activate("ja")
    yield
    translation.activate("ja")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached pages, counts and rate limits of one test must not leak into the next."""
    from django.core.cache import caches

    from kyoso.core import memo
    from kyoso.core.page_cache import recent_pages
    from kyoso.organizations.selectors import forget_body_choices

    for alias in ("default", "pages"):
        caches[alias].clear()
    recent_pages.clear()
    forget_body_choices()
    memo.forget()
    yield
