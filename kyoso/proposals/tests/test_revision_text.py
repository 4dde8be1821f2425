"""Earlier versions stay readable in full, under the same idea protection as today's text."""

import pytest

from kyoso.core.models import AuditEvent
from kyoso.proposals import services
from kyoso.proposals.models import Proposal

from .desk_pages import at_state

S = Proposal.State
FIRST = "最初の案:公民館で週1回の学習支援"


@pytest.fixture
def revised(people):
    proposal = at_state(S.IN_CONSULTATION, people, content=FIRST, schedule="来年4月から",
                        confidential_sections=["content"])
    return services.proposal_revise(actor=people["proposer"], proposal=proposal,
                                    content="改訂案:週2回に拡大", note="協議を踏まえて",
                                    expected_version=proposal.version)


def test_the_proposer_reads_the_first_version_in_full(client, revised, people):
    client.force_login(people["proposer"])
    page = client.get(f"/proposals/{revised.pk}/revisions/1/")
    assert page.status_code == 200
    assert FIRST in page.content.decode()
    assert f"/proposals/{revised.pk}/revisions/2/" in page.content.decode()
    listing = client.get(f"/proposals/{revised.pk}/revisions/").content.decode()
    assert f"/proposals/{revised.pk}/revisions/1/" in listing


def test_the_assigned_department_reads_it_and_the_read_is_logged(client, revised, people):
    client.force_login(people["officer"])
    page = client.get(f"/en/proposals/{revised.pk}/revisions/1/").content.decode()
    assert FIRST in page and "Version 1" in page
    event = AuditEvent.objects.filter(action="proposals.confidential.read").latest("pk")
    assert event.changes == {"sections": ["content"], "revision": 1}


def test_a_body_administrator_sees_the_version_but_not_the_protected_idea(
    client, revised, body_admin
):
    client.force_login(body_admin)
    page = client.get(f"/proposals/{revised.pk}/revisions/1/").content.decode()
    assert "来年4月から" in page and FIRST not in page


@pytest.mark.parametrize("persona", ["other_department_officer", "other_body_admin", "outsider"])
def test_anyone_else_gets_404(client, revised, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(f"/proposals/{revised.pk}/revisions/1/").status_code == 404


def test_a_version_that_does_not_exist_is_404(client, revised, people):
    client.force_login(people["proposer"])
    assert client.get(f"/proposals/{revised.pk}/revisions/9/").status_code == 404
