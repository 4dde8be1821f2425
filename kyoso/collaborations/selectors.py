"""Reads of collaborations, already scoped to the viewer. What one may not see is a 404."""

from __future__ import annotations

import rules
from django.db.models import Q
from django.http import Http404

from kyoso.organizations.models import BodyMembership
from kyoso.organizations.predicates import body_roles, organization_roles

from .models import Collaboration


def _party_condition(user) -> Q | None:
    """Collaborations the user works on (the workspace rule, as a query): partner
    organizations' members, the body's desk and administrators, the departments' staff."""
    conditions = []
    organization_ids = list(organization_roles(user))
    if organization_ids:
        conditions.append(Q(partners__in=organization_ids))
    overseen, departments = [], []
    for body_id, roles in body_roles(user).items():
        for role, department_id in roles:
            if role in (BodyMembership.Role.DESK, BodyMembership.Role.BODY_ADMIN):
                overseen.append(body_id)
            elif role == BodyMembership.Role.DEPARTMENT and department_id:
                departments.append(department_id)
    if overseen:
        conditions.append(Q(body_id__in=overseen))
    if departments:
        conditions.append(Q(departments__in=departments))
    if not conditions:
        return None
    condition = conditions[0]
    for other in conditions[1:]:
        condition |= other
    return condition


def _without_repeats(condition: Q):
    # The joins can repeat rows: filter by primary key instead of distinct().
    return Collaboration.objects.filter(
        pk__in=Collaboration.objects.filter(condition).values("pk")
    )


def collaborations_visible_to(user):
    """Published collaborations for everyone; the parties and the body's administrators see
    their own in every state. Other bodies' staff (and other departments) see only what is
    public."""
    public = Q(published_at__isnull=False)
    if not user.is_authenticated:
        return Collaboration.objects.filter(public)
    party = _party_condition(user)
    if party is None:
        return Collaboration.objects.filter(public)
    return _without_repeats(public | party)


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
    """Those the user takes part in (or oversees), newest first: one query from the user's
    roles, not every published collaboration checked one by one."""
    if not user.is_authenticated:
        return Collaboration.objects.none()
    party = _party_condition(user)
    if party is None:
        return Collaboration.objects.none()
    return _without_repeats(party).select_related("body").order_by("-start_fiscal_year", "-pk")
