"""Reads for the desk inbox and the department queue, and each proposal's clock.

The clock says who the proposal waits on and until when: the desk while it is submitted or
being screened (the proposal's own due date), the departments while it is routed (the earliest
open assignment), the desk again where a non-adoption waits for its countersignature or a
decision waits to be published, the proposer while it is returned. Everything a page needs is
fetched in a fixed number of queries, whatever the page size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Case, DateTimeField, F, OuterRef, Prefetch, Subquery, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kyoso.core.text import join_names
from kyoso.organizations.models import BodyMembership, GovernmentBody
from kyoso.organizations.predicates import body_roles

from ..models import Assignment, Decision, Proposal

S = Proposal.State
LIVE = (Assignment.State.OPEN, Assignment.State.ANSWERED)
# What the desk keeps an eye on; drafts are not the government's, closed ones are done.
INBOX_STATES = (S.SUBMITTED, S.SCREENING, S.RETURNED, S.ROUTED, S.IN_CONSULTATION, S.DECIDED)
DESK_CLOCK = (S.SUBMITTED, S.SCREENING)
DEPARTMENT_CLOCK = (S.ROUTED, S.IN_CONSULTATION)


def desk_bodies(user):
    """Bodies whose desk the user staffs."""
    ids = [
        body_id
        for body_id, roles in body_roles(user).items()
        if any(role == BodyMembership.Role.DESK for role, _department in roles)
    ]
    return GovernmentBody.objects.filter(pk__in=ids).order_by("code")


def department_ids(user) -> list[int]:
    """Departments whose staff the user is."""
    return sorted(
        department_id
        for roles in body_roles(user).values()
        for role, department_id in roles
        if role == BodyMembership.Role.DEPARTMENT and department_id
    )


def live_assignments_prefetch() -> Prefetch:
    current = Prefetch(
        "decisions", queryset=Decision.objects.current(), to_attr="current_decisions"
    )
    return Prefetch(
        "assignments",
        queryset=Assignment.objects.filter(state__in=LIVE)
        .select_related("department")
        .prefetch_related(current)
        .order_by("due_at", "pk"),
        to_attr="live_assignments",
    )


def inbox_for(user, *, bodies, state: str = ""):
    """The desk's proposals, the most urgent first (overdue, then due soonest, then no clock)."""
    earliest_open = Subquery(
        Assignment.objects.filter(proposal=OuterRef("pk"), state=Assignment.State.OPEN)
        .order_by("due_at")
        .values("due_at")[:1]
    )
    states = [state] if state in INBOX_STATES else list(INBOX_STATES)
    return (
        Proposal.objects.filter(body__in=bodies, state__in=states, submitted_at__isnull=False)
        .select_related("body", "organization")
        .prefetch_related(live_assignments_prefetch())
        .annotate(
            clock_due=Case(
                When(state__in=DESK_CLOCK, then=F("due_at")),
                When(state__in=DEPARTMENT_CLOCK, then=earliest_open),
                default=None,
                output_field=DateTimeField(),
            )
        )
        .order_by(F("clock_due").asc(nulls_last=True), "submitted_at", "pk")
    )


def queue_for(user, *, answered: bool = False):
    """Assignments of the user's departments: open ones by due date, or those answered."""
    state = Assignment.State.ANSWERED if answered else Assignment.State.OPEN
    current = Prefetch(
        "decisions", queryset=Decision.objects.current(), to_attr="current_decisions"
    )
    order = ("-answered_at", "-pk") if answered else ("due_at", "pk")
    return (
        Assignment.objects.filter(department_id__in=department_ids(user), state=state)
        .select_related("proposal__body", "proposal__organization", "department")
        .prefetch_related(current)
        .order_by(*order)
    )


@dataclass
class Clock:
    waiting_on: list[str] = field(default_factory=list)
    due_at: dt.datetime | None = None

    @property
    def waiting_on_text(self) -> str:
        """Who it waits on, as a list in the language of the page."""
        return join_names(self.waiting_on)

    @property
    def days_left(self) -> int | None:
        if self.due_at is None:
            return None
        return (timezone.localdate(self.due_at) - timezone.localdate()).days

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def days_overdue(self) -> int | None:
        return -self.days_left if self.overdue else None


def awaits_countersignature(assignment) -> bool:
    decisions = getattr(assignment, "current_decisions", None)
    if decisions is None:
        decisions = list(assignment.decisions.current())
    return any(d.needs_countersignature and d.countersigned_at is None for d in decisions)


def clock_of(proposal) -> Clock:
    """Who the proposal waits on, and until when. Uses ``live_assignments`` when prefetched."""
    if proposal.state in DESK_CLOCK:
        return Clock([str(_("Desk"))], proposal.due_at)
    if proposal.state == S.RETURNED:
        return Clock([str(_("Proposer"))], None)
    if proposal.state == S.DECIDED:
        return Clock([] if proposal.published_at else [str(_("Desk (publication)"))], None)
    if proposal.state not in DEPARTMENT_CLOCK:
        return Clock()
    assignments = getattr(proposal, "live_assignments", None)
    if assignments is None:
        assignments = list(
            proposal.assignments.filter(state__in=LIVE).select_related("department")
        )
    waiting, due = [], None
    for assignment in assignments:
        if assignment.state != Assignment.State.OPEN:
            continue
        if awaits_countersignature(assignment):
            label = str(_("Desk (countersignature)"))
        else:
            label = assignment.department.display_name
        if label not in waiting:
            waiting.append(label)
        due = assignment.due_at if due is None else min(due, assignment.due_at)
    return Clock(waiting, due)


def assignment_clock(assignment) -> Clock:
    if assignment.state != Assignment.State.OPEN:
        return Clock()
    if awaits_countersignature(assignment):
        return Clock([str(_("Desk (countersignature)"))], assignment.due_at)
    return Clock([assignment.department.display_name], assignment.due_at)
