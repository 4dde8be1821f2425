"""What every agreement service shares: errors, locking, state checks and the audit trail."""

from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from kyoso.core.audit import audit_record
from kyoso.core.text import search_key

from ..models import Agreement


class AgreementTransitionError(ValidationError):
    """A move the agreement's current state does not allow (e.g. renewing a draft)."""


class AgreementChangedError(AgreementTransitionError):
    """Someone else changed the agreement since the actor loaded it."""


ACTIONS = {
    "update": _("Edit"),
    "parties": _("Change the partner organizations"),
    "amend": _("Record an amendment"),
    "sign": _("Record the signing"),
    "activate": _("Put in force"),
    "renew": _("Renew"),
    "expire": _("Expire"),
    "terminate": _("Terminate"),
    "file": _("File a document"),
    "memorandum": _("Add a memorandum"),
    "sign_memorandum": _("Sign the memorandum"),
}


def lock(agreement: Agreement) -> Agreement:
    """The agreement's current row, locked until the transaction ends."""
    return Agreement.objects.select_for_update().select_related("body").get(pk=agreement.pk)


def require_state(agreement: Agreement, action: str, *states: str) -> None:
    if agreement.state not in states:
        raise AgreementTransitionError(
            _("“%(action)s” is not possible while the agreement is “%(state)s”."),
            code="invalid_transition",
            params={"action": ACTIONS[action], "state": agreement.get_state_display()},
        )


def require_version(agreement: Agreement, expected_version: int | None) -> None:
    if expected_version is not None and agreement.version != expected_version:
        raise AgreementChangedError(
            _("Someone changed this agreement while you were working on it. Look at it again "
              "and repeat your change."),
            code="stale_version",
        )


def may(actor, perm: str, obj) -> bool:
    """Ask the rule itself (``user.has_perm`` would say yes to every superuser)."""
    return actor is not None and rules.has_perm(perm, actor, obj)


def require_perm(actor, perm: str, obj) -> None:
    if not may(actor, perm, obj):
        raise PermissionDenied(_("You may not do this."))


def refresh_search_text(agreement: Agreement) -> None:
    names = []
    for organization in agreement.partners.all():
        names += [organization.name, organization.name_kana, organization.name_en]
    for body in [agreement.body, *agreement.other_bodies.all()]:
        names += [body.name, body.name_en]
    items = [item.text for item in agreement.items.all()] + [
        item.text_en for item in agreement.items.all()
    ]
    agreement.search_text = search_key(
        " ".join(filter(None, [agreement.title, agreement.title_en, agreement.summary,
                               agreement.summary_en, *names, *items]))
    )


def bump(agreement: Agreement, *fields: str) -> None:
    """Save the given fields, the search text and the next version."""
    refresh_search_text(agreement)
    agreement.version += 1
    agreement.save(update_fields=[*fields, "search_text", "version", "updated_at"])


def audit(agreement: Agreement, *, actor, verb: str, from_state: str = "", to_state: str = "",
          reason: str = "", changes: dict | None = None, target=None):
    return audit_record(
        actor=actor, action=f"agreements.{verb}", target=target or agreement,
        body_code=agreement.body.code, from_state=from_state, to_state=to_state, reason=reason,
        changes=changes,
    )


def move(agreement: Agreement, *, actor, to_state: str, verb: str, reason: str = "",
         changes: dict | None = None, fields: tuple[str, ...] = ()):
    """Change the state, save, and audit the move with who, from, to and why."""
    from_state = agreement.state
    agreement.state = to_state
    if reason:
        agreement.state_reason = reason
    bump(agreement, "state", "state_reason", *fields)
    return audit(agreement, actor=actor, verb=verb, from_state=from_state, to_state=to_state,
                 reason=reason, changes=changes)
