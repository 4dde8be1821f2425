"""Every persona against every action so far: organizations and catalog permissions.

Each row names an action on an object; the set lists the personas that may do it. Everyone
else must be refused — deny by default.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.organizations.models import OrganizationMembership
from kyoso.organizations.tests.factories import OrganizationMembershipFactory

PERSONAS = [
    "anonymous",
    "outsider",
    "cso_member",
    "org_member",
    "department_officer",
    "other_department_officer",
    "desk_coordinator",
    "body_admin",
    "other_body_admin",
    "other_body_officer",
    "platform_admin",
]
STAFF = {"department_officer", "other_department_officer", "desk_coordinator", "body_admin"}
EVERYONE = set(PERSONAS)
SIGNED_IN = EVERYONE - {"anonymous"}
KEEPERS = {"department_officer", "body_admin", "platform_admin"}

MATRIX = [
    # catalog: a disclosed project of the prefecture's 「こども家庭課」
    ("catalog.view_project", "own_disclosed", EVERYONE),
    ("catalog.change_project", "own_disclosed", KEEPERS),
    ("catalog.delete_project", "own_disclosed", KEEPERS),
    # an undisclosed one: only the body's staff see it
    ("catalog.view_project", "own_undisclosed", STAFF | {"platform_admin"}),
    ("catalog.change_project", "own_undisclosed", KEEPERS),
    ("catalog.delete_project", "own_undisclosed", KEEPERS),
    # a project of another department of the same body
    ("catalog.view_project", "other_department_undisclosed", STAFF | {"platform_admin"}),
    (
        "catalog.change_project",
        "other_department_undisclosed",
        {"other_department_officer", "body_admin", "platform_admin"},
    ),
    (
        "catalog.delete_project",
        "other_department_undisclosed",
        {"other_department_officer", "body_admin", "platform_admin"},
    ),
    # projects of another body
    ("catalog.view_project", "other_body_disclosed", EVERYONE),
    (
        "catalog.view_project",
        "other_body_undisclosed",
        {"other_body_admin", "other_body_officer", "platform_admin"},
    ),
    # other_body_officer works in a department of their own, not the project's
    ("catalog.change_project", "other_body_undisclosed", {"other_body_admin", "platform_admin"}),
    ("catalog.delete_project", "other_body_disclosed", {"other_body_admin", "platform_admin"}),
    # adding to a department
    ("catalog.add_project", "department", KEEPERS),
    (
        "catalog.add_project",
        "other_department",
        {"other_department_officer", "body_admin", "platform_admin"},
    ),
    # whole-body actions
    ("catalog.import_catalog", "prefecture", {"body_admin", "platform_admin"}),
    ("catalog.export_catalog", "prefecture", STAFF | {"platform_admin"}),
    ("catalog.import_catalog", "other_prefecture", {"other_body_admin", "platform_admin"}),
    (
        "catalog.export_catalog",
        "other_prefecture",
        {"other_body_admin", "other_body_officer", "platform_admin"},
    ),
    ("organizations.manage_body", "prefecture", {"body_admin", "platform_admin"}),
    ("organizations.manage_body", "other_prefecture", {"other_body_admin", "platform_admin"}),
    ("organizations.view_body_internal", "prefecture", STAFF | {"platform_admin"}),
    (
        "organizations.view_body_internal",
        "other_prefecture",
        {"other_body_admin", "other_body_officer", "platform_admin"},
    ),
    # partner organizations (the CSO whose administrator is cso_member, org_member a member)
    ("organizations.change_organization", "organization", {"cso_member", "platform_admin"}),
    ("organizations.manage_members", "organization", {"cso_member", "platform_admin"}),
    ("organizations.view_members", "organization", {"cso_member", "org_member", "platform_admin"}),
    ("organizations.join_organization", "organization", SIGNED_IN - {"cso_member", "org_member"}),
    ("organizations.register_organization", None, SIGNED_IN),
]


@pytest.fixture
def world(prefecture, other_prefecture, department, other_department, cso_member):
    organization = cso_member.organization_memberships.get().organization
    member = OrganizationMembershipFactory(
        organization=organization, role=OrganizationMembership.Role.MEMBER
    ).user
    return {
        "org_member": member,
        "objects": {
            "own_disclosed": CatalogProjectFactory(department=department, disclosed=True),
            "own_undisclosed": CatalogProjectFactory(department=department, disclosed=False),
            "other_department_undisclosed": CatalogProjectFactory(
                department=other_department, disclosed=False
            ),
            "other_body_disclosed": CatalogProjectFactory(
                department__body=other_prefecture, disclosed=True
            ),
            "other_body_undisclosed": CatalogProjectFactory(
                department__body=other_prefecture, disclosed=False
            ),
            "department": department,
            "other_department": other_department,
            "prefecture": prefecture,
            "other_prefecture": other_prefecture,
            "organization": organization,
            None: None,
        },
    }


def _persona(name, request, world):
    if name == "anonymous":
        return AnonymousUser()
    if name == "org_member":
        return world["org_member"]
    return request.getfixturevalue(name)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    ("permission", "target", "allowed"), MATRIX, ids=[f"{p}-{t}" for p, t, _ in MATRIX]
)
def test_permission_matrix(request, world, persona, permission, target, allowed):
    user = _persona(persona, request, world)
    obj = world["objects"][target]

    granted = user.has_perm(permission, obj) if obj is not None else user.has_perm(permission)

    assert granted is (persona in allowed), (
        f"{persona} {'may' if granted else 'may not'} {permission} {target}"
    )


def test_every_registered_permission_is_in_the_matrix():
    import rules

    from kyoso.catalog import rules as _catalog_rules  # noqa: F401
    from kyoso.organizations import rules as _organization_rules  # noqa: F401

    registered = {
        name
        for name in rules.permissions.permissions
        if name.startswith(("organizations.", "catalog."))
    }
    assert registered <= {permission for permission, _, _ in MATRIX}
