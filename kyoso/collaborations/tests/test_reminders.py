"""Reminders with a frozen clock: the partner about a progress report due, the department
about a milestone due or overdue; once per stage, e-mails after commit."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from kyoso.collaborations import services
from kyoso.collaborations.reminders import collaborations_sweep
from kyoso.notifications.models import Notice

from .factories import running

TOKYO = ZoneInfo("Asia/Tokyo")
DUE = dt.date(2026, 10, 15)


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=TOKYO)


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """The clock stands where a test puts it: a month before the due date to begin with (the
    report is asked for, the milestone set, before they are due)."""
    def set_to(moment: dt.datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: moment)

    set_to(at(DUE - dt.timedelta(days=30)))
    return set_to


def kinds_for(user):
    return sorted(Notice.objects.filter(recipient=user, kind__contains="_due_soon")
                  .values_list("kind", flat=True)) + sorted(
        Notice.objects.filter(recipient=user, kind__contains="_overdue")
        .values_list("kind", flat=True))


@pytest.fixture
def report(collaboration, department_officer):
    running(collaboration, department_officer)
    report = services.report_request(actor=department_officer, collaboration=collaboration,
                                     period="2026年度上期", due_on=DUE)
    Notice.objects.all().delete()
    return report


@pytest.fixture
def milestone(collaboration, department_officer):
    running(collaboration, department_officer)
    milestone = services.milestone_add(actor=department_officer, collaboration=collaboration,
                                       title="窓口開設", due_on=DUE)
    Notice.objects.all().delete()
    return milestone


def test_it_tells_nobody_while_the_due_date_is_far(report, milestone, cso_member):
    assert collaborations_sweep(now=at(DUE - dt.timedelta(days=8))) == 0


def test_it_reminds_the_partner_of_a_report_once_per_stage(
    report, cso_member, department_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        collaborations_sweep(now=at(DUE - dt.timedelta(days=7)))
        collaborations_sweep(now=at(DUE - dt.timedelta(days=6)))  # the same stage again
    assert kinds_for(cso_member) == ["collaborations.report_due_soon"]
    assert [message.to for message in mail.outbox] == [[cso_member.email]]
    collaborations_sweep(now=at(DUE - dt.timedelta(days=1)))
    assert kinds_for(cso_member) == ["collaborations.report_due_soon"] * 2
    collaborations_sweep(now=at(DUE + dt.timedelta(days=1)))
    collaborations_sweep(now=at(DUE + dt.timedelta(days=2)))
    assert kinds_for(cso_member) == ["collaborations.report_due_soon"] * 2 + [
        "collaborations.report_overdue"]
    assert kinds_for(department_officer) == []


def test_it_stops_once_the_report_is_submitted(report, cso_member):
    services.report_submit(actor=cso_member, report=report, text="報告します")
    Notice.objects.all().delete()
    assert collaborations_sweep(now=at(DUE + dt.timedelta(days=3))) == 0


def test_it_reminds_the_department_of_a_milestone_due_and_overdue(
    milestone, department_officer, cso_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        collaborations_sweep(now=at(DUE - dt.timedelta(days=1)))
        collaborations_sweep(now=at(DUE + dt.timedelta(days=1)))
        collaborations_sweep(now=at(DUE + dt.timedelta(days=5)))
    assert kinds_for(department_officer) == ["collaborations.milestone_due_soon",
                                             "collaborations.milestone_overdue"]
    assert sorted(m.to[0] for m in mail.outbox) == [department_officer.email] * 2
    assert kinds_for(cso_member) == []


def test_it_forgets_a_milestone_once_done(milestone, department_officer, clock):
    clock(at(DUE - dt.timedelta(days=2)))
    services.milestone_complete(actor=department_officer, milestone=milestone,
                                done_on=DUE - dt.timedelta(days=2))
    assert collaborations_sweep(now=at(DUE + dt.timedelta(days=1))) == 0


def test_it_writes_the_e_mail_in_the_recipients_language(
    report, cso_member, django_capture_on_commit_callbacks
):
    cso_member.language = "en"
    cso_member.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        collaborations_sweep(now=at(DUE - dt.timedelta(days=1)))
    assert "Reminder: progress report" in mail.outbox[0].subject


def test_it_stops_looking_at_what_is_long_overdue(milestone, report):
    # Nobody was told while it was late (the worker was down): two weeks on, it is let go.
    assert collaborations_sweep(now=at(DUE + dt.timedelta(days=15))) == 0
    assert Notice.objects.count() == 0


def test_it_reminds_again_of_a_report_sent_back_after_its_due_date(
    report, cso_member, department_officer, clock
):
    collaborations_sweep(now=at(DUE + dt.timedelta(days=1)))
    assert kinds_for(cso_member) == ["collaborations.report_overdue"]
    sent_back = at(DUE + dt.timedelta(days=30))
    clock(sent_back)
    services.report_submit(actor=cso_member, report=report, text="報告します")
    services.report_review(actor=department_officer, report=report, accept=False,
                           comments="数値を添えてください")
    collaborations_sweep(now=sent_back + dt.timedelta(days=1))
    collaborations_sweep(now=sent_back + dt.timedelta(days=2))
    assert kinds_for(cso_member) == ["collaborations.report_overdue"] * 2
