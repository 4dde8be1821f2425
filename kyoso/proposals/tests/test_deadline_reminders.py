"""Reminders before an answer is due and escalation to the desk after it, with a frozen clock."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from kyoso.notifications.models import Notice
from kyoso.proposals import services
from kyoso.proposals.deadlines import days_left, deadlines_sweep, reminder_stage
from kyoso.proposals.models import Decision, Proposal

from .factories import make_draft, walk

S = Proposal.State
DAY = dt.timedelta(days=1)


@pytest.fixture
def assignment(people, prefecture):
    proposal = walk(make_draft(people["proposer"], prefecture), S.ROUTED,
                    proposer=people["proposer"], desk=people["desk"],
                    departments=people["departments"])
    Notice.objects.all().delete()  # only the clock's notices matter here
    return proposal.assignments.get()


def kinds_for(user):
    return sorted(Notice.objects.filter(recipient=user).values_list("kind", flat=True))


@pytest.mark.parametrize(("left", "stage"), [(10, None), (8, None), (7, 7), (3, 7), (1, 1), (0, 1)])
def test_the_nearest_stage_reached_is_chosen(left, stage):
    assert reminder_stage(left, [7, 1]) == stage


def test_days_are_counted_in_japanese_calendar_days():
    due = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)  # 19:00 in Tokyo
    assert days_left(due, dt.datetime(2026, 11, 30, 16, 0, tzinfo=dt.UTC)) == 0
    assert days_left(due, dt.datetime(2026, 11, 30, 14, 0, tzinfo=dt.UTC)) == 1
    assert days_left(due, dt.datetime(2026, 12, 1, 15, 0, tzinfo=dt.UTC)) == -1


def test_nothing_is_sent_while_the_due_date_is_far(assignment, department_officer):
    assert deadlines_sweep(now=assignment.due_at - 8 * DAY) == 0
    assert kinds_for(department_officer) == []


def test_the_department_is_reminded_once_per_stage(
    assignment, department_officer, desk_coordinator, django_capture_on_commit_callbacks
):
    week_before = assignment.due_at - 7 * DAY
    with django_capture_on_commit_callbacks(execute=True):
        deadlines_sweep(now=week_before)
        deadlines_sweep(now=week_before + dt.timedelta(minutes=15))  # the next sweeps
    assert kinds_for(department_officer) == ["proposals.due_soon"]
    assert [message.to for message in mail.outbox] == [[department_officer.email]]
    deadlines_sweep(now=assignment.due_at - DAY)
    assert kinds_for(department_officer) == ["proposals.due_soon", "proposals.due_soon"]
    assert kinds_for(desk_coordinator) == []


def test_after_the_due_date_the_department_is_told_and_the_desk_escalated_to_once(
    assignment, department_officer, desk_coordinator
):
    deadlines_sweep(now=assignment.due_at + DAY)
    deadlines_sweep(now=assignment.due_at + 3 * DAY)
    assert kinds_for(department_officer) == ["proposals.overdue"]
    assert kinds_for(desk_coordinator) == ["proposals.escalated"]


def test_on_the_due_date_itself_it_is_a_reminder_not_an_escalation(
    assignment, department_officer, desk_coordinator
):
    same_day_later = assignment.due_at + dt.timedelta(minutes=1)
    if days_left(assignment.due_at, same_day_later) < 0:
        same_day_later = assignment.due_at  # routed a minute before midnight in Tokyo
    deadlines_sweep(now=same_day_later)
    assert kinds_for(department_officer) == ["proposals.due_soon"]
    assert kinds_for(desk_coordinator) == []


def test_a_non_adoption_waiting_for_the_desks_countersignature_is_not_the_departments_delay(
    assignment, prefecture, department_officer, desk_coordinator
):
    prefecture.principle_of_yes = True
    prefecture.save()
    proposal = assignment.proposal
    services.decision_record(
        actor=department_officer, assignment=assignment, outcome=Decision.Outcome.NOT_ADOPTED,
        reasons="財源がない", expected_version=proposal.version,
    )
    Notice.objects.all().delete()
    deadlines_sweep(now=assignment.due_at + DAY)
    assert kinds_for(department_officer) == [] and kinds_for(desk_coordinator) == []


def test_records_late_beyond_the_look_back_are_left_alone(
    assignment, department_officer
):
    deadlines_sweep(now=assignment.due_at + 30 * DAY)
    assert kinds_for(department_officer) == []


def test_an_answered_assignment_is_left_alone(assignment, people, department_officer):
    proposal = assignment.proposal
    services.decision_record(
        actor=department_officer, assignment=assignment,
        outcome=Decision.Outcome.NOT_ADOPTED, reasons="所管外の事業のため",
        expected_version=proposal.version,
    )
    Notice.objects.all().delete()
    assert deadlines_sweep(now=assignment.due_at + DAY) == 0


def test_a_reassignment_starts_the_clock_again(
    assignment, people, other_department, other_department_officer, department_officer
):
    deadlines_sweep(now=assignment.due_at + DAY)
    new = services.assignment_reassign(actor=people["desk"], assignment=assignment,
                                       department=other_department)
    Notice.objects.filter(kind="proposals.assigned").delete()
    deadlines_sweep(now=new.due_at - DAY)
    assert kinds_for(other_department_officer) == ["proposals.due_soon"]
    assert kinds_for(department_officer) == ["proposals.overdue"]


def test_a_proposal_left_at_the_desk_past_its_due_date_is_flagged_to_the_desk(
    people, prefecture, desk_coordinator
):
    proposal = walk(make_draft(people["proposer"], prefecture), S.SUBMITTED,
                    proposer=people["proposer"], desk=people["desk"])
    Notice.objects.all().delete()
    assert deadlines_sweep(now=proposal.due_at - DAY) == 0
    deadlines_sweep(now=proposal.due_at + DAY)
    deadlines_sweep(now=proposal.due_at + 2 * DAY)
    assert kinds_for(desk_coordinator) == ["proposals.desk_overdue"]


def test_reminders_use_the_configured_days(assignment, department_officer, settings):
    settings.KYOSO_REMINDER_DAYS = [14]
    deadlines_sweep(now=assignment.due_at - 10 * DAY)
    assert kinds_for(department_officer) == ["proposals.due_soon"]
    assert timezone.is_aware(assignment.due_at)
