"""Reads of agreements, already scoped to the viewer. An agreement one may not see is a 404."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kyoso.core.memo import newest_state, remembered
from kyoso.core.text import search_terms
from kyoso.organizations.models import GovernmentBody
from kyoso.organizations.predicates import body_roles, organization_roles
from kyoso.organizations.selectors import (
    body_choices,
    organization_directory,
    organization_linked,
    organizations_linked,
)

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
        # Kept or co-signed by the body: one set of ids (a UNION), which the database joins to
        # from the body's few agreements; an OR of the two would make it test every agreement.
        kept = Agreement.objects.filter(body__code=body).order_by().values("pk")
        cosigned = Agreement.other_bodies.through.objects.filter(
            governmentbody__code=body
        ).values("agreement_id")
        queryset = queryset.filter(pk__in=kept.union(cosigned))
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
    """Fiscal years of signing, newest first.

    Read as a loose index scan: each year is the largest below the previous one, one step
    down ``agreement_public_fy_idx`` per year, instead of a DISTINCT over every published
    agreement (a pass over the whole table when its pages are not all-visible). The ORM has
    no way to say this; the same SQL runs on SQLite and PostgreSQL."""
    table = connection.ops.quote_name(Agreement._meta.db_table)
    published = f"state IN ({', '.join(['%s'] * len(PUBLIC_STATES))})"
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH RECURSIVE years(year) AS ("  # noqa: S608 - our table, placeholders
            f"SELECT MAX(fiscal_year) FROM {table} WHERE {published} "
            f"UNION ALL SELECT (SELECT MAX(fiscal_year) FROM {table} WHERE {published} "
            f"AND fiscal_year < years.year) FROM years WHERE years.year IS NOT NULL"
            f") SELECT year FROM years WHERE year IS NOT NULL",
            [*PUBLIC_STATES, *PUBLIC_STATES],
        )
        return [year for (year,) in cursor.fetchall()]


# Choices of the public list's filters, read on every visit of the list. Each is one query that
# does not grow with the number of agreements, and each process keeps them while no agreement
# has been written (``kyoso.core.memo``: newest change and id, at most a minute), so a visit
# usually pays one query for all of them (docs/agreements.md, "How the list stays fast").


@dataclass
class FilterChoices:
    bodies: list[tuple[str, str]]  # code, name; rendered once (``body_choices``)
    partners: list[tuple[str, str]]  # id, name
    all_partners: bool  # False: too many to list without a body; only the chosen one is
    fiscal_years: list[int]  # newest first


def public_filter_choices(*, body: str = "", partner: str = "",
                          partners_listed: int) -> FilterChoices:
    """What the public list's filters offer: the bodies that keep a published agreement, the
    partners of published agreements (kept by ``body`` if given) while there are no more
    than ``partners_listed`` (else only ``partner``, if it is one of them, so a link to a
    partner keeps working), and the fiscal years of signing."""
    state = newest_state(Agreement.objects)
    language = get_language()
    partners = remembered(
        ("agreements:partners", body, partners_listed, language), state,
        lambda: organizations_linked(_partner_links(body), limit=partners_listed),
    )
    return FilterChoices(
        bodies=remembered(("agreements:bodies", language), state, _published_bodies),
        partners=(partners if partners is not None
                  else organization_linked(_partner_links(body), partner)),
        all_partners=partners is not None,
        fiscal_years=remembered(("agreements:years",), state, published_fiscal_years),
    )


def _published_bodies() -> list[tuple[str, str]]:
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


def _partner_links(body: str):
    links = AgreementPartner.objects.filter(agreement__state__in=PUBLIC_STATES)
    return links.filter(agreement__body__code=body) if body else links


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
