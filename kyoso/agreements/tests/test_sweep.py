"""The sweep: in force at the start of the term, renewed or expired at its end, and reminders
90 and 30 days before the end to the desk and the partners, once per stage, e-mailed after
commit in each recipient's language."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from kyoso.agreements.models import Agreement
from kyoso.agreements.sweep import agreements_sweep
from kyoso.notifications.models import Notice

from .factories import make_agreement, organization_of, walk

S = Agreement.State
pytestmark = pytest.mark.django_db


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def kinds_for(user):
    # The notice of the signing itself is not the sweep's business.
    return list(
        Notice.objects.filter(recipient=user).exclude(kind="agreements.signed").order_by("id")
        .values_list("kind", flat=True)
    )


@pytest.fixture
def ending(desk_coordinator, prefecture, partner_member):
    agreement = make_agreement(
        desk_coordinator, prefecture, partners=[organization_of(partner_member)],
        starts_on=dt.date(2025, 4, 1), ends_on=dt.date(2026, 3, 31),
    )
    return walk(agreement, S.SIGNED, desk=desk_coordinator, signed_on=dt.date(2025, 3, 20))


def test_it_puts_a_signed_agreement_in_force_when_its_term_starts(ending):
    agreements_sweep(now=at(dt.date(2025, 3, 31)))
    ending.refresh_from_db()
    assert ending.state == S.SIGNED
    agreements_sweep(now=at(dt.date(2025, 4, 1)))
    ending.refresh_from_db()
    assert ending.state == S.ACTIVE


def test_it_reminds_the_desk_and_the_partners_once_per_stage(
    ending, desk_coordinator, partner_member, other_partner_member, department_officer,
    django_capture_on_commit_callbacks,
):
    agreements_sweep(now=at(dt.date(2025, 12, 30)))  # 91 days are still ahead
    assert kinds_for(partner_member) == []
    ninety_before = dt.date(2025, 12, 31)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        agreements_sweep(now=at(ninety_before))
        agreements_sweep(now=at(ninety_before, 15))
        agreements_sweep(now=at(ninety_before + dt.timedelta(days=10)))
    assert kinds_for(partner_member) == ["agreements.ends_soon"]
    assert kinds_for(desk_coordinator) == ["agreements.ends_soon"]
    assert kinds_for(other_partner_member) == kinds_for(department_officer) == []
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [partner_member.email, desk_coordinator.email]
    )
    agreements_sweep(now=at(dt.date(2026, 3, 1)))  # 30 days before
    agreements_sweep(now=at(dt.date(2026, 3, 2)))
    assert kinds_for(partner_member) == ["agreements.ends_soon", "agreements.ends_soon"]


def test_the_reminder_is_written_in_the_recipients_language(
    ending, desk_coordinator, partner_member, django_capture_on_commit_callbacks
):
    partner_member.language = "en"
    partner_member.save()
    desk_coordinator.language = "ja"
    desk_coordinator.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        agreements_sweep(now=at(dt.date(2026, 3, 1)))
    by_person = {message.to[0]: message for message in mail.outbox}
    assert "ends on" in by_person[partner_member.email].subject
    assert "終了" in by_person[desk_coordinator.email].subject


def test_no_mail_leaves_before_the_sweep_commits(ending, partner_member):
    mail.outbox.clear()
    agreements_sweep(now=at(dt.date(2026, 3, 1)))
    assert kinds_for(partner_member) == ["agreements.ends_soon"]
    assert mail.outbox == []  # the e-mail is queued on commit, which this test never reaches


def test_it_expires_an_agreement_the_day_after_its_last_day(ending, partner_member):
    agreements_sweep(now=at(dt.date(2026, 3, 31), 23))
    ending.refresh_from_db()
    assert ending.state == S.ACTIVE
    agreements_sweep(now=at(dt.date(2026, 4, 1)))
    ending.refresh_from_db()
    assert ending.state == S.EXPIRED
    assert "agreements.expired" in kinds_for(partner_member)
    assert agreements_sweep(now=at(dt.date(2026, 4, 2))) == 0


def test_it_renews_automatically_by_the_period_and_reminds_again_for_the_new_end(
    desk_coordinator, prefecture, partner_member
):
    agreement = make_agreement(
        desk_coordinator, prefecture, partners=[organization_of(partner_member)],
        starts_on=dt.date(2025, 4, 1), ends_on=dt.date(2026, 3, 31), auto_renew=True,
        renewal_months=12,
    )
    agreement = walk(agreement, S.ACTIVE, desk=desk_coordinator, signed_on=dt.date(2025, 3, 1))
    agreements_sweep(now=at(dt.date(2026, 3, 1)))
    assert kinds_for(partner_member) == ["agreements.renews_soon"]
    agreements_sweep(now=at(dt.date(2026, 4, 1)))
    agreement.refresh_from_db()
    assert (agreement.state, agreement.ends_on, agreement.renewal_count) == (
        S.RENEWED, dt.date(2027, 3, 31), 1
    )
    agreements_sweep(now=at(dt.date(2027, 3, 1)))
    assert kinds_for(partner_member) == [
        "agreements.renews_soon", "agreements.renewed", "agreements.renews_soon"
    ]


def test_a_worker_that_was_down_catches_up_one_term_at_a_time(desk_coordinator, prefecture):
    agreement = make_agreement(
        desk_coordinator, prefecture, starts_on=dt.date(2025, 4, 1),
        ends_on=dt.date(2025, 9, 30), auto_renew=True, renewal_months=6,
    )
    walk(agreement, S.SIGNED, desk=desk_coordinator, signed_on=dt.date(2025, 3, 1))
    agreements_sweep(now=at(dt.date(2026, 10, 15)))
    agreement.refresh_from_db()
    assert (agreement.state, agreement.ends_on, agreement.renewal_count) == (
        S.RENEWED, dt.date(2027, 3, 31), 3
    )


def test_drafts_and_ended_agreements_are_left_alone(agreement, desk_coordinator, prefecture):
    done = make_agreement(desk_coordinator, prefecture, ends_on=dt.date(2026, 3, 31))
    walk(done, S.TERMINATED, desk=desk_coordinator)
    Agreement.objects.filter(pk=agreement.pk).update(ends_on=dt.date(2026, 3, 31))
    assert agreements_sweep(now=at(dt.date(2026, 3, 1))) == 0
    assert agreements_sweep(now=at(dt.date(2026, 5, 1))) == 0


def test_a_sweep_that_finds_an_agreement_already_moved_goes_on(
    monkeypatch, desk_coordinator, prefecture
):
    """Two sweeps at once: the second finds the agreement moved and skips it, not crashes."""
    from kyoso.agreements import sweep as sweep_module
    from kyoso.agreements.services import AgreementTransitionError

    agreement = walk(make_agreement(desk_coordinator, prefecture), Agreement.State.SIGNED,
                     desk=desk_coordinator)
    tried = []

    def moved_meanwhile(*, agreement, **kwargs):
        tried.append(agreement.pk)
        raise AgreementTransitionError("moved by the other sweep")

    monkeypatch.setattr(sweep_module, "agreement_activate", moved_meanwhile)
    later = timezone.now() + dt.timedelta(days=3650)
    sweep_module.agreements_sweep(now=later)
    assert agreement.pk in tried
