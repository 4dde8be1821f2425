"""Proposal lists cost the same number of queries whatever the number of rows on the page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kyoso.proposals.models import Proposal
from kyoso.proposals.tests.factories import make_draft, walk

S = Proposal.State


def queries(client, path, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200, response.content
    return len(captured)


@pytest.mark.django_db
def test_it_reads_lists_in_a_fixed_number_of_queries(api_as, cso_member, desk_coordinator,
                                                     department_officer, prefecture, people):
    proposer, desk, officer = api_as(cso_member), api_as(desk_coordinator), api_as(
        department_officer
    )
    walk(make_draft(cso_member, prefecture), S.ROUTED, **people)
    walk(make_draft(cso_member, prefecture), S.ROUTED, **people)
    paths = ((proposer, "/proposals/mine"), (desk, "/proposals/inbox"),
             (officer, "/proposals/assignments"))
    for client, path in paths:  # the token's first use writes its last-used time
        client.get(path)
    # page_size=1 so that both pages are full and the count is asked in both cases.
    few = [queries(client, path, {"page_size": 1}) for client, path in paths]
    for _ in range(4):
        walk(make_draft(cso_member, prefecture), S.ROUTED, **people)
    many = [queries(client, path, {"page_size": 5}) for client, path in paths]
    assert few == many
