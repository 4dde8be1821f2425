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
from django.utils.translation import get_language


@dataclass(frozen=True)
class NoticeKind:
    name: str
    subject: Promise
    text: Promise
    # Parameters holding an ISO date, shown in the reader's date format.
    date_params: tuple[str, ...] = field(default=())
    # Parameters holding a choice's code (e.g. an outcome), shown as its label in the reader's
    # language: ``{"outcome": Decision.Outcome}``.
    choice_params: dict = field(default_factory=dict)

    def render(self, params: dict) -> tuple[str, str]:
        """Subject and text in the active language. A name kept in both languages is stored as
        ``x`` and ``x_en``; English readers get ``x_en`` where there is one."""
        values = dict(params)
        if (get_language() or "ja").startswith("en"):
            for name in list(values):
                english = values.get(f"{name}_en")
                if english:
                    values[name] = english
        for name in self.date_params:
            if values.get(name):
                values[name] = formats.date_format(dt.date.fromisoformat(values[name]))
        for name, choices in self.choice_params.items():
            if values.get(name) in choices.values:
                values[name] = str(choices(values[name]).label)
        return str(self.subject) % values, str(self.text) % values


_KINDS: dict[str, NoticeKind] = {}


def register(
    name: str, *, subject: Promise, text: Promise, date_params=(), choice_params=None
) -> NoticeKind:
    kind = NoticeKind(name=name, subject=subject, text=text, date_params=tuple(date_params),
                      choice_params=dict(choice_params or {}))
    _KINDS[name] = kind
    return kind


def get(name: str) -> NoticeKind:
    try:
        return _KINDS[name]
    except KeyError:
        raise LookupError(f"Unknown notice kind {name!r}; register it first.") from None


def names() -> list[str]:
    return sorted(_KINDS)
