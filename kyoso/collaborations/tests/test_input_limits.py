"""A number that does not fit its column is a mistake shown on the field, never a server error:
the number of participants of an activity, the figures of an indicator, in Japanese and
English."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kyoso.agreements.tests.factories import make_agreement, walk
from kyoso.collaborations import services
from kyoso.collaborations.forms import (
    ActivityForm,
    ActualForm,
    BudgetForm,
    IndicatorForm,
    ReportSubmitForm,
)
from kyoso.collaborations.models import MAX_PARTICIPANTS, Activity, Indicator
from kyoso.core.money import MAX_YEN

from .factories import once, running, with_visitors

HUGE = "99999999999999999999"
TOO_MANY = [HUGE, str(2**40), str(2**31), str(MAX_PARTICIPANTS + 1)]


def activity(count: str) -> dict:
    return once({"held_on": "2026-05-01", "title": "連携会議", "place": "", "participants": "",
                 "participant_count": count})


@pytest.mark.parametrize("count", TOO_MANY)
def test_the_activity_form_refuses_more_participants_than_it_can_keep(count):
    form = ActivityForm({"held_on": "2026-05-01", "title": "連携会議",
                         "participant_count": count})
    assert not form.is_valid() and "participant_count" in form.errors


def test_the_activity_form_takes_up_to_the_limit():
    form = ActivityForm({"held_on": "2026-05-01", "title": "連携会議",
                         "participant_count": str(MAX_PARTICIPANTS)})
    assert form.is_valid(), form.errors


def test_the_service_refuses_more_participants_than_the_limit(collaboration,
                                                               department_officer):
    running(collaboration, department_officer)
    with pytest.raises(ValidationError) as caught:
        services.activity_log(actor=department_officer, collaboration=collaboration,
                              held_on=dt.date(2026, 5, 1), title="連携会議",
                              participant_count=MAX_PARTICIPANTS + 1)
    assert "participant_count" in caught.value.error_dict
    assert not Activity.objects.exists()


@pytest.mark.parametrize(("prefix", "label"), [("", "参加人数"),
                                               ("/en", "Number of participants")])
@pytest.mark.parametrize("count", [HUGE, str(2**40)])
def test_a_huge_number_of_participants_is_a_field_error_on_the_page(
    client, collaboration, department_officer, prefix, label, count
):
    running(collaboration, department_officer)
    client.force_login(department_officer)
    url = prefix + reverse("collaborations:action", args=[collaboration.pk, "activity"])
    response = client.post(url, activity(count))
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page and f"{label}:" in page
    assert f"{MAX_PARTICIPANTS}" in page  # the limit is named
    assert not Activity.objects.exists()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_huge_number_of_participants_under_an_agreement_is_a_field_error(
    client, desk_coordinator, prefecture, cso_member, prefix
):
    from kyoso.proposals.tests.factories import organization_of

    agreement = walk(make_agreement(desk_coordinator, prefecture,
                                    partners=[organization_of(cso_member)]),
                     "active", desk=desk_coordinator)
    client.force_login(cso_member)
    url = prefix + reverse("collaborations:agreement_activities", args=[agreement.pk])
    response = client.post(url, activity(HUGE))
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert not Activity.objects.exists()


@pytest.mark.parametrize("value", [HUGE, "1e20", "NaN", "Infinity", "123456789012.345"])
def test_figures_that_do_not_fit_the_column_are_field_errors(value):
    indicator = IndicatorForm({"name": "来訪者数", "baseline": value, "target": "1"})
    assert not indicator.is_valid() and "baseline" in indicator.errors
    actual = ActualForm({"period": "上期", "measured_on": "2026-05-01", "value": value})
    assert not actual.is_valid() and "value" in actual.errors
    report = ReportSubmitForm({"text": "報告", "actual_1": value},
                              indicators=[Indicator(pk=1, name="来訪者数")])
    assert not report.is_valid() and "actual_1" in report.errors


def test_a_budget_beyond_the_largest_amount_is_a_field_error():
    form = BudgetForm({"status": "reflected", "amount_yen": str(MAX_YEN + 1)})
    assert not form.is_valid() and "amount_yen" in form.errors


def test_a_huge_actual_value_on_the_page_is_a_field_error(client, collaboration,
                                                          department_officer):
    running(collaboration, department_officer)
    with_visitors(collaboration, department_officer)
    indicator = collaboration.indicators.get()
    client.force_login(department_officer)
    url = reverse("collaborations:actual", args=[collaboration.pk, indicator.pk])
    response = client.post(url, once({"period": "上期", "measured_on": "2026-05-01",
                                      "value": HUGE}))
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert indicator.actuals.count() == 0
