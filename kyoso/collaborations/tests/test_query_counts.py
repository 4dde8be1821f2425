"""The public list, the API list and the CSV cost the same number of queries whatever the
number of rows; the fiscal-year choices are two reads of index ends, and an open-ended
collaboration offers every year up to the current one."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kyoso.collaborations.models import Collaboration, Indicator, IndicatorActual, Milestone
from kyoso.collaborations.views.public import fiscal_year_choices
from kyoso.core import memo
from kyoso.core.fiscal import fiscal_year_of


def add_published(template: Collaboration, count: int) -> None:
    """Rows like the template, published, each with a milestone and an indicator measured."""
    for number in range(count):
        row = Collaboration.objects.create(
            body=template.body, title=f"協働事業{number}", summary="概要", field=template.field,
            form=template.form, start_fiscal_year=2024, end_fiscal_year=None,
            state=Collaboration.State.RUNNING, started_on=dt.date(2024, 4, 1),
            published_at=timezone.now())
        row.partners.set(template.partners.all())
        row.departments.set(template.departments.all())
        Milestone.objects.create(collaboration=row, title="開所", due_on=dt.date(2024, 6, 1),
                                 done_on=dt.date(2024, 6, 1))
        indicator = Indicator.objects.create(collaboration=row, name="来訪者数", unit="人",
                                             baseline=Decimal(100), target=Decimal(200))
        IndicatorActual.objects.create(indicator=indicator, period="2024年度",
                                       measured_on=dt.date(2025, 3, 31), value=Decimal(150))


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        assert response.status_code == 200
        if hasattr(response, "content"):
            assert "協働事業1" in response.content.decode("utf-8-sig")
    return len(queries)


@pytest.mark.parametrize("url", [
    "collaborations:list", "/api/v1/collaborations", "/api/v1/collaborations?format=csv",
])
def test_a_list_does_not_cost_more_queries_with_more_rows(client, collaboration, url):
    url = reverse(url) if ":" in url else url
    add_published(collaboration, 2)
    queries_of(client, url)  # warm up what is read once per process

    def costs():
        # The first visit after a write (the partners offered are read again), and the next.
        memo.forget()
        return queries_of(client, url), queries_of(client, url)

    with_two = costs()
    add_published(collaboration, 6)
    assert costs() == with_two


def test_the_fiscal_years_come_from_two_queries_up_to_this_year_for_an_open_end(
    collaboration, django_assert_num_queries
):
    add_published(collaboration, 3)
    this_year = fiscal_year_of(timezone.localdate())
    with django_assert_num_queries(2):
        years = [year for year, _label in fiscal_year_choices()]
    assert years == list(range(this_year, 2023, -1))
