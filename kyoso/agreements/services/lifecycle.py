"""The life of an agreement: draft → signed → active → renewed / expired / terminated.

The desk records the signing, may put an agreement in force, renew or terminate it. Putting in
force at the start of the term, automatic renewal and expiry at its end are done by the sweep
(``kyoso.agreements.sweep``) as the system (``actor=None``).
"""

from __future__ import annotations

import calendar
import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kyoso.core.fiscal import fiscal_year_of

from ..models import Agreement
from ..notices import tell_everyone
from ._common import lock, move, require_perm, require_state, require_version

S = Agreement.State


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


def next_term_end(ends_on: dt.date, months: int) -> dt.date:
    """The last day of the next term: 2026-03-31 renewed by 12 months ends 2027-03-31."""
    return add_months(ends_on + dt.timedelta(days=1), months) - dt.timedelta(days=1)


def _require_actor(actor, perm: str, agreement: Agreement) -> None:
    # ``None`` is the system (the sweep); anyone else needs the right.
    if actor is not None:
        require_perm(actor, perm, agreement)


@transaction.atomic
def agreement_sign(
    *, actor, agreement: Agreement, signed_on: dt.date, expected_version: int | None = None
) -> Agreement:
    """Record that the parties signed. From now on the agreement is published, in the fiscal
    year of its signing; its term starts on the signing day unless it says otherwise."""
    agreement = lock(agreement)
    require_state(agreement, "sign", S.DRAFT)
    require_version(agreement, expected_version)
    require_perm(actor, "agreements.sign_agreement", agreement)
    errors = {}
    if signed_on is None:
        errors["signed_on"] = _("Give the date of signing.")
    elif signed_on > timezone.localdate():
        errors["signed_on"] = _("The date of signing cannot be in the future.")
    if not agreement.partner_links.exists():
        errors["partners"] = _("Name at least one partner organization.")
    minimum = 2 if agreement.kind == Agreement.Kind.COMPREHENSIVE else 1
    if len(agreement.fields) < minimum:
        errors["fields"] = (
            _("A comprehensive agreement covers several fields: choose at least two.")
            if minimum == 2 else _("Choose the field of the agreement.")
        )
    if agreement.ends_on and signed_on and agreement.ends_on < signed_on:
        errors["ends_on"] = _("The term cannot end before the agreement is signed.")
    if errors:
        raise ValidationError(errors)
    agreement.signed_on = signed_on
    agreement.starts_on = agreement.starts_on or signed_on
    agreement.fiscal_year = fiscal_year_of(signed_on)
    agreement.published_at = timezone.now()
    event = move(agreement, actor=actor, to_state=S.SIGNED, verb="sign",
                 changes={"signed_on": [None, signed_on.isoformat()]},
                 fields=("signed_on", "starts_on", "fiscal_year", "published_at"))
    tell_everyone(agreement, kind="agreements.signed", key=f"audit:{event.pk}", actor=actor)
    return agreement


@transaction.atomic
def agreement_activate(
    *, actor, agreement: Agreement, today: dt.date | None = None,
    expected_version: int | None = None,
) -> Agreement:
    """The term has started: the agreement is in force. The desk may say so; the sweep does
    it on the first day of the term."""
    agreement = lock(agreement)
    require_state(agreement, "activate", S.SIGNED)
    require_version(agreement, expected_version)
    _require_actor(actor, "agreements.activate_agreement", agreement)
    today = today or timezone.localdate()
    if agreement.starts_on and agreement.starts_on > today:
        raise ValidationError(
            _("The term starts on %(date)s: the agreement is in force from that day."),
            code="not_started", params={"date": agreement.starts_on.isoformat()},
        )
    move(agreement, actor=actor, to_state=S.ACTIVE, verb="activate")
    return agreement


def _check_renewal_end(agreement: Agreement, ends_on: dt.date | None, *,
                       by_the_sweep: bool) -> None:
    """The new end comes after the current one, after the start (an amendment may have taken
    the end away) and, when a person renews, not in the past: a renewal continues the agreement
    from now on. The sweep catches up missed terms one by one, so it may give past ends."""
    if ends_on is None:
        error = ValidationError(_("Give the end of the new term."), code="required")
    elif agreement.ends_on and ends_on <= agreement.ends_on:
        error = ValidationError(_("The new term must end after the current one."),
                                code="not_later")
    elif agreement.starts_on and ends_on <= agreement.starts_on:
        error = ValidationError(
            _("The new term must end after the agreement's term starts (%(date)s)."),
            code="before_start", params={"date": agreement.starts_on.isoformat()},
        )
    elif not by_the_sweep and ends_on < timezone.localdate():
        error = ValidationError(
            _("The new end of the term has passed: a renewal ends today or later. To end the "
              "agreement now, terminate it."),
            code="past",
        )
    else:
        return
    raise ValidationError({"ends_on": error})


