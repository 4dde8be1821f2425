"""Recording audit events. Services call :func:`audit_record` inside their transaction."""

from __future__ import annotations

from typing import Any

from django.db import models

from .models import AuditEvent


def _jsonable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    return str(value)


def audit_record(
    *,
    actor,
    action: str,
    target: models.Model,
    body_code: str = "",
    from_state: str = "",
    to_state: str = "",
    reason: str = "",
    changes: dict | None = None,
) -> AuditEvent:
    """Append one audit event. ``changes`` maps a field to ``[before, after]``."""
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=actor if is_user else None,
        actor_label=(actor.get_username() if is_user else "system")[:254],
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=str(target)[:300],
        body_code=body_code,
        from_state=from_state,
        to_state=to_state,
        reason=reason,
        changes=_jsonable(changes or {}),
    )


def diff_fields(before: dict, after: dict) -> dict:
    """Fields whose value changed, as ``{field: [before, after]}``."""
    return {
        key: [before.get(key), after.get(key)]
        for key in after
        if before.get(key) != after.get(key)
    }
