"""Keeping time: reminders before an answer is due, escalation to the desk after it.

``deadlines_sweep`` is run by the worker's periodic sweep (settings.KYOSO_SWEEPS). It is safe to
run any number of times, by any number of workers: each reminder stage of each due date is one
notice key, and a person gets one notice per key. A new due date (a reassignment) starts over.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from kyoso.notifications.services import notify

from .models import Assignment, Decision, Proposal
from .notices import _department, _local_date, _params, department_people, desk_people, staff_url
from .rules import UNDER_CONSIDERATION

AT_THE_DESK = (Proposal.State.SUBMITTED, Proposal.State.SCREENING)


# Escalations are written once per due date; a sweep looks back this far for assignments and
# proposals that became overdue (longer than any pause of the worker should last), so it does
# not walk every late record ever again.
LOOK_BACK = dt.timedelta(days=14)


def reminder_stage(days_left: int, days: list[int]) -> int | None:
    """The nearest reminder stage reached (e.g. 7 or 1 days before), or None if none yet."""
    reached = [stage for stage in days if days_left <= stage]
    return min(reached) if reached else None


def days_left(due_at: dt.datetime, now: dt.datetime) -> int:
    """Calendar days in Japan until the due date, as the inbox shows them: 0 on the day itself,
    negative once it has passed."""
    return (timezone.localdate(due_at) - timezone.localdate(now)).days


def deadlines_sweep(*, now: dt.datetime) -> int:
    """Write the reminders and escalations due at ``now``; returns how many people were told."""
    days = sorted(settings.KYOSO_REMINDER_DAYS)
    horizon = now + dt.timedelta(days=max(days, default=0) + 1)
    told = 0
    # A non-adoption waiting for the desk's countersignature is not the department's delay.
    awaiting_desk = Decision.objects.filter(
        assignment=OuterRef("pk"), superseded_at__isnull=True, needs_countersignature=True,
        countersigned_at__isnull=True,
    )
    open_assignments = (
        Assignment.objects.filter(
            state=Assignment.State.OPEN,
            proposal__state__in=UNDER_CONSIDERATION,
            due_at__lte=horizon,
            due_at__gte=now - LOOK_BACK,
        )
        .exclude(Exists(awaiting_desk))
        .select_related("proposal__body", "department")
        .order_by("due_at", "pk")
    )
    for assignment in open_assignments.iterator(chunk_size=500):
        with transaction.atomic():
            told += _assignment_told(assignment, now=now, days=days)
    late_at_desk = Proposal.objects.filter(
        state__in=AT_THE_DESK, due_at__lt=now, due_at__gte=now - LOOK_BACK
    ).select_related("body")
    for proposal in late_at_desk.iterator(chunk_size=500):
        if days_left(proposal.due_at, now) >= 0:
            continue  # due today: late only from tomorrow, as the inbox counts
        with transaction.atomic():
            told += notify(
                recipients=desk_people(proposal.body), kind="proposals.desk_overdue",
                key=f"proposal:{proposal.pk}:due:{_local_date(proposal.due_at)}:overdue",
                url=staff_url(proposal), params=_params(proposal),
            )
    return told


def _assignment_told(assignment: Assignment, *, now: dt.datetime, days: list[int]) -> int:
    proposal = assignment.proposal
    due = _local_date(assignment.due_at)
    params = _params(proposal, **_department(assignment.department), due=due)
    prefix = f"assignment:{assignment.pk}:due:{due}"
    staff = department_people([assignment.department_id])
    left = days_left(assignment.due_at, now)
    if left < 0:
        told = notify(recipients=staff, kind="proposals.overdue", key=f"{prefix}:overdue",
                      url=staff_url(proposal), params=params)
        told += notify(recipients=desk_people(proposal.body), kind="proposals.escalated",
                       key=f"{prefix}:overdue", url=staff_url(proposal), params=params)
        return told
    stage = reminder_stage(left, days)
    if stage is None:
        return 0
    return notify(recipients=staff, kind="proposals.due_soon", key=f"{prefix}:remind:{stage}",
                  url=staff_url(proposal), params=params)
