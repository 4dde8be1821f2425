"""This year's demo proposals went through the services: inbox, queue, thread and notices."""

from django.db.models import Q

from kyoso.accounts.models import User
from kyoso.core.models import AuditEvent
from kyoso.notifications.models import Notice
from kyoso.proposals.models import Proposal

S = Proposal.State


def test_the_desk_department_and_partners_each_have_work_waiting(seeded):
    live = Proposal.objects.filter(
        Q(fiscal_year__isnull=True) | Q(fiscal_year__gte=2026),  # drafts have no year yet
        body__code__in=["410004", "412015"],
    )
    states = set(live.values_list("state", flat=True))
    assert {S.SUBMITTED, S.IN_CONSULTATION, S.DECIDED, S.RETURNED, S.DRAFT} <= states
    consulting = live.get(state=S.IN_CONSULTATION)
    assert consulting.messages.count() == 2 and consulting.meetings.count() == 1


def test_the_demo_people_have_notices_with_a_reminder_for_the_officer(seeded):
    officer = User.objects.get(email="officer@kyoso.example")
    desk = User.objects.get(email="desk@kyoso.example")
    officer_kinds = set(Notice.objects.filter(recipient=officer).values_list("kind", flat=True))
    assert {"proposals.assigned", "proposals.due_soon"} <= officer_kinds
    assert Notice.objects.filter(recipient=desk, kind="proposals.arrived").exists()


def test_every_step_is_in_the_audit_trail(seeded):
    assert AuditEvent.objects.filter(action="proposals.route").count() >= 2