@transaction.atomic
def agreement_renew(
    *, actor, agreement: Agreement, ends_on: dt.date, reason: str = "",
    expected_version: int | None = None,
) -> Agreement:
    """A new term until ``ends_on``: the parties agreed to continue (or, for an automatic
    renewal, nobody objected and the sweep extends it by the renewal period)."""
    agreement = lock(agreement)
    require_state(agreement, "renew", S.ACTIVE, S.RENEWED)
    require_version(agreement, expected_version)
    _require_actor(actor, "agreements.renew_agreement", agreement)
    _check_renewal_end(agreement, ends_on, by_the_sweep=actor is None)
    before = agreement.ends_on
    agreement.ends_on = ends_on
    agreement.renewal_count += 1
    event = move(agreement, actor=actor, to_state=S.RENEWED, verb="renew", reason=reason,
                 changes={"ends_on": [before.isoformat() if before else None,
                                      ends_on.isoformat()]},
                 fields=("ends_on", "renewal_count"))
    tell_everyone(agreement, kind="agreements.renewed", key=f"audit:{event.pk}", actor=actor)
    return agreement


@transaction.atomic
def agreement_expire(*, agreement: Agreement, today: dt.date, actor=None) -> Agreement:
    """The term ended without renewal. Only the sweep does this, the day after the last day."""
    agreement = lock(agreement)
    require_state(agreement, "expire", S.SIGNED, S.ACTIVE, S.RENEWED)
    if actor is not None:
        # Nobody decides that a term has ended: the calendar does.
        raise PermissionDenied(_("An agreement expires by itself at the end of its term."))
    if agreement.ends_on is None or agreement.ends_on >= today:
        raise ValidationError(_("The term of this agreement has not ended."), code="not_ended")
    event = move(agreement, actor=None, to_state=S.EXPIRED, verb="expire")
    tell_everyone(agreement, kind="agreements.expired", key=f"audit:{event.pk}")
    return agreement


@transaction.atomic
def agreement_terminate(
    *, actor, agreement: Agreement, terminated_on: dt.date, reason: str,
    expected_version: int | None = None,
) -> Agreement:
    """The parties ended the agreement before its term (by notice or by mutual consent).

    ``terminated_on`` lies between the signing and the end of the term, and not in the future:
    the agreement is terminated from the moment this is recorded."""
    agreement = lock(agreement)
    require_state(agreement, "terminate", S.SIGNED, S.ACTIVE, S.RENEWED)
    require_version(agreement, expected_version)
    require_perm(actor, "agreements.terminate_agreement", agreement)
    reason = (reason or "").strip()
    errors = {}
    if not reason:
        errors["reason"] = _("Give the reason for the termination.")
    if terminated_on is None:
        errors["terminated_on"] = _("Give the date of the termination.")
    elif agreement.signed_on and terminated_on < agreement.signed_on:
        errors["terminated_on"] = _("An agreement cannot end before it was signed.")
    elif agreement.ends_on and terminated_on > agreement.ends_on and not agreement.auto_renew:
        # Its term ended first: it expired (the nightly sweep may not have said so yet).
        errors["terminated_on"] = ValidationError(
            _("The term ended on %(date)s, before this date: the agreement expires by itself "
              "at the end of its term."),
            code="after_term", params={"date": agreement.ends_on.isoformat()},
        )
    elif terminated_on > timezone.localdate():
        # It is recorded as terminated now, so it must have ended already.
        errors["terminated_on"] = ValidationError(
            _("The date of the termination cannot be in the future: record the termination "
              "on or after the day it takes effect."),
            code="future",
        )
    if errors:
        raise ValidationError(errors)
    agreement.terminated_on = terminated_on
    event = move(agreement, actor=actor, to_state=S.TERMINATED, verb="terminate", reason=reason,
                 changes={"terminated_on": [None, terminated_on.isoformat()]},
                 fields=("terminated_on",))
    tell_everyone(agreement, kind="agreements.terminated", key=f"audit:{event.pk}", actor=actor)
    return agreement
