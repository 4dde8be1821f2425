"""Creating and editing an agreement's record: its parties, fields, items and term."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kyoso.core.choices import PolicyField
from kyoso.core.text import normalize
from kyoso.proposals.models import Decision, Proposal

from ..models import Agreement, AgreementItem, AgreementPartner
from ._common import (
    audit,
    bump,
    lock,
    refresh_search_text,
    require_perm,
    require_state,
    require_version,
)

# What the desk writes while the agreement is a draft.
TERMS = (
    "kind", "title", "title_en", "summary", "summary_en", "fields", "starts_on", "ends_on",
    "auto_renew", "renewal_months", "press_release_url", "press_release_text",
)
# What may still be corrected once it is signed: the words of its publication, not its terms.
PUBLICATION = ("title_en", "summary", "summary_en", "press_release_url", "press_release_text")


def _clean_fields(fields: Iterable[str]) -> list[str]:
    known = set(PolicyField.values)
    chosen = []
    for code in fields or ():
        if code not in known:
            raise ValidationError({"fields": _("Choose fields from the list.")}, code="invalid")
        if code not in chosen:
            chosen.append(code)
    return chosen


ITEM_LENGTH = AgreementItem._meta.get_field("text").max_length


def _clean_items(items: Iterable) -> list[tuple[str, str]]:
    """Items as ``(text, text_en)``; plain strings are Japanese only. Empty lines are dropped.

    An item too long is refused by its number, never cut: what the parties signed is kept word
    for word, and the person keeps what they typed to shorten it."""
    cleaned = []
    errors = {"items": [], "items_en": []}
    for item in items or ():
        text, text_en = (item, "") if isinstance(item, str) else (item[0], item[1])
        text, text_en = normalize(text), normalize(text_en)
        if not text:
            continue
        cleaned.append((text, text_en))
        for field, value, message in (
            ("items", text, _("Item %(number)s has %(length)s characters: an item may have at "
                              "most %(limit)s. Shorten it or split it into two items.")),
            ("items_en", text_en, _("The English text of item %(number)s has %(length)s "
                                    "characters: it may have at most %(limit)s.")),
        ):
            if len(value) > ITEM_LENGTH:
                errors[field].append(ValidationError(message, code="item_too_long", params={
                    "number": len(cleaned), "length": len(value), "limit": ITEM_LENGTH}))
    errors = {field: found for field, found in errors.items() if found}
    if errors:
        raise ValidationError(errors)
    return cleaned


def _check_term(agreement: Agreement) -> None:
    errors = {}
    if agreement.starts_on and agreement.ends_on and agreement.ends_on < agreement.starts_on:
        errors["ends_on"] = _("The term cannot end before it starts.")
    if agreement.auto_renew:
        if not agreement.renewal_months:
            errors["renewal_months"] = _("Give the renewal period of an automatic renewal.")
        if not agreement.ends_on:
            errors["ends_on"] = _("An agreement renewed automatically needs the end of its term.")
    else:
        agreement.renewal_months = None
    if errors:
        raise ValidationError(errors)


def _check_record(agreement: Agreement) -> None:
    agreement.title = normalize(agreement.title)
    if not agreement.title:
        raise ValidationError({"title": _("Give the agreement a title.")}, code="required")
    _check_term(agreement)
    # Lengths, the URL and the choices, with the fields' own messages.
    agreement.full_clean(exclude=["body", "proposal", "created_by"], validate_unique=False,
                         validate_constraints=False)


def _set_partners(agreement: Agreement, partners: Sequence) -> None:
    # A draft may have no partner yet (they are found on its partners page); signing needs one.
    partners = list(dict.fromkeys(partners))
    agreement.partner_links.all().delete()
    AgreementPartner.objects.bulk_create(
        AgreementPartner(agreement=agreement, organization=organization, position=number)
        for number, organization in enumerate(partners, start=1)
    )
    agreement._partner_ids = {organization.pk for organization in partners}


def _set_other_bodies(agreement: Agreement, other_bodies: Sequence) -> None:
    others = [body for body in dict.fromkeys(other_bodies) if body.pk != agreement.body_id]
    agreement.other_bodies.set(others)
    agreement._other_body_ids = {body.pk for body in others}


def _set_items(agreement: Agreement, items: list[tuple[str, str]]) -> None:
    agreement.items.all().delete()
    AgreementItem.objects.bulk_create(
        AgreementItem(agreement=agreement, position=number, text=text, text_en=text_en)
        for number, (text, text_en) in enumerate(items, start=1)
    )


def _snapshot(agreement: Agreement) -> dict:
    values = {name: getattr(agreement, name) for name in TERMS}
    for name in ("starts_on", "ends_on"):
        values[name] = values[name].isoformat() if values[name] else None
    values["partners"] = list(
        agreement.partner_links.order_by("position").values_list("organization_id", flat=True)
    )
    values["other_bodies"] = sorted(agreement.other_bodies.values_list("pk", flat=True))
    values["items"] = list(agreement.items.order_by("position").values_list("text", flat=True))
    return values


@transaction.atomic
def agreement_create(
    *,
    actor,
    body,
    kind: str,
    title: str,
    partners: Sequence = (),
    other_bodies: Sequence = (),
    fields: Iterable[str] = (),
    items: Iterable = (),
    title_en: str = "",
    summary: str = "",
    summary_en: str = "",
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    auto_renew: bool = False,
    renewal_months: int | None = None,
    press_release_url: str = "",
    press_release_text: str = "",
    proposal: Proposal | None = None,
) -> Agreement:
    """Open a draft agreement of ``body`` (the desk or an administrator), with its partners in
    signing order if they are known; the desk may also name them afterwards, one by one
    (``agreement_partner_add``). Signing needs at least one.

    Companies often come to the desk with a comprehensive agreement first, so a draft needs no
    proposal; one created from an adopted proposal keeps the link.
    """
    require_perm(actor, "agreements.create_agreement", body)
    items = _clean_items(items)
    agreement = Agreement(
        body=body, kind=kind, title=title, title_en=title_en, summary=summary,
        summary_en=summary_en, fields=_clean_fields(fields), starts_on=starts_on, ends_on=ends_on,
        auto_renew=bool(auto_renew), renewal_months=renewal_months,
        press_release_url=press_release_url, press_release_text=press_release_text,
        proposal=proposal, created_by=actor,
    )
    _check_record(agreement)
    agreement.save()
    _set_partners(agreement, partners)
    _set_other_bodies(agreement, other_bodies)
    _set_items(agreement, items)
    refresh = Agreement.objects.select_related("body").get(pk=agreement.pk)
    refresh_search_text(refresh)
    refresh.save(update_fields=["search_text"])
    audit(refresh, actor=actor, verb="create", to_state=refresh.state,
          changes={"created": [None, _snapshot(refresh)],
                   "proposal": [None, proposal.pk if proposal else None]})
    return refresh


def adopting_decisions(proposal: Proposal):
    """Decisions in effect that adopted the proposal (in any of the three ways)."""
    return Decision.objects.effective().filter(
        assignment__proposal=proposal, outcome__in=Decision.ADOPTED
    )


def is_adopted(proposal: Proposal) -> bool:
    return proposal.state == Proposal.State.DECIDED and adopting_decisions(proposal).exists()


@transaction.atomic
def agreement_create_from_proposal(*, actor, proposal: Proposal, kind: str = "project"):
    """A draft agreement prefilled from an adopted proposal: its title, its parties (the
    proposer and the partners that consented) and the fields of its target projects.

    Only the title and names are copied, never a section's text: the proposal's sections may
    hold protected ideas, and an agreement is published once signed.
    """
    proposal = Proposal.objects.select_for_update().select_related("organization", "body").get(
        pk=proposal.pk
    )
    if not is_adopted(proposal):
        raise ValidationError(
            _("An agreement can be prepared from a proposal only once a department has adopted "
              "it."),
            code="not_adopted",
        )
    partners = [proposal.organization] + [
        link.organization
        for link in proposal.partner_links.filter(consented_at__isnull=False)
        .select_related("organization").order_by("pk")
    ]
    fields = list(dict.fromkeys(proposal.target_projects.values_list("field", flat=True)))
    return agreement_create(
        actor=actor, body=proposal.body, kind=kind, title=proposal.title, partners=partners,
        fields=fields, proposal=proposal,
    )


@transaction.atomic
def agreement_update(
    *, actor, agreement: Agreement, expected_version: int | None = None,
    partners: Sequence | None = None, other_bodies: Sequence | None = None,
    items: Iterable | None = None, **values,
) -> Agreement:
    """Edit the record. A draft may change in everything; once signed, only the words of its
    publication (summary, English title, press release) may be corrected — its terms are what
    the parties signed. An expired or terminated agreement is kept as it was."""
    agreement = lock(agreement)
    require_state(agreement, "update", "draft", "signed", "active", "renewed")
    require_version(agreement, expected_version)
    require_perm(actor, "agreements.change_agreement", agreement)
    allowed = TERMS if agreement.state == Agreement.State.DRAFT else PUBLICATION
    unknown = set(values) - set(TERMS)
    if unknown:
        raise TypeError(f"Unknown agreement fields: {', '.join(sorted(unknown))}")
    refused = [name for name in values if name not in allowed and values[name] != getattr(
        agreement, name)]
    if agreement.state != Agreement.State.DRAFT and (
        refused or partners is not None or other_bodies is not None or items is not None
    ):
        raise ValidationError(
            _("The terms of a signed agreement cannot be changed here; only its summary, "
              "English title and press release can be corrected."),
            code="signed_terms",
        )
    items = None if items is None else _clean_items(items)
    before = _snapshot(agreement)
    for name, value in values.items():
        setattr(agreement, name, _clean_fields(value) if name == "fields" else value)
    _check_record(agreement)
    if partners is not None:
        _set_partners(agreement, partners)
    if other_bodies is not None:
        _set_other_bodies(agreement, other_bodies)
    if items is not None:
        _set_items(agreement, items)
    bump(agreement, *values)
    after = _snapshot(agreement)
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    audit(agreement, actor=actor, verb="update", changes=changes)
    return agreement
