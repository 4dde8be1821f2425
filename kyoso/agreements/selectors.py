"""Reads of agreements, already scoped to the viewer. An agreement one may not see is a 404."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext as _

from kyoso.core.text import search_terms
from kyoso.organizations.models import GovernmentBody, Organization
from kyoso.organizations.predicates import body_roles, organization_roles
from kyoso.organizations.selectors import body_choices, organization_directory

from .models import PUBLIC_STATES, Agreement, AgreementPartner
from .rules import OVERSEERS


def agreements_visible_to(user):
    """Published agreements for everyone; drafts for the parties and the keeping body.

    The staff of the keeping body (all roles), the desk and administrators of another body that
    signed, and the members of a partner organization see its drafts; other bodies' staff see
    only what is published.
    """
    public = Q(state__in=PUBLIC_STATES)
    if not user.is_authenticated:
        return Agreement.objects.filter(public)
    if user.is_superuser:
        return Agreement.objects.all()
    condition = public
    roles = body_roles(user)
    if roles:
        condition |= Q(body_id__in=list(roles))
        overseen = [
            body_id for body_id, held in roles.items()
            if any(role in OVERSEERS for role, _department in held)
        ]
        if overseen:
            condition |= Q(other_bodies__in=overseen)
    organization_ids = list(organization_roles(user))
    if organization_ids:
        condition |= Q(partner_links__organization_id__in=organization_ids)
    # The joins can repeat rows; filter by primary key instead of distinct().
    return Agreement.objects.filter(pk__in=Agreement.objects.filter(condition).values("pk"))


def with_parties(queryset):
    return queryset.select_related("body").prefetch_related(
        Prefetch(
            "partner_links",
            queryset=AgreementPartner.objects.select_related("organization").order_by("position"),
        ),
        "other_bodies",
    )


def agreement_for(user, pk) -> Agreement:
    try:
        return with_parties(agreements_visible_to(user)).get(pk=pk)
    except (Agreement.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def search(queryset, *, q: str = "", body: str = "", field: str = "", partner=None,
           fiscal_year: int | None = None, kind: str = ""):
    """Filters shared by the public list and the API. ``q``: every word must occur in the
    title, summary, items or a party's name (Japanese and English, kana-insensitive).

    Bodies and partners are matched through subqueries, not joins, so no agreement is repeated
    and the query needs no ``pk IN (…)`` around it to keep each once."""
    for term in search_terms(q):
        queryset = queryset.filter(search_text__contains=term)
    if body:
        cosigned = Agreement.other_bodies.through.objects.filter(
            governmentbody__code=body
        ).values("agreement_id")
        queryset = queryset.filter(Q(body__code=body) | Q(pk__in=cosigned))
    if field:
        queryset = queryset.with_field(field)
    if partner:
        queryset = queryset.filter(
            pk__in=AgreementPartner.objects.filter(organization_id=partner).values("agreement_id")
        )
    if fiscal_year:
        queryset = queryset.filter(fiscal_year=fiscal_year)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset


def published_agreement(pk) -> Agreement:
    """A signed agreement for the API; drafts and missing ids are a 404 alike."""
    agreement = with_parties(Agreement.objects.published()).filter(pk=pk).prefetch_related(
        "items"
    ).first()
    if agreement is None:
        raise Http404(_("No such agreement."))
    return agreement


def published_agreements():
    return Agreement.objects.published()


def published_fiscal_years() -> list[int]:
    return list(
        Agreement.objects.published().order_by("-fiscal_year").values_list(
            "fiscal_year", flat=True
        ).distinct()
    )


# Choices of the public list's filters. They are read on every visit of the list, so each is
# one cheap query whatever the number of agreements (docs/agreements.md, "How the lists stay
# fast").


def published_body_choices() -> list[tuple[str, str]]:
    """The bodies that keep a published agreement, by code, named in the current language.

    One probe of ``agreement_body_state_idx`` per body instead of every agreement joined to its
    body and made distinct; the names and their ``<option>``s come rendered from the shared list
    of bodies (``body_choices``)."""
    keeping = GovernmentBody.objects.filter(
        Exists(Agreement.objects.published().filter(body=OuterRef("pk")))
    )
    codes = list(keeping.values_list("code", flat=True))
    choices = body_choices(codes)
    if len(choices) < len(codes):  # a body no longer active is not in the shared list
        listed = {code for code, _name in choices}
        gone = GovernmentBody.objects.filter(code__in=set(codes) - listed).only(
            "code", "name", "name_en")
        choices = sorted([*choices, *((body.code, body.display_name) for body in gone)])
    return choices


def published_partner_choices(*, body: str = "", chosen: str = "",
                              limit: int) -> tuple[list[tuple[str, str]], bool]:
    """Partners of published agreements (kept by ``body`` if given) by their reading, and
    whether that is all of them.

    Beyond ``limit`` partners only ``chosen`` is offered (if it is one of them), so a link to
    a partner keeps working; the caller asks for a body to be chosen first."""
    links = AgreementPartner.objects.filter(agreement__state__in=PUBLIC_STATES)
    if body:
        links = links.filter(agreement__body__code=body)
    partners = Organization.objects.filter(
        pk__in=links.values("organization_id")
    ).only("id", "name", "name_en").order_by("name_kana", "name")
    shown = list(partners[: limit + 1])
    complete = len(shown) <= limit
    if not complete:
        shown = list(partners.filter(pk=chosen)) if chosen.isdigit() else []
    return [(str(partner.pk), partner.display_name) for partner in shown], complete


def public_list(filters: dict):
    """The public list: published agreements matching ``filters`` (those of ``search``),
    newest signing first, with their parties for the rows."""
    return with_parties(search(published_agreements(), **filters)).order_by("-signed_on", "-id")


def kept_agreements(user):
    """The agreements of the bodies whose desk or administrator the user is (kept by the body
    or co-signed by it), drafts first."""
    overseen = [
        body_id for body_id, held in body_roles(user).items()
        if any(role in OVERSEERS for role, _department in held)
    ]
    return Agreement.objects.filter(
        Q(body_id__in=overseen) | Q(other_bodies__in=overseen)
    ).distinct()


def party_agreements(user):
    """Agreements a partner organization of the user is party to."""
    organization_ids = list(organization_roles(user))
    return Agreement.objects.filter(
        pk__in=AgreementPartner.objects.filter(organization_id__in=organization_ids).values(
            "agreement_id"
        )
    )


def amendments_of(agreement, *, internal: bool = False) -> list:
    """The amendments of an agreement, oldest first, each with ``shown_document``: its signed
    text if the viewer may read it (public, or the viewer is a party or the keeping body)."""
    amendments = list(agreement.amendments.select_related("document").order_by("number"))
    for amendment in amendments:
        document = amendment.document
        amendment.shown_document = document if document is not None and (
            internal or (document.is_public and agreement.is_public)) else None
    return amendments


def public_documents(agreement):
    return agreement.documents.filter(is_public=True) if agreement.is_public else \
        agreement.documents.none()


def signed_memoranda(agreement):
    return agreement.memoranda.filter(signed_on__isnull=False) if agreement.is_public else \
        agreement.memoranda.none()


# More matches than this are not listed: the desk narrows the search instead.
PARTNER_MATCHES_LISTED = 50


def partner_candidates(agreement, query: str, *, limit: int = PARTNER_MATCHES_LISTED):
    """Organizations whose name (kanji, kana or English; width and kana folded) matches every
    word of ``query`` and that are not partners of the agreement yet, in the directory's order:
    at most ``limit`` of them, and whether there were more. No words, no list."""
    if not search_terms(query):
        return [], False
    found = list(
        organization_directory(query=query)
        .exclude(pk__in=agreement.partner_links.values("organization_id"))
        .select_related("prefecture")[: limit + 1]
    )
    return found[:limit], len(found) > limit


def partners_in_order(agreement):
    return [
        link.organization for link in agreement.partner_links.select_related(
            "organization", "organization__prefecture"
        ).order_by("position", "id")
    ]
