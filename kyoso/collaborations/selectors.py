"""Reads of collaborations, already scoped to the viewer. What one may not see is a 404."""

from __future__ import annotations

import rules
from django.db.models import Q
from django.http import Http404

from kyoso.organizations.models import BodyMembership
from kyoso.organizations.predicates import body_roles, organization_roles

from .models import Collaboration


def collaborations_visible_to(user):
    """Published collaborations for everyone; the parties and the body's administrators see
    their own in every state. Other bodies' staff (and other departments) see only what is
    public."""
    public = Q(published_at__isnull=False)
    if not user.is_authenticated:
        return Collaboration.objects.filter(public)
    condition = public
    organization_ids = list(organization_roles(user))
    if organization_ids:
        condition |= Q(partners__in=organization_ids)
    overseen, departments = [], []
    for body_id, roles in body_roles(user).items():
        for role, department_id in roles:
            if role in (BodyMembership.Role.DESK, BodyMembership.Role.BODY_ADMIN):
                overseen.append(body_id)
            elif role == BodyMembership.Role.DEPARTMENT and department_id:
                departments.append(department_id)
    if overseen:
        condition |= Q(body_id__in=overseen)
    if departments:
        condition |= Q(departments__in=departments)
    # The joins can repeat rows: filter by primary key instead of distinct().
    return Collaboration.objects.filter(
        pk__in=Collaboration.objects.filter(condition).values("pk")
    )


def collaboration_for(user, pk) -> Collaboration:
    try:
        return collaborations_visible_to(user).select_related("body", "proposal").get(pk=pk)
    except (Collaboration.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def workspace_for(user, pk) -> Collaboration:
    """A collaboration as its parties work on it; anyone else gets a 404 (even if published:
    the public page is elsewhere)."""
    collaboration = collaboration_for(user, pk)
    if not rules.has_perm("collaborations.view_workspace", user, collaboration):
        raise Http404
    return collaboration


def my_collaborations(user):
    """Those the user takes part in (or oversees), newest first."""
    if not user.is_authenticated:
        return Collaboration.objects.none()
    queryset = collaborations_visible_to(user).select_related("body")
    return [c for c in queryset.order_by("-start_fiscal_year", "-pk")
            if rules.has_perm("collaborations.view_workspace", user, c)]
