"""The progress figure: the mean of the milestone share and the indicators' progress toward
target; outcomes read as change from the baseline (「窓口来訪者数 43%増」)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from kyoso.collaborations import services
from kyoso.collaborations.figures import (
    change_percent,
    indicator_progress,
    outcome_phrase,
    progress_of,
)
from kyoso.collaborations.models import Indicator

from .factories import running, with_visitors


def test_it_computes_change_from_the_baseline():
    assert change_percent(Decimal(1000), Decimal(1430)) == 43
    assert change_percent(Decimal(200), Decimal(150)) == -25
    assert change_percent(Decimal(0), Decimal(5)) is None


def test_it_caps_indicator_progress_between_none_and_all():
    indicator = Indicator(baseline=Decimal(1000), target=Decimal(1500))
    assert indicator_progress(indicator, Decimal(1250)) == Decimal("0.5")
    assert indicator_progress(indicator, Decimal(2000)) == 1
    assert indicator_progress(indicator, Decimal(900)) == 0
    assert indicator_progress(indicator, None) is None


def test_it_measures_progress_toward_a_lower_target_too():
    waiting = Indicator(baseline=Decimal(30), target=Decimal(10))
    assert indicator_progress(waiting, Decimal(20)) == Decimal("0.5")


def test_it_says_the_outcome_in_both_languages():
    indicator = Indicator(name="窓口来訪者数", baseline=Decimal(1000), target=Decimal(1500))
    with translation.override("ja"):
        assert outcome_phrase(indicator, Decimal(1430)) == "窓口来訪者数 43%増"
        assert outcome_phrase(indicator, Decimal(900)) == "窓口来訪者数 10%減"
    with translation.override("en"):
        assert outcome_phrase(indicator, Decimal(1430)) == "窓口来訪者数 up 43%"


def test_it_averages_milestones_and_indicators(collaboration, department_officer):
    running(collaboration, department_officer)
    for index in range(4):
        services.milestone_add(actor=department_officer, collaboration=collaboration,
                               title=f"段階{index}", due_on=dt.date(2026, 6, 1 + index))
    for milestone in list(collaboration.milestones.all())[:3]:
        services.milestone_complete(actor=department_officer, milestone=milestone,
                                    done_on=dt.date(2026, 6, 10))
    with_visitors(collaboration, department_officer)
    indicator = collaboration.indicators.get()
    services.actual_record(actor=department_officer, indicator=indicator, period="2026年度上期",
                           measured_on=dt.date(2026, 9, 30), value=Decimal(1250))
    progress = progress_of(collaboration)
    assert progress.milestone_percent == 75
    assert progress.indicator_percent == 50
    assert progress.percent == 63  # (0.75 + 0.5) / 2 = 0.625
    assert progress.indicators[0].phrase == "窓口来訪者数 25%増"


def test_it_has_no_figure_before_anything_is_measured(collaboration):
    assert progress_of(collaboration).percent is None


def test_it_uses_the_latest_counted_actual(collaboration, department_officer):
    running(collaboration, department_officer)
    with_visitors(collaboration, department_officer)
    indicator = collaboration.indicators.get()
    for day, value in ((dt.date(2026, 3, 31), 1430), (dt.date(2025, 9, 30), 1100)):
        services.actual_record(actor=department_officer, indicator=indicator, period="期",
                               measured_on=day, value=Decimal(value))
    assert progress_of(collaboration).indicators[0].actual.value == Decimal(1430)


def test_it_refuses_a_target_equal_to_the_baseline(collaboration, department_officer):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.indicator_add(actor=department_officer, collaboration=collaboration,
                               name="x", baseline=Decimal(1), target=Decimal(1))
    assert "target" in error.value.error_dict
