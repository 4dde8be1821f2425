"""Values a process keeps while the records they are read from have not changed.

For what a page reads on every visit but changes only when some records are written, e.g. the
filter choices of the public lists of agreements and collaborations: which bodies and partners
have published records. The caller gives a cheap *state* of those records (the newest change
time and id: two index ends, see ``newest_state``); the value is computed again when the state
differs, and in any case after ``ttl`` seconds, so a change the state cannot see (a row
deleted by hand, an organization renamed) shows within that time. Each process keeps its own
copy: no round trip to the shared cache, which is a database table.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from django.db.models import Max

T = TypeVar("T")

DEFAULT_TTL = 60
MAX_ENTRIES = 512
_memory: dict[tuple, tuple[object, float, object]] = {}


def remembered(key: tuple, state: object, compute: Callable[[], T], *,
               ttl: float = DEFAULT_TTL) -> T:
    """``compute()``, or what it gave last time for ``key`` if ``state`` is the same and
    ``ttl`` has not passed."""
    now = time.monotonic()
    found = _memory.get(key)
    if found is not None and found[0] == state and found[1] > now:
        return found[2]
    value = compute()
    if len(_memory) >= MAX_ENTRIES:  # keys vary with the data (e.g. one per body): stay small
        _memory.clear()
    _memory[key] = (state, now + ttl, value)
    return value


def newest_state(queryset) -> tuple:
    """The newest ``updated_at`` and ``id`` of a model's rows, in one query answered from the
    ends of two indexes: every save through a service moves the first, a bulk load the second."""
    newest = queryset.order_by().aggregate(changed=Max("updated_at"), id=Max("id"))
    return newest["changed"], newest["id"]


def forget() -> None:
    """Drop everything this process remembers (tests)."""
    _memory.clear()
