"""Dates that cannot be: a value measured or a milestone done on a day still to come, a report
asked for by a day already past. Each is refused on its field, in Japanese and English; today
is accepted."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from kyoso.collaborations import services
from kyoso.collaborations.models import IndicatorActual, Milestone, ProgressReport

from .factories import days_from_today, once, running, with_visitors

TOMORROW, TODAY, YESTERDAY = days_from_today(1), days_from_today(0), days_from_today(-1)


@pytest.fixture
def live(collaboration, department_officer):
    collaboration = running(collaboration, department_officer)
    with_visitors(collaboration, department_officer)
    return collaboration


@pytest.fixture
def indicator(live):
    return live.indicators.get()


@pytest.fixture
def milestone(live, department_officer):
    return services.milestone_add(actor=department_officer, collaboration=live, title="開設",
                                  due_on=dt.date(2026, 6, 1))


def refusal(call) -> dict:
    """The refusal's messages by field, in Japanese and in English."""
    said = {}
    for language in ("ja", "en"):
        with pytest.raises(ValidationError) as caught:
            call()
        with translation.override(language):
            said[language] = {field: [str(m) for m in errors]
                              for field, errors in caught.value.message_dict.items()}
    return said


def test_a_value_measured_in_the_future_is_refused(indicator, department_officer):
    said = refusal(lambda: services.actual_record(
        actor=department_officer, indicator=indicator, period="2030年度上期",
        measured_on=dt.date(2030, 10, 1), value=Decimal(5000)))
    assert "今日より後" in said["ja"]["measured_on"][0]
    assert "later than today" in said["en"]["measured_on"][0]
    assert not IndicatorActual.objects.exists()


def test_a_value_measured_today_or_before_counts(indicator, department_officer):
    for day in (YESTERDAY, TODAY):
        services.actual_record(actor=department_officer, indicator=indicator, period="期",
                               measured_on=day, value=Decimal(1200))
    assert indicator.actuals.count() == 2
    with pytest.raises(ValidationError):
        services.actual_record(actor=department_officer, indicator=indicator, period="期",
                               measured_on=TOMORROW, value=Decimal(1200))


def test_a_milestone_done_in_the_future_is_refused(milestone, department_officer):
    said = refusal(lambda: services.milestone_complete(
        actor=department_officer, milestone=milestone, done_on=TOMORROW))
    assert "今日より後" in said["ja"]["done_on"][0]
    assert "later than today" in said["en"]["done_on"][0]
    milestone.refresh_from_db()
    assert milestone.done_on is None
    services.milestone_complete(actor=department_officer, milestone=milestone, done_on=TODAY)
    assert Milestone.objects.get(pk=milestone.pk).done_on == TODAY


def test_a_report_due_in_the_past_is_refused(live, department_officer):
    said = refusal(lambda: services.report_request(
        actor=department_officer, collaboration=live, period="2026年度上期",
        due_on=YESTERDAY))
    assert "期限が過ぎています" in said["ja"]["due_on"][0]
    assert "has passed" in said["en"]["due_on"][0]
    assert not ProgressReport.objects.exists()
    services.report_request(actor=department_officer, collaboration=live, period="2026年度上期",
                            due_on=TODAY)
    assert ProgressReport.objects.get().due_on == TODAY


def page(prefix, name, *args):
    with translation.override("ja"):  # the path without a prefix, whatever was last active
        return prefix + reverse(f"collaborations:{name}", args=args)


@pytest.mark.parametrize(("prefix", "words"), [("", "今日より後"), ("/en", "later than today")])
def test_the_pages_show_the_future_dates_on_their_fields(
    client, live, indicator, milestone, department_officer, prefix, words
):
    client.force_login(department_officer)
    response = client.post(page(prefix, "actual", live.pk, indicator.pk), once(
        {"period": "2030年度上期", "measured_on": "2030-10-01", "value": "5000"}))
    assert response.status_code == 200
    assert 'href="#id_measured_on"' in response.content.decode()
    assert words in response.content.decode()
    response = client.post(page(prefix, "milestone_done", live.pk, milestone.pk),
                           {"done_on": TOMORROW.isoformat()})
    assert response.status_code == 200
    assert 'href="#id_done_on"' in response.content.decode()
    assert words in response.content.decode()
    assert not IndicatorActual.objects.exists()


@pytest.mark.parametrize(("prefix", "words"), [("", "期限が過ぎています"), ("/en", "has passed")])
def test_the_page_shows_a_past_due_date_on_its_field(client, live, department_officer, prefix,
                                                     words):
    client.force_login(department_officer)
    response = client.post(page(prefix, "action", live.pk, "request-report"), once(
        {"period": "2026年度上期", "due_on": YESTERDAY.isoformat()}))
    assert response.status_code == 200
    assert 'href="#id_due_on"' in response.content.decode()
    assert words in response.content.decode()
    assert not ProgressReport.objects.exists()
