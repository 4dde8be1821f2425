"""Under the principle of saying yes, the desk may refuse to countersign a non-adoption."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kyoso.core.models import AuditEvent
from kyoso.notifications.models import Notice
from kyoso.proposals import services
from kyoso.proposals.models import Assignment, Decision, Proposal
from kyoso.proposals.services import ProposalTransitionError

from .desk_pages import at_state, url

S = Proposal.State


@pytest.fixture
def waiting(people, prefecture):
    """A non-adoption waiting for the desk's countersignature."""
    prefecture.principle_of_yes = True
    prefecture.save()
    proposal = at_state(S.IN_CONSULTATION, people)
    return services.decision_record(
        actor=people["officer"], assignment=proposal.assignments.get(),
        outcome=Decision.Outcome.NOT_ADOPTED, reasons="財源がない",
        expected_version=proposal.version,
    )


def test_it_sends_the_decision_back_and_the_department_decides_again(
    waiting, people, department_officer
):
    refused = services.decision_countersign_refuse(
        actor=people["desk"], decision=waiting, reason="他課の補助金が使えないか確認を"
    )
    assert refused.superseded_at is not None and refused.effective_at is None
    assert refused.countersign_refusal == "他課の補助金が使えないか確認を"
    assignment = Assignment.objects.get(pk=waiting.assignment_id)
    assert assignment.state == Assignment.State.OPEN
    event = AuditEvent.objects.get(action="proposals.decision.countersign_refuse")
    assert event.reason == "他課の補助金が使えないか確認を"
    assert Notice.objects.filter(kind="proposals.countersign_refused",
                                 recipient=department_officer).exists()
    proposal = Proposal.objects.get(pk=assignment.proposal_id)
    adopted = services.decision_record(
        actor=department_officer, assignment=assignment, outcome=Decision.Outcome.ADOPT_LATER_YEAR,
        form="cooperation", expected_version=proposal.version,
    )
    assert adopted.effective_at is not None
    proposal.refresh_from_db()
    assert proposal.state == S.DECIDED


def test_it_needs_a_reason(waiting, people):
    with pytest.raises(ValidationError) as error:
        services.decision_countersign_refuse(actor=people["desk"], decision=waiting, reason=" ")
    assert "reason" in error.value.message_dict
    waiting.refresh_from_db()
    assert waiting.superseded_at is None


def test_only_the_desk_may_refuse(waiting, department_officer, other_body_admin):
    for person in (department_officer, other_body_admin):
        with pytest.raises(PermissionDenied):
            services.decision_countersign_refuse(actor=person, decision=waiting, reason="x")


def test_a_countersigned_decision_cannot_be_refused_afterwards(waiting, people):
    services.decision_countersign(actor=people["desk"], decision=waiting)
    with pytest.raises(ProposalTransitionError):
        services.decision_countersign_refuse(actor=people["desk"], decision=waiting, reason="x")


def test_the_desk_refuses_from_the_workspace_and_a_bad_form_keeps_nothing_lost(
    client, waiting, people
):
    proposal = waiting.assignment.proposal
    client.force_login(people["desk"])
    refuse = url("desk_countersign_refuse", proposal.pk, waiting.pk)
    assert refuse in client.get(url("desk_proposal", proposal.pk)).content.decode()
    empty = client.post(refuse, {"reason": ""})
    assert empty.status_code == 200 and "error-summary" in empty.content.decode()
    assert client.post(refuse, {"reason": "再検討を"}).status_code == 302
    page = client.get(url("desk_proposal", proposal.pk)).content.decode()
    assert "再検討を" in page
    english = client.get("/en" + url("desk_proposal", proposal.pk)).content.decode()
    assert "the desk did not countersign" in english
