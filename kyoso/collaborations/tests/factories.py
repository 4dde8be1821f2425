"""Collaborations built through the real services, from a proposal walked to adoption."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from django.utils import timezone

from kyoso.collaborations import services
from kyoso.collaborations.models import Collaboration
from kyoso.core.choices import PolicyField
from kyoso.proposals.tests.factories import make_draft, organization_of, walk


def adopted_proposal(*, proposer, desk, department, officer, body=None, title="総合窓口の運営"):
    body = body or department.body
    proposal = make_draft(proposer, body, title=title)
    return walk(proposal, "decided", proposer=proposer, desk=desk, departments=[department],
                officer=officer)


def collaboration_from(proposal, actor, **fields) -> Collaboration:
    return services.collaboration_create_from_proposal(
        actor=actor, proposal=proposal,
        **{"field": PolicyField.COMMUNITY, "summary": "県庁総合窓口をCSOが運営する",
           **fields},
    )


def running(collaboration, actor) -> Collaboration:
    collaboration.refresh_from_db()
    if collaboration.state == Collaboration.State.RUNNING:
        return collaboration
    return services.collaboration_start(actor=actor, collaboration=collaboration)


def at_state(collaboration, state, *, officer, desk=None, partner=None):
    """Move a planned collaboration to ``state`` the way people would."""
    S = Collaboration.State
    if state == S.PLANNED:
        return collaboration
    if state == S.CANCELLED:
        return services.collaboration_cancel(actor=officer, collaboration=collaboration,
                                             reason="予算がつかなかった")
    collaboration = running(collaboration, officer)
    if state == S.RUNNING:
        return collaboration
    if state == S.SUSPENDED:
        return services.collaboration_suspend(actor=officer, collaboration=collaboration,
                                              reason="会場の改修")
    collaboration = services.collaboration_finish(actor=officer, collaboration=collaboration)
    if state == S.FINISHED:
        return collaboration
    evaluation = services.evaluation_start(actor=officer, collaboration=collaboration)
    services.evaluation_side_submit(actor=officer, evaluation=evaluation, ratings=RATINGS)
    services.evaluation_side_submit(actor=partner, evaluation=evaluation, ratings=RATINGS)
    collaboration.refresh_from_db()
    return collaboration


RATINGS = {"relevance": 4, "effectiveness": 3, "process": 3}


def once(data: dict, key: str | None = None) -> dict:
    """A form's fields with the one-time key a form that adds something carries."""
    return {**data, "submission_key": key or str(uuid.uuid4())}


def days_from_today(days: int) -> dt.date:
    """A date counted from today in Japan: a due date still to come (a report is asked for by a
    day not yet past), or, negative, a day already measured."""
    return timezone.localdate() + dt.timedelta(days=days)


def with_visitors(collaboration, officer) -> None:
    """The general counter's indicator: 1,000 visitors a month before, 1,500 aimed at."""
    services.indicator_add(actor=officer, collaboration=collaboration, name="窓口来訪者数",
                           unit="人/月", baseline=Decimal(1000), target=Decimal(1500))


__all__ = ["adopted_proposal", "at_state", "collaboration_from", "days_from_today", "once",
           "organization_of", "dt"]
