"""Dates are Japan's (Asia/Tokyo), not UTC: 00:30 on 1 April in Tokyo is still 31 March in UTC,
and a new fiscal year has begun."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from kyoso.collaborations import services
from kyoso.collaborations.figures import timeline_of

from .factories import RATINGS, running, with_visitors

# 2027-04-01 00:30 in Tokyo.
JUST_AFTER_MIDNIGHT = dt.datetime(2027, 3, 31, 15, 30, tzinfo=dt.UTC)
FIRST_OF_APRIL = dt.date(2027, 4, 1)


@pytest.fixture
def tokyo_half_past_midnight(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: JUST_AFTER_MIDNIGHT)


def test_a_reported_figure_is_measured_on_the_local_date(
    collaboration, department_officer, cso_member, tokyo_half_past_midnight
):
    collaboration = running(collaboration, department_officer)
    with_visitors(collaboration, department_officer)
    report = services.report_request(actor=department_officer, collaboration=collaboration,
                                     period="2026年度", due_on=dt.date(2027, 4, 10))
    services.report_submit(actor=cso_member, report=report, text="年度末の報告",
                           actuals={collaboration.indicators.get().pk: Decimal(1200)})
    assert report.actuals.get().measured_on == FIRST_OF_APRIL
    services.report_review(actor=department_officer, report=report, accept=True)
    moments = {m.kind: m.on for m in timeline_of(collaboration, public=True)}
    assert moments["report"] == FIRST_OF_APRIL


def test_an_evaluation_is_completed_on_the_local_date(
    collaboration, department_officer, cso_member, tokyo_half_past_midnight
):
    collaboration = running(collaboration, department_officer)
    evaluation = services.evaluation_start(actor=department_officer, collaboration=collaboration,
                                           fiscal_year=collaboration.start_fiscal_year)
    services.evaluation_side_submit(actor=department_officer, evaluation=evaluation,
                                    ratings=RATINGS)
    services.evaluation_side_submit(actor=cso_member, evaluation=evaluation, ratings=RATINGS)
    moments = {m.kind: m.on for m in timeline_of(collaboration, public=False)}
    assert moments["evaluation"] == FIRST_OF_APRIL
