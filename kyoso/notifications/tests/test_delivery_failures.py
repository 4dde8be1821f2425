"""A refused address, a failing check or a person who left never stops the rest."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

import kyoso.proposals.notices  # noqa: F401 - registers the kinds used here
from kyoso.notifications import tasks
from kyoso.notifications.models import Notice
from kyoso.notifications.services import notify
from kyoso.organizations.tests.factories import UserFactory

PARAMS = {"reference": "410004-2026-0001", "title": "子育て広場"}


@pytest.fixture
def three(db):
    return [UserFactory() for _ in range(3)]


@pytest.fixture
def refusing(monkeypatch, three):
    refused = three[1].email
    real = tasks.email_notice

    def send(notice):
        if notice.recipient.email == refused:
            raise OSError("550 mailbox unavailable")
        real(notice)

    monkeypatch.setattr(tasks, "email_notice", send)
    return refused


def test_a_refused_address_does_not_hold_back_the_others(three, refusing):
    notify(recipients=three, kind="proposals.revised", key="k", url="/", params=PARAMS)
    assert tasks.notices_deliver.call(key="k") == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        u.email for u in three if u.email != refusing
    )
    stuck = Notice.objects.get(recipient__email=refusing)
    assert stuck.emailed_at is None and stuck.email_attempts == 1


def test_an_address_refused_again_and_again_is_given_up(three, refusing):
    notify(recipients=three, kind="proposals.revised", key="k", url="/", params=PARAMS)
    for _ in range(tasks.MAX_EMAIL_ATTEMPTS):
        tasks.notices_deliver.call(key="k")
    stuck = Notice.objects.get(recipient__email=refusing)
    assert stuck.email_wanted is False and stuck.emailed_at is None
    assert len(mail.outbox) == 2  # the others once each, never again


def test_someone_who_opted_out_after_the_notice_gets_no_email(three):
    notify(recipients=three[:1], kind="proposals.revised", key="k", url="/", params=PARAMS)
    three[0].email_notices = False
    three[0].save()
    assert tasks.notices_deliver.call(key="k") == 0
    assert mail.outbox == []
    assert Notice.objects.get().email_wanted is False


def test_a_failing_check_does_not_stop_the_others_nor_the_outbox(three, settings, monkeypatch):
    settings.KYOSO_SWEEPS = ["kyoso.notifications.tests.test_delivery_failures.broken_check",
                             "kyoso.proposals.deadlines.deadlines_sweep"]
    notify(recipients=three[:1], kind="proposals.revised", key="k", url="/", params=PARAMS)
    Notice.objects.update(created_at=timezone.now() - dt.timedelta(hours=1))
    result = tasks.sweep.call()
    assert result["told"]["kyoso.proposals.deadlines.deadlines_sweep"] == 0
    assert result["told"]["kyoso.notifications.tests.test_delivery_failures.broken_check"] is None
    assert result["retried"] == 1 and len(mail.outbox) == 1


def test_the_outbox_sends_every_waiting_event_once(three):
    for key in ("new", "old"):
        notify(recipients=three, kind="proposals.revised", key=key, url="/", params=PARAMS)
    now = timezone.now()
    Notice.objects.filter(key="old").update(created_at=now - dt.timedelta(days=2))
    Notice.objects.filter(key="new").update(created_at=now - dt.timedelta(hours=1))
    result = tasks.sweep.call()
    assert result["retried"] == 6
    assert Notice.objects.awaiting_email().count() == 0


def broken_check(*, now):
    raise RuntimeError("a bug in one periodic check")
