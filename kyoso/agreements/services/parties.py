"""The partner organizations of a draft agreement, named one by one in signing order.

The desk finds each partner by searching (a national installation has tens of thousands of
organizations) and adds it; the order in which the partners are listed is the order in which
they sign, and it can be changed or a partner removed while the agreement is a draft. Once it is
signed, its parties are what was signed.

Every call is safe to repeat: adding a partner that is already a party, removing one that no
longer is, or moving one to the place it already has changes nothing and records nothing, so a
double click does no harm.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from ..models import Agreement, AgreementPartner
from ._common import AgreementTransitionError, audit, bump, lock, require_perm, require_state

PERM = "agreements.change_partners"


def _ordered_ids(agreement: Agreement) -> list[int]:
    return list(
        agreement.partner_links.order_by("position", "id").values_list("organization_id",
                                                                        flat=True)
    )


def _renumber(agreement: Agreement, ordered: list[int]) -> None:
    links = {link.organization_id: link for link in agreement.partner_links.all()}
    for number, organization_id in enumerate(ordered, start=1):
        link = links[organization_id]
        if link.position != number:
            link.position = number
            link.save(update_fields=["position"])
    agreement._partner_ids = set(ordered)


@transaction.atomic
def agreement_partner_add(*, actor, agreement: Agreement, organization) -> AgreementPartner:
    """Add a partner organization after those already named (it signs after them)."""
    agreement = lock(agreement)
    require_state(agreement, "parties", Agreement.State.DRAFT)
    require_perm(actor, PERM, agreement)
    existing = agreement.partner_links.filter(organization=organization).first()
    if existing is not None:
        return existing
    last = agreement.partner_links.aggregate(last=Max("position"))["last"] or 0
    link = AgreementPartner.objects.create(
        agreement=agreement, organization=organization, position=last + 1
    )
    agreement._partner_ids = set(_ordered_ids(agreement))
    bump(agreement)
    audit(agreement, actor=actor, verb="partner.add", changes={
        "partner": [None, organization.pk], "name": [None, organization.name],
        "position": [None, link.position],
    })
    return link


@transaction.atomic
def agreement_partner_remove(*, actor, agreement: Agreement, organization) -> None:
    """Take a partner off a draft; those after it move up one place."""
    agreement = lock(agreement)
    require_state(agreement, "parties", Agreement.State.DRAFT)
    require_perm(actor, PERM, agreement)
    link = agreement.partner_links.filter(organization=organization).first()
    if link is None:
        return
    before = _ordered_ids(agreement)
    link.delete()
    _renumber(agreement, [pk for pk in before if pk != organization.pk])
    bump(agreement)
    audit(agreement, actor=actor, verb="partner.remove", changes={
        "partner": [organization.pk, None], "name": [organization.name, None],
        "position": [before.index(organization.pk) + 1, None],
    })


@transaction.atomic
def agreement_partner_move(
    *, actor, agreement: Agreement, organization, position: int
) -> None:
    """Put a partner at ``position`` (1 = signs first) in the signing order. A position beyond
    the list puts it last."""
    agreement = lock(agreement)
    require_state(agreement, "parties", Agreement.State.DRAFT)
    require_perm(actor, PERM, agreement)
    before = _ordered_ids(agreement)
    if organization.pk not in before:
        raise AgreementTransitionError(
            _("This organization is not a partner of the agreement."), code="not_a_party"
        )
    position = min(max(int(position), 1), len(before))
    after = [pk for pk in before if pk != organization.pk]
    after.insert(position - 1, organization.pk)
    if after == before:
        return
    _renumber(agreement, after)
    bump(agreement)
    audit(agreement, actor=actor, verb="partner.move", changes={"partners": [before, after]})
