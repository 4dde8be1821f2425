"""What every proposal service shares: errors, locking, state moves and the audit trail.

Every audited event also tells the people it concerns (``kyoso.proposals.notices``): notices are
written in the same transaction and e-mailed by the background worker after it commits.
"""

from __future__ import annotations

import datetime as dt

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kyoso.core.audit import audit_record

from ..models import CONFIDENTIAL_SECTIONS, Proposal, ReferenceCounter
from ..models.proposals import EDITABLE_FIELDS
from ..notices import proposal_event_told


class ProposalTransitionError(ValidationError):
    """A move the proposal's current state does not allow (e.g. accepting a draft)."""


class ProposalChangedError(ProposalTransitionError):
    """Someone else changed the proposal since the actor loaded it."""


# Labels of the actions, for messages that say what was refused.
ACTIONS = {
    "submit": _("Submit"),
    "update": _("Save the draft"),
    "revise": _("Revise"),
    "withdraw": _("Withdraw"),
    "accept": _("Accept for screening"),
    "return": _("Return for revision"),
    "out_of_scope": _("Close as out of scope"),
    "route": _("Route to departments"),
    "forward": _("Forward to another body"),
    "reassign": _("Reassign"),
    "decide": _("Record a decision"),
    "countersign": _("Countersign"),
    "discuss": _("Write a message"),
    "meet": _("Record a meeting"),
    "publish": _("Publish the result"),
    "close": _("Close"),
    "partners": _("Change the partners"),
}


def lock(proposal: Proposal) -> Proposal:
    """The proposal's current row, locked until the transaction ends."""
    return Proposal.objects.select_for_update().select_related("body").get(pk=proposal.pk)


def require_state(proposal: Proposal, action: str, *states: str) -> None:
    if proposal.state not in states:
        raise ProposalTransitionError(
            _("“%(action)s” is not possible while the proposal is “%(state)s”."),
            code="invalid_transition",
            params={"action": ACTIONS[action], "state": proposal.get_state_display()},
        )


def require_version(proposal: Proposal, expected_version: int | None) -> None:
    if expected_version is not None and proposal.version != expected_version:
        raise ProposalChangedError(
            _(
                "Someone changed this proposal while you were working on it. Look at what "
                "changed and try again."
            ),
            code="stale_version",
        )


def may(actor, perm: str, obj) -> bool:
    """Ask the rule itself. ``user.has_perm`` says yes to every superuser, and a platform
    administrator is not the desk of a body nor one of its departments: nobody acts on a
    proposal outside the roles the rules name."""
    return actor is not None and rules.has_perm(perm, actor, obj)


def require_perm(actor, perm: str, obj) -> None:
    if not may(actor, perm, obj):
        raise PermissionDenied(_("You may not do this."))


def require_text(value: str, field: str, message) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message}, code="required")
    return value


def bump(proposal: Proposal, *fields: str) -> None:
    """Save the given fields and the next version."""
    proposal.version += 1
    proposal.save(update_fields=[*fields, "version", "updated_at"])


def move(
    proposal: Proposal, *, actor, to_state: str, verb: str, reason: str = "",
    changes: dict | None = None, fields: tuple[str, ...] = (),
) -> Proposal:
    """Change the state, save, and audit the move with who, from, to and why."""
    from_state = proposal.state
    proposal.state = to_state
    if reason:
        proposal.state_reason = reason
    bump(proposal, "state", "state_reason", *fields)
    audit(proposal, actor=actor, verb=verb, from_state=from_state, to_state=to_state,
          reason=reason, changes=changes)
    return proposal


def audit(proposal: Proposal, *, actor, verb: str, from_state: str = "", to_state: str = "",
          reason: str = "", changes: dict | None = None, target=None) -> None:
    """Audit one event and tell the people it concerns (their e-mails leave after commit)."""
    event = audit_record(
        actor=actor, action=f"proposals.{verb}", target=target or proposal,
        body_code=proposal.body.code, from_state=from_state, to_state=to_state, reason=reason,
        changes=changes,
    )
    proposal_event_told(proposal, verb=verb, actor=actor, event=event, target=target,
                        changes=changes)


def due_from(now: dt.datetime, days: int) -> dt.datetime:
    return now + dt.timedelta(days=days)


def allocate_reference(body, fiscal_year: int) -> str:
    """The body's next number in the fiscal year, e.g. ``410004-2026-0001``.

    The counter row is locked, so two submissions at once get consecutive numbers and never the
    same one; get_or_create survives two first submissions of a year racing to create it.
    """
    counter, _created = ReferenceCounter.objects.select_for_update().get_or_create(
        body=body, fiscal_year=fiscal_year
    )
    ReferenceCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + 1)
    counter.refresh_from_db(fields=["last_number"])
    return f"{body.code}-{fiscal_year}-{counter.last_number:04d}"


def snapshot(proposal: Proposal) -> dict:
    values = {name: getattr(proposal, name) for name in EDITABLE_FIELDS}
    values["target_projects"] = sorted(proposal.target_projects.values_list("pk", flat=True))
    return values


def masked_changes(before: dict, after: dict) -> dict:
    """What changed, without the text of any section: the audit trail must not leak ideas."""
    changes = {}
    for key in after:
        if before.get(key) == after.get(key):
            continue
        if key in CONFIDENTIAL_SECTIONS:
            changes[key] = ["…", "…"]
        else:
            changes[key] = [before.get(key), after.get(key)]
    return changes


def now() -> dt.datetime:
    return timezone.now()
