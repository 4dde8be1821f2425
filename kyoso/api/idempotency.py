"""``Idempotency-Key`` for API requests that create: a retry gets the same record, not a second.

The key is the client's (any string of up to 255 printable characters, a UUID is best). It is
kept per person and per operation, as a SHA-256 digest, with a digest of the request: the same
key with another request is refused (409) rather than answered with a record that does not
match it. The key row and the record are written in one transaction; two requests racing with
one key meet at the unique constraint, and the loser answers with the winner's record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from kyoso.proposals.services import ProposalTransitionError

from .models import IdempotencyKey

MAX_KEY_LENGTH = 255


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def request_digest(payload: dict) -> str:
    return _digest(json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str))


def check_key(key: str) -> str:
    key = key.strip()
    if not key or len(key) > MAX_KEY_LENGTH or not key.isprintable():
        raise ValidationError(
            {"Idempotency-Key": _("Send at most 255 printable characters, e.g. a UUID.")}
        )
    return key


def replayed(record: IdempotencyKey, fingerprint: str):
    if record.request_digest != fingerprint:
        raise ProposalTransitionError(
            _("This Idempotency-Key was already used for a different request. Use a new key "
              "for a new proposal."),
            code="idempotency_key_reused",
        )
    return record.proposal


@transaction.atomic
def create_once(
    *, user, operation: str, key: str | None, payload: dict, create: Callable
) -> tuple[object, bool]:
    """``(record, replayed)``: ``create()`` runs at most once per user, operation and key."""
    if key is None:
        return create(), False
    key_digest = _digest(check_key(key))
    fingerprint = request_digest(payload)
    lookup = {"user": user, "operation": operation, "key_digest": key_digest}
    existing = IdempotencyKey.objects.select_related("proposal").filter(**lookup).first()
    if existing is not None:
        return replayed(existing, fingerprint), True
    try:
        with transaction.atomic():
            entry = IdempotencyKey.objects.create(**lookup, request_digest=fingerprint)
    except IntegrityError:
        # Another request with this key committed first (PostgreSQL made us wait for it).
        existing = IdempotencyKey.objects.select_related("proposal").get(**lookup)
        return replayed(existing, fingerprint), True
    record = create()
    entry.proposal = record
    entry.save(update_fields=["proposal"])
    return record, False


def idempotency_keys_sweep(*, now) -> int:
    """Forget keys older than ``KYOSO_IDEMPOTENCY_KEY_DAYS`` (in KYOSO_SWEEPS); returns how many.

    A key guards against a retry of the same request, which comes within minutes; keeping every
    key forever would only grow the table.
    """
    cutoff = now - dt.timedelta(days=settings.KYOSO_IDEMPOTENCY_KEY_DAYS)
    deleted, _ = IdempotencyKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted
