"""An earlier version in full through the API, under the same idea protection as the pages."""

import pytest

from kyoso.core.models import AuditEvent
from kyoso.proposals import services
from kyoso.proposals.models import Proposal
from kyoso.proposals.tests.factories import make_draft, walk

S = Proposal.State
FIRST = "最初の案:公民館で週1回の学習支援"


@pytest.fixture
def revised(cso_member, prefecture, desk_coordinator, department, department_officer):
    proposal = walk(
        make_draft(cso_member, prefecture, content=FIRST, confidential_sections=["content"]),
        S.IN_CONSULTATION, proposer=cso_member, desk=desk_coordinator, departments=[department],
    )
    return services.proposal_revise(actor=cso_member, proposal=proposal, content="改訂案",
                                    expected_version=proposal.version)


def test_the_assigned_department_reads_the_first_version_and_the_read_is_logged(
    api_as, revised, department_officer
):
    answer = api_as(department_officer).get(f"/proposals/{revised.pk}/revisions/1")
    assert answer.status_code == 200
    body = answer.json()
    content = next(s for s in body["sections"] if s["name"] == "content")
    assert content["text"] == FIRST and content["confidential"] is True
    assert AuditEvent.objects.filter(action="proposals.confidential.read",
                                     changes__revision=1).exists()


def test_a_body_administrator_gets_the_version_without_the_protected_idea(
    api_as, revised, body_admin
):
    body = api_as(body_admin).get(f"/proposals/{revised.pk}/revisions/1").json()
    content = next(s for s in body["sections"] if s["name"] == "content")
    assert content["text"] is None and content["hidden"] is True
    assert FIRST not in str(body)


@pytest.mark.parametrize("persona", ["other_department_officer", "other_body_admin", "outsider"])
def test_anyone_else_gets_404(api_as, revised, persona, request):
    answer = api_as(request.getfixturevalue(persona)).get(
        f"/proposals/{revised.pk}/revisions/1"
    )
    assert answer.status_code == 404


def test_a_missing_version_is_404(api_as, revised, cso_member):
    assert api_as(cso_member).get(f"/proposals/{revised.pk}/revisions/7").status_code == 404
