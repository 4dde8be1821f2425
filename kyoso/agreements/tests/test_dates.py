"""The dates the desk gives to renew, terminate and record a memorandum must fit the agreement:
a renewal ends after the start, after the current end and not in the past; a termination lies
between the signing and the end of the term and not in the future; a memorandum is not signed
before its agreement. Each is refused on its field, in Japanese and in English, and nothing
changes."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from kyoso.agreements import services
from kyoso.agreements.models import Agreement
from kyoso.core.models import AuditEvent

from .factories import make_agreement, new_key, walk

S = Agreement.State
pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
SIGNED_ON = TODAY - dt.timedelta(days=400)


@pytest.fixture
def open_ended(agreement, desk_coordinator):
    """In force, with no end of its term (as an amendment may leave it)."""
    assert agreement.ends_on is None
    return walk(agreement, S.ACTIVE, desk=desk_coordinator, signed_on=SIGNED_ON)


@pytest.fixture
def overdue(desk_coordinator, prefecture):
    """In force; its term ended a few days ago and the nightly sweep has not expired it yet."""
    agreement = make_agreement(desk_coordinator, prefecture,
                               ends_on=TODAY - dt.timedelta(days=10))
    return walk(agreement, S.ACTIVE, desk=desk_coordinator, signed_on=SIGNED_ON)


def refusal(call, field, language="en") -> str:
    before = AuditEvent.objects.count()
    with translation.override(language), pytest.raises(ValidationError) as refused:
        call()
    assert AuditEvent.objects.count() == before
    with translation.override(language):
        return " ".join(refused.value.message_dict[field])


# ---- Renewal -------------------------------------------------------------------------------


def renew(agreement, desk, ends_on):
    return lambda: services.agreement_renew(actor=desk, agreement=agreement, ends_on=ends_on)


@pytest.mark.parametrize(("language", "message"), [
    ("en", f"The new term must end after the agreement's term starts ({SIGNED_ON.isoformat()})"),
    ("ja", f"協定の期間の開始日（{SIGNED_ON.isoformat()}）より後"),
])
def test_a_renewal_without_a_current_end_must_end_after_the_start(
    open_ended, desk_coordinator, language, message
):
    assert message in refusal(renew(open_ended, desk_coordinator, dt.date(2020, 1, 1)),
                              "ends_on", language)
    open_ended.refresh_from_db()
    assert (open_ended.state, open_ended.ends_on) == (S.ACTIVE, None)


@pytest.mark.parametrize(("language", "message"), [
    ("en", "The new end of the term has passed"),
    ("ja", "更新後の終了日が過ぎています"),
])
def test_a_renewal_into_a_term_that_already_ended_is_refused(
    open_ended, desk_coordinator, language, message
):
    past = TODAY - dt.timedelta(days=1)
    assert message in refusal(renew(open_ended, desk_coordinator, past), "ends_on", language)
    open_ended.refresh_from_db()
    assert (open_ended.state, open_ended.renewal_count) == (S.ACTIVE, 0)


def test_a_renewal_must_still_end_after_the_current_end(overdue, desk_coordinator):
    # Even after the current end, a renewal ending in the past gives no term in force.
    message = refusal(renew(overdue, desk_coordinator, TODAY - dt.timedelta(days=1)), "ends_on")
    assert "has passed" in message
    message = refusal(renew(overdue, desk_coordinator, overdue.ends_on), "ends_on")
    assert "after the current one" in message


def test_a_renewal_from_today_on_is_recorded(open_ended, desk_coordinator):
    renewed = services.agreement_renew(actor=desk_coordinator, agreement=open_ended,
                                       ends_on=TODAY)
    assert (renewed.state, renewed.ends_on) == (S.RENEWED, TODAY)


@pytest.mark.parametrize(("prefix", "message"), [
    ("", "協定の期間の開始日"),
    ("/en", "The new term must end after the agreement&#x27;s term starts"),
])
def test_the_renewal_form_shows_the_refusal_on_the_new_end(
    client, open_ended, desk_coordinator, prefix, message
):
    client.force_login(desk_coordinator)
    response = client.post(f"{prefix}/agreements/{open_ended.pk}/renew/",
                           {"ends_on": "2020-01-01", "reason": "継続"})
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert 'value="2020-01-01"' in page  # what was typed is kept
    assert response.context["form"].errors["ends_on"]
    open_ended.refresh_from_db()
    assert open_ended.state == S.ACTIVE


# ---- Termination ---------------------------------------------------------------------------


def terminate(agreement, desk, terminated_on):
    return lambda: services.agreement_terminate(actor=desk, agreement=agreement,
                                                terminated_on=terminated_on, reason="合意により")


@pytest.mark.parametrize(("language", "message"), [
    ("en", "The term ended on {date}, before this date"),
    ("ja", "協定の期間は {date} に終了しており"),
])
def test_a_termination_after_the_end_of_the_term_is_refused(
    overdue, desk_coordinator, language, message
):
    later = TODAY - dt.timedelta(days=5)
    found = refusal(terminate(overdue, desk_coordinator, later), "terminated_on", language)
    assert message.format(date=overdue.ends_on.isoformat()) in found
    overdue.refresh_from_db()
    assert overdue.state == S.ACTIVE and overdue.terminated_on is None


@pytest.mark.parametrize(("language", "message"), [
    ("en", "The date of the termination cannot be in the future"),
    ("ja", "終了日に未来の日付は指定できません"),
])
@pytest.mark.parametrize("days", [1, 365 * 70])
def test_a_termination_in_the_future_is_refused(
    open_ended, desk_coordinator, language, message, days
):
    future = TODAY + dt.timedelta(days=days)
    assert message in refusal(terminate(open_ended, desk_coordinator, future), "terminated_on",
                              language)
    open_ended.refresh_from_db()
    assert open_ended.state == S.ACTIVE


def test_a_termination_within_the_term_and_up_to_today_is_recorded(overdue, desk_coordinator):
    terminated = services.agreement_terminate(
        actor=desk_coordinator, agreement=overdue, terminated_on=overdue.ends_on,
        reason="合意により")
    assert (terminated.state, terminated.terminated_on) == (S.TERMINATED, overdue.ends_on)


@pytest.mark.parametrize(("prefix", "message"), [
    ("", "終了日に未来の日付は指定できません"),
    ("/en", "The date of the termination cannot be in the future"),
])
def test_the_termination_form_shows_the_refusal_on_its_date(
    client, open_ended, desk_coordinator, prefix, message
):
    client.force_login(desk_coordinator)
    response = client.post(f"{prefix}/agreements/{open_ended.pk}/terminate/",
                           {"terminated_on": "2099-01-01", "reason": "合意により"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["form"].errors["terminated_on"]
    open_ended.refresh_from_db()
    assert open_ended.state == S.ACTIVE


# ---- Memoranda -----------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "message"), [
    ("en", f"A memorandum cannot be signed before the agreement itself ({SIGNED_ON})"),
    ("ja", f"覚書の締結日は、協定の締結日（{SIGNED_ON}）より前にはできません"),
])
def test_a_memorandum_signed_before_its_agreement_is_refused(
    open_ended, desk_coordinator, partner_member, language, message
):
    before = SIGNED_ON - dt.timedelta(days=1)
    found = refusal(lambda: services.memorandum_add(
        actor=desk_coordinator, agreement=open_ended, title="防災訓練の覚書", signed_on=before,
    ), "signed_on", language)
    assert message in found
    draft = services.memorandum_add(actor=partner_member, agreement=open_ended,
                                    title="健康ポイント事業に関する覚書案")
    found = refusal(lambda: services.memorandum_sign(
        actor=desk_coordinator, memorandum=draft, signed_on=before,
    ), "signed_on", language)
    assert message in found
    draft.refresh_from_db()
    assert draft.signed_on is None
    assert open_ended.memoranda.count() == 1


def test_a_memorandum_signed_with_or_after_its_agreement_is_recorded(
    open_ended, desk_coordinator
):
    memorandum = services.memorandum_add(actor=desk_coordinator, agreement=open_ended,
                                         title="防災訓練の覚書", signed_on=SIGNED_ON)
    assert memorandum.signed_on == SIGNED_ON


@pytest.mark.parametrize(("prefix", "message"), [
    ("", "覚書の締結日は、協定の締結日"),
    ("/en", "A memorandum cannot be signed before the agreement itself"),
])
def test_the_memorandum_form_shows_the_refusal_on_its_date(
    client, open_ended, desk_coordinator, prefix, message
):
    client.force_login(desk_coordinator)
    response = client.post(f"{prefix}/agreements/{open_ended.pk}/memoranda/new/", {
        "submission_key": new_key(), "title": "防災訓練の覚書",
        "signed_on": (SIGNED_ON - dt.timedelta(days=30)).isoformat(),
    })
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["form"].errors["signed_on"]
    assert not open_ended.memoranda.exists()


def test_an_automatically_renewed_agreement_may_end_after_its_term_before_the_sweep(
    desk_coordinator, prefecture
):
    """Its term goes on (the nightly sweep renews it), so a termination after the old end is
    not refused as "it expires by itself"."""
    agreement = make_agreement(desk_coordinator, prefecture, ends_on=TODAY - dt.timedelta(days=10),
                               auto_renew=True, renewal_months=12)
    agreement = walk(agreement, S.ACTIVE, desk=desk_coordinator, signed_on=SIGNED_ON)
    terminated = services.agreement_terminate(
        actor=desk_coordinator, agreement=agreement, terminated_on=TODAY, reason="合意により")
    assert (terminated.state, terminated.terminated_on) == (S.TERMINATED, TODAY)
