"""Keeping time on agreements: in force at the start of the term, renewed or expired at its end,
and reminders to the parties before it ends.

``agreements_sweep`` runs in the worker's periodic sweep (settings.KYOSO_SWEEPS). It is safe to
run any number of times: each move checks the state under a lock, and each reminder stage of
each end date is one notice key, so a person hears once per stage. A renewal gives a new end
date, and its reminders start over.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kyoso.notifications.services import notify

from .models import LIVE_STATES, Agreement
from .notices import agreement_url, everyone_on_it, params
from .services import (
    AgreementTransitionError,
    agreement_activate,
    agreement_expire,
    agreement_renew,
    next_term_end,
)

S = Agreement.State
# Days before the end of a term at which the parties are reminded (90 and 30 by default).
REMINDER_DAYS = (90, 30)


def reminder_days() -> list[int]:
    return sorted(getattr(settings, "KYOSO_AGREEMENT_REMINDER_DAYS", REMINDER_DAYS))


def reminder_stage(days_left: int, days: list[int]) -> int | None:
    reached = [stage for stage in days if days_left <= stage]
    return min(reached) if reached else None


def agreements_sweep(*, now: dt.datetime) -> int:
    """Moves and reminders due at ``now``; returns how many moves and notices were made."""
    today = timezone.localdate(now)
    done = 0
    for agreement in Agreement.objects.filter(state=S.SIGNED, starts_on__lte=today):
        try:
            agreement_activate(actor=None, agreement=agreement, today=today)
        except AgreementTransitionError:
            continue  # another sweep (or the desk) moved it since it was read
        done += 1
    for agreement in Agreement.objects.filter(state__in=LIVE_STATES, ends_on__lt=today):
        try:
            with transaction.atomic():
                done += _end_of_term(agreement, today=today)
        except AgreementTransitionError:
            continue
    days = reminder_days()
    horizon = today + dt.timedelta(days=max(days, default=0))
    ending = Agreement.objects.filter(
        state__in=LIVE_STATES, ends_on__gte=today, ends_on__lte=horizon
    ).select_related("body")
    for agreement in ending.iterator(chunk_size=500):
        stage = reminder_stage((agreement.ends_on - today).days, days)
        if stage is None:
            continue
        with transaction.atomic():
            done += notify(
                recipients=everyone_on_it(agreement),
                kind="agreements.renews_soon" if agreement.auto_renew else "agreements.ends_soon",
                key=f"agreement:{agreement.pk}:ends:{agreement.ends_on.isoformat()}:remind:{stage}",
                url=agreement_url(agreement), params=params(agreement),
            )
    return done


def _end_of_term(agreement: Agreement, *, today: dt.date) -> int:
    if agreement.state == S.SIGNED:
        agreement = agreement_activate(actor=None, agreement=agreement, today=today)
    if not agreement.auto_renew:
        agreement_expire(agreement=agreement, today=today)
        return 1
    moves = 0
    # A worker that was down for a while catches up one term at a time.
    while agreement.ends_on < today:
        agreement = agreement_renew(
            actor=None, agreement=agreement,
            ends_on=next_term_end(agreement.ends_on, agreement.renewal_months),
        )
        moves += 1
    return moves
