"""Reads about bodies and organizations, scoped to the viewer."""

import time

from django.core.cache import caches
from django.db.models import Q
from django.http import Http404
from django.utils.translation import get_language

from kyoso.core.templatetags.kyoso import PrerenderedChoices
from kyoso.core.text import indexed_form, normalize, search_terms

from .models import (
    BodyMembership,
    Department,
    GovernmentBody,
    Organization,
    OrganizationMembership,
)
from .predicates import body_roles


def bodies_for_navigation():
    """Prefectures with their municipalities, for lists and filters."""
    return GovernmentBody.objects.active().select_related("parent").order_by("code")


def memberships_for_dashboard(user) -> dict:
    body_memberships = list(
        BodyMembership.objects.filter(user=user)
        .select_related("body", "department")
        .order_by("body__code", "role")
    )
    organization_memberships = list(
        OrganizationMembership.objects.filter(user=user)
        .select_related("organization")
        .order_by("organization__name_kana", "organization__name")
    )
    admin_organization_ids = [
        membership.organization_id
        for membership in organization_memberships
        if membership.role == OrganizationMembership.Role.ADMIN
        and membership.status == OrganizationMembership.Status.ACTIVE
    ]
    administered_bodies = []
    for membership in body_memberships:
        if (
            membership.role == BodyMembership.Role.BODY_ADMIN
            and membership.body not in administered_bodies
        ):
            administered_bodies.append(membership.body)
    return {
        "body_memberships": body_memberships,
        "administered_bodies": administered_bodies,
        "organization_memberships": organization_memberships,
        "pending_requests": [
            membership
            for membership in organization_memberships
            if membership.status == OrganizationMembership.Status.PENDING
        ],
        "requests_to_answer": OrganizationMembership.objects.filter(
            organization_id__in=admin_organization_ids,
            status=OrganizationMembership.Status.PENDING,
        )
        .select_related("organization", "user")
        .order_by("created_at"),
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


# --- Bodies ------------------------------------------------------------------------------


def bodies_of_the_prefectures_of(home, chosen=()):
    """Every active body of the prefectures of ``home`` (each prefecture and its
    municipalities), and those in ``chosen`` whatever their state; without the one body of
    ``home`` when it is one. The other parties offered for an agreement kept by one of
    ``home``: a nation has 1,788 bodies, too many for one list (kyoso.agreements.forms)."""
    home = list(home)
    prefectures = {body.parent_id or body.pk for body in home}
    offered = GovernmentBody.objects.filter(
        Q(is_active=True, pk__in=prefectures) | Q(is_active=True, parent_id__in=prefectures)
        | Q(pk__in=[getattr(body, "pk", body) for body in chosen])
    ).order_by("code")
    if len(home) == 1:
        # The keeping body is a party already.
        offered = offered.exclude(pk=home[0].pk)
    return offered


def body_public(code) -> GovernmentBody:
    """An active body by its code, for public pages."""
    try:
        return GovernmentBody.objects.active().select_related("parent").get(code=code)
    except GovernmentBody.DoesNotExist:
        raise Http404 from None


def body_managed_by(user, code) -> GovernmentBody:
    """A body whose staff the user manages. Any other body is a 404, so tenants stay unseen."""
    try:
        body = GovernmentBody.objects.get(code=code)
    except GovernmentBody.DoesNotExist:
        raise Http404 from None
    if not user.has_perm("organizations.manage_body", body):
        raise Http404
    return body


def body_staff(body):
    return (
        BodyMembership.objects.filter(body=body)
        .select_related("user", "department")
        .order_by("role", "department__name", "user__email")
    )


def body_membership_managed_by(user, body, pk) -> BodyMembership:
    try:
        return BodyMembership.objects.select_related("user", "body").get(pk=pk, body=body)
    except (BodyMembership.DoesNotExist, ValueError):
        raise Http404 from None


# --- Partner organizations ---------------------------------------------------------------


def organization_directory(
    *, query: str = "", kind: str = "", field: str = "", intermediary: bool = False
):
    """Public directory of partner organizations, filtered by name/furigana, kind and field.

    Every word of ``query`` must occur in the name, the furigana or the English name, compared
    as search keys (kyoso.core.text, kept in ``search_text``): width, case and
    hiragana/katakana do not matter, on the query's side or the name's, so 「子育てﾈｯﾄｻｶﾞ」 finds
    「子育てネットさが」. On PostgreSQL a trigram index serves it (organizations migration 0002).
    """
    organizations = Organization.objects.order_by("name_kana", "name", "pk")
    for term in search_terms(query):
        organizations = organizations.filter(search_text__contains=indexed_form(term))
    if kind:
        organizations = organizations.filter(kind=kind)
    if field:
        # ``fields`` is a JSON list of codes; the quoted code matches whole items on any backend.
        organizations = organizations.filter(fields__icontains=f'"{normalize(field)}"')
    if intermediary:
        organizations = organizations.filter(is_intermediary=True)
    return organizations


def organization_public(pk) -> Organization:
    try:
        return Organization.objects.select_related("prefecture").get(pk=pk)
    except (Organization.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def organization_managed_by(user, pk, permission="organizations.change_organization"):
    """An organization the user may manage; to anyone else it answers 404."""
    organization = organization_public(pk)
    if not user.has_perm(permission, organization):
        raise Http404
    return organization


def organization_members(organization):
    return (
        organization.memberships.filter(status=OrganizationMembership.Status.ACTIVE)
        .select_related("user")
        .order_by("role", "user__display_name", "user__email")
    )


def organization_pending_requests(organization):
    return (
        organization.memberships.filter(status=OrganizationMembership.Status.PENDING)
        .select_related("user")
        .order_by("created_at")
    )


def organization_membership_of(user, organization):
    if not user.is_authenticated:
        return None
    return OrganizationMembership.objects.filter(user=user, organization=organization).first()


def organization_membership_in(organization, pk) -> OrganizationMembership:
    try:
        return organization.memberships.select_related("user").get(pk=pk)
    except (OrganizationMembership.DoesNotExist, ValueError):
        raise Http404 from None


BODY_CHOICES_TTL = 60 * 10
# How long a process reuses its own rendering of the list before asking the shared cache again.
BODY_CHOICES_MEMORY_TTL = 60
_body_choices_memory: dict[str, tuple[float, PrerenderedChoices]] = {}
# Flat lists made from it (``body_choices``), with the grouped list they were made from.
_flat_body_choices: dict[tuple, tuple[PrerenderedChoices, PrerenderedChoices]] = {}


def body_choice_groups() -> PrerenderedChoices:
    """Active bodies for a select, grouped by prefecture, in the current language; cached.

    A national installation has 1,788 bodies, and rendering them costs more than the rest of a
    catalog page; the list changes rarely, so it is built once per language and kept for ten
    minutes in the shared cache, and each process keeps it, with its ``<option>``s rendered, for
    another minute (``select_options`` then only marks the chosen body).
    """
    language = get_language()
    remembered = _body_choices_memory.get(language)
    if remembered is not None and remembered[0] > time.monotonic():
        return remembered[1]
    cache = caches["pages"]
    key = f"bodies:choices:{language}"
    groups = cache.get(key)
    if groups is None:
        by_prefecture: dict[int, tuple[str, list[tuple[str, str]]]] = {}
        bodies = GovernmentBody.objects.active().only(
            "id", "code", "name", "name_en", "kind", "parent_id"
        )
        for body in bodies.order_by("code"):
            group = body.pk if body.parent_id is None else body.parent_id
            label, members = by_prefecture.setdefault(group, ("", []))
            if body.parent_id is None:
                by_prefecture[group] = (body.display_name, members)
            members.append((body.code, body.display_name))
        groups = list(by_prefecture.values())
        cache.set(key, groups, BODY_CHOICES_TTL)
    choices = PrerenderedChoices(groups)
    _body_choices_memory[language] = (time.monotonic() + BODY_CHOICES_MEMORY_TTL, choices)
    return choices


def forget_body_choices() -> None:
    """Drop this process's copy (tests, after bodies change)."""
    _body_choices_memory.clear()
    _flat_body_choices.clear()


def body_choices(codes=None) -> PrerenderedChoices:
    """Active bodies for a flat select, by code, in the current language: all of them, or those
    of ``codes`` (codes of inactive bodies are left out).

    Made from ``body_choice_groups`` and, like it, rendered once per process for as long as that
    list lasts, so a page with a long select of bodies does not escape 1,788 options each time.
    """
    groups = body_choice_groups()
    wanted = None if codes is None else frozenset(codes)
    key = (get_language(), wanted)
    remembered = _flat_body_choices.get(key)
    if remembered is not None and remembered[0] is groups:
        return remembered[1]
    choices = PrerenderedChoices(sorted(
        (code, name) for _group, members in groups for code, name in members
        if wanted is None or code in wanted
    ))
    if len(_flat_body_choices) > 16:  # sets of codes change with the data: keep a few
        _flat_body_choices.clear()
    _flat_body_choices[key] = (groups, choices)
    return choices


def organizations_linked(links, *, limit: int) -> list[tuple[str, str]] | None:
    """The organizations of ``links`` (rows with an ``organization_id``, e.g. the partners of
    published agreements), as choices by their reading; None if there are more than ``limit``.

    That is asked first, in the order of the links' organization index, which stops after
    ``limit + 1`` organizations instead of making every organization of the nation distinct.
    """
    ids = list(links.order_by("organization_id").values_list(
        "organization_id", flat=True).distinct()[: limit + 1])
    if len(ids) > limit:
        return None
    partners = Organization.objects.filter(pk__in=ids).only("id", "name", "name_en")
    return [(str(p.pk), p.display_name) for p in partners.order_by("name_kana", "name")]


def organization_linked(links, pk: str) -> list[tuple[str, str]]:
    """The organization ``pk`` (from an address) as a choice, if it is one of ``links``'."""
    if not pk.isdigit():
        return []
    found = Organization.objects.filter(
        pk=pk, pk__in=links.values("organization_id")
    ).only("id", "name", "name_en")
    return [(str(p.pk), p.display_name) for p in found]
