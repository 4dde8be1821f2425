"""Shared steps of the desk page tests (test_pages_desk_*): proposals walked to a state."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from unittest import mock

from django.urls import reverse
from django.utils import timezone

from .factories import make_draft, walk


def at_state(state, people, **fields):
    """A new proposal of ``people['proposer']`` to the prefecture, walked to ``state``."""
    proposer = people["proposer"]
    department = people["departments"][0]
    draft = make_draft(proposer, department.body, **fields)
    return walk(draft, state, **people)


@contextmanager
def days_ago(days: int):
    """Run the services as if it were ``days`` days ago (to make clocks run out)."""
    moment = timezone.now() - dt.timedelta(days=days)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def url(name, *args, language="ja"):
    path = reverse(f"proposals:{name}", args=args)
    return path if language == "ja" else "/en" + path


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]] if response.context else []
