"""Predicates about who a user is in relation to bodies and organizations.

They are composed into named permissions in each app's ``rules.py``. Memberships are read once
per request and cached on the user object.
"""

from __future__ import annotations

import rules

from .models import BodyMembership, OrganizationMembership


def body_roles(user) -> dict[int, set[tuple[str, int | None]]]:
    """``{body_id: {(role, department_id), ...}}`` for a signed-in user, cached on the user."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_kyoso_body_roles", None)
    if cached is None:
        cached = {}
        for body_id, role, department_id in BodyMembership.objects.filter(user=user).values_list(
            "body_id", "role", "department_id"
        ):
            cached.setdefault(body_id, set()).add((role, department_id))
        user._kyoso_body_roles = cached
    return cached


def organization_roles(user) -> dict[int, str]:
    """``{organization_id: role}`` of the user's active memberships, cached on the user."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_kyoso_org_roles", None)
    if cached is None:
        cached = dict(
            OrganizationMembership.objects.filter(
                user=user, status=OrganizationMembership.Status.ACTIVE
            ).values_list("organization_id", "role")
        )
        user._kyoso_org_roles = cached
    return cached


def forget_roles(user) -> None:
    """Drop cached memberships after they change."""
    for attribute in ("_kyoso_body_roles", "_kyoso_org_roles"):
        if hasattr(user, attribute):
            delattr(user, attribute)


def has_body_role(user, body_id: int, *roles: str) -> bool:
    return any(role in roles for role, _ in body_roles(user).get(body_id, ()))


def is_department_member(user, department) -> bool:
    memberships = body_roles(user).get(department.body_id, ())
    return (BodyMembership.Role.DEPARTMENT, department.pk) in memberships


@rules.predicate
def is_platform_admin(user):
    return user.is_authenticated and user.is_superuser


@rules.predicate
def is_government_staff(user):
    return bool(body_roles(user))


@rules.predicate
def is_admin_of_body(user, body):
    return body is not None and has_body_role(user, body.pk, BodyMembership.Role.BODY_ADMIN)


@rules.predicate
def is_member_of_body(user, body):
    return body is not None and body.pk in body_roles(user)


@rules.predicate
def is_desk_of_body(user, body):
    return body is not None and has_body_role(user, body.pk, BodyMembership.Role.DESK)


@rules.predicate
def is_organization_admin(user, organization):
    return (
        organization is not None
        and organization_roles(user).get(organization.pk) == OrganizationMembership.Role.ADMIN
    )


@rules.predicate
def is_organization_member(user, organization):
    return organization is not None and organization.pk in organization_roles(user)
