"""What every collaboration service shares: errors, locking, permission checks and the audit."""

from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kyoso.core.audit import audit_record

from ..models import Collaboration
from ..notices import collaboration_event_told


class CollaborationTransitionError(ValidationError):
    """A move the current state does not allow (e.g. finishing a planned collaboration)."""


class CollaborationChangedError(CollaborationTransitionError):
    """Someone else saved the record since the actor loaded it."""


# ``expected_updated_at`` not given: the caller does not ask for the check (demo, scripts).
NOT_CHECKED = object()


def require_unchanged(updated_at, expected_updated_at) -> None:
    """The record is as the actor loaded it (``None`` expected: there was no record yet)."""
    if expected_updated_at is not NOT_CHECKED and updated_at != expected_updated_at:
        raise CollaborationChangedError(
            _("Someone saved this while you were working on it. What you typed is kept below: "
              "look at the current record and save again."),
            code="stale",
        )


ACTIONS = {
    "create": _("Start a collaboration"),
    "update": _("Edit the collaboration"),
    "start": _("Start"),
    "finish": _("Finish"),
    "suspend": _("Suspend"),
    "resume": _("Resume"),
    "cancel": pgettext_lazy("collaboration action", "Cancel"),
    "publish": _("Publish"),
    "milestone": _("Add a milestone"),
    "milestone_done": _("Mark the milestone done"),
    "milestone_change": _("Change the milestone"),
    "milestone_remove": _("Remove the milestone"),
    "contact_change": _("Change the contact"),
    "contact_remove": _("Remove the contact"),
    "indicator_change": _("Change the indicator"),
    "indicator_remove": _("Remove the indicator"),
    "contact": _("Add a contact"),
    "indicator": _("Add an outcome indicator"),
    "actual": _("Record an actual value"),
    "request_report": _("Ask for a progress report"),
    "submit_report": _("Submit the progress report"),
    "review_report": _("Review the progress report"),
    "activity": _("Log an activity"),
    "evaluate": _("Start a joint evaluation"),
    "evaluate_side": _("Submit your side of the evaluation"),
    "publish_evaluation": _("Publish the evaluation"),
    "budget": _("Record the budget"),
}


def now():
    return timezone.now()


def lock(collaboration: Collaboration) -> Collaboration:
    return Collaboration.objects.select_for_update().select_related("body").get(
        pk=collaboration.pk
    )


def refuse(action: str, state_label) -> CollaborationTransitionError:
    return CollaborationTransitionError(
        _("“%(action)s” is not possible while the collaboration is “%(state)s”."),
        code="invalid_transition",
        params={"action": ACTIONS[action], "state": state_label},
    )


def require_state(collaboration: Collaboration, action: str, *states: str) -> None:
    if collaboration.state not in states:
        raise refuse(action, collaboration.get_state_display())


def may(actor, perm: str, obj) -> bool:
    """The rule itself, not ``user.has_perm`` (which says yes to every superuser)."""
    return actor is not None and rules.has_perm(perm, actor, obj)


def require_perm(actor, perm: str, obj) -> None:
    if not may(actor, perm, obj):
        raise PermissionDenied(_("You may not do this."))


def require_text(value: str, field: str, message) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message}, code="required")
    return value


def audit(collaboration: Collaboration, *, actor, verb: str, target=None, from_state: str = "",
          to_state: str = "", reason: str = "", changes: dict | None = None):
    """Audit one event and tell the people concerned (their e-mails leave after commit)."""
    event = audit_record(
        actor=actor, action=f"collaborations.{verb}", target=target or collaboration,
        body_code=collaboration.body.code, from_state=from_state, to_state=to_state,
        reason=reason, changes=changes,
    )
    collaboration_event_told(collaboration, verb=verb, actor=actor, event=event, target=target)
    return event


def move(collaboration: Collaboration, *, actor, to_state: str, verb: str, reason: str = "",
         fields: tuple[str, ...] = ()) -> Collaboration:
    from_state = collaboration.state
    collaboration.state = to_state
    # The reason belongs to this move: a later move without one clears it.
    collaboration.state_reason = reason
    collaboration.save(update_fields=["state", "state_reason", "updated_at", *fields])
    audit(collaboration, actor=actor, verb=verb, from_state=from_state, to_state=to_state,
          reason=reason)
    return collaboration
