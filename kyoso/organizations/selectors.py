"""Reads about bodies and organizations, scoped to the viewer."""

from django.db.models import Q

from .models import BodyMembership, Department, GovernmentBody, OrganizationMembership
from .predicates import body_roles


def bodies_for_navigation():
    """Prefectures with their municipalities, for lists and filters."""
    return GovernmentBody.objects.active().select_related("parent").order_by("code")


def memberships_for_dashboard(user) -> dict:
    return {
        "body_memberships": BodyMembership.objects.filter(user=user).select_related(
            "body", "department"
        ),
        "organization_memberships": OrganizationMembership.objects.filter(
            user=user
        ).select_related("organization"),
    }


def departments_kept_by(user):
    """Departments whose records the user keeps: their own, or all of a body they administer."""
    departments = Department.objects.select_related("body").order_by("body__code", "name")
    if user.is_superuser:
        return departments
    roles = body_roles(user)
    admin_bodies = [
        body_id
        for body_id, held in roles.items()
        if any(role == BodyMembership.Role.BODY_ADMIN for role, _ in held)
    ]
    own = [
        department_id
        for held in roles.values()
        for role, department_id in held
        if role == BodyMembership.Role.DEPARTMENT
    ]
    return departments.filter(Q(body_id__in=admin_bodies) | Q(pk__in=own))
