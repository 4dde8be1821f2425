"""Reminders for running collaborations: the partner about a progress report due, the
departments about a milestone due or overdue. Run by the worker's periodic sweep
(settings.KYOSO_SWEEPS); each stage of each due date is one notice key, so running it again
tells nobody twice, and a new due date (or a report sent back for changes) starts over. Items
overdue for more than ``LOOK_BACK`` are no longer looked at."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kyoso.notifications.services import notify

from .models import Collaboration, Milestone, ProgressReport
from .notices import department_people, params_of, partner_people, workspace_url

REPORTING = (Collaboration.State.RUNNING, Collaboration.State.SUSPENDED,
             Collaboration.State.FINISHED)


def _stage(days_left: int, days: list[int]) -> int | None:
    reached = [stage for stage in days if days_left <= stage]
    return min(reached) if reached else None


# Overdue items are looked at for two weeks (as kyoso.proposals.deadlines), not forever: the
# one overdue notice has been written by then.
LOOK_BACK = dt.timedelta(days=14)


def _report_prefix(report: ProgressReport) -> str:
    """A report sent back for changes is a new request: its reminders start over."""
    if report.state == ProgressReport.State.CHANGES_REQUESTED and report.reviewed_at:
        return f"report:{report.pk}:changes:{report.reviewed_at:%Y%m%dT%H%M%S}"
    return f"report:{report.pk}"


def collaborations_sweep(*, now: dt.datetime) -> int:
    """Write the reminders due at ``now``; returns how many people were told."""
    days = sorted(settings.KYOSO_REMINDER_DAYS)
    today = timezone.localtime(now).date()
    horizon = today + dt.timedelta(days=max(days, default=0))
    since = today - LOOK_BACK
    told = 0
    reports = ProgressReport.objects.filter(
        state__in=[ProgressReport.State.REQUESTED, ProgressReport.State.CHANGES_REQUESTED],
        collaboration__state__in=REPORTING, due_on__lte=horizon,
    ).filter(
        # Due lately, or sent back lately (even long after its due date).
        Q(due_on__gte=since)
        | Q(state=ProgressReport.State.CHANGES_REQUESTED, reviewed_at__gte=now - LOOK_BACK)
    ).select_related("collaboration__body").order_by("due_on", "pk")
    for report in reports.iterator(chunk_size=500):
        with transaction.atomic():
            told += _remind(report.collaboration, today=today, due=report.due_on, days=days,
                            prefix=_report_prefix(report), kind="report",
                            people=partner_people(report.collaboration),
                            extra={"period": report.period})
    milestones = Milestone.objects.filter(
        done_on__isnull=True, collaboration__state=Collaboration.State.RUNNING,
        due_on__lte=horizon, due_on__gte=since,
    ).select_related("collaboration__body").order_by("due_on", "pk")
    for milestone in milestones.iterator(chunk_size=500):
        with transaction.atomic():
            told += _remind(milestone.collaboration, today=today, due=milestone.due_on,
                            days=days, prefix=f"milestone:{milestone.pk}", kind="milestone",
                            people=department_people(milestone.collaboration),
                            extra={"milestone": milestone.title})
    return told


def _remind(collaboration, *, today, due, days, prefix, kind, people, extra) -> int:
    params = params_of(collaboration, due=due.isoformat(), **extra)
    key = f"{prefix}:due:{due.isoformat()}"
    if due < today:
        return notify(recipients=people, kind=f"collaborations.{kind}_overdue",
                      key=f"{key}:overdue", url=workspace_url(collaboration), params=params)
    stage = _stage((due - today).days, days)
    if stage is None:
        return 0
    return notify(recipients=people, kind=f"collaborations.{kind}_due_soon",
                  key=f"{key}:remind:{stage}", url=workspace_url(collaboration), params=params)
