"""The kinds of notice, registered by the apps that send them.

A notice stores its kind and plain parameters, never rendered text: the words are chosen when
someone reads it (in the page's language) or when it is e-mailed (in the recipient's language).
This module imports no other Kyoso app; apps register their kinds when they are loaded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.functional import Promise


@dataclass(frozen=True)
class NoticeKind:
    name: str
    subject: Promise
    text: Promise
    # Parameters holding an ISO date, shown in the reader's date format.
    date_params: tuple[str, ...] = field(default=())

    def render(self, params: dict) -> tuple[str, str]:
        values = dict(params)
        for name in self.date_params:
            if values.get(name):
                values[name] = formats.date_format(dt.date.fromisoformat(values[name]))
        return str(self.subject) % values, str(self.text) % values


_KINDS: dict[str, NoticeKind] = {}


def register(name: str, *, subject: Promise, text: Promise, date_params=()) -> NoticeKind:
    kind = NoticeKind(name=name, subject=subject, text=text, date_params=tuple(date_params))
    _KINDS[name] = kind
    return kind


def get(name: str) -> NoticeKind:
    try:
        return _KINDS[name]
    except KeyError:
        raise LookupError(f"Unknown notice kind {name!r}; register it first.") from None


def names() -> list[str]:
    return sorted(_KINDS)
