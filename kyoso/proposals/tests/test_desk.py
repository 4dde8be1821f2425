import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kyoso.core.models import AuditEvent
from kyoso.organizations.tests.factories import DepartmentFactory
from kyoso.proposals import services
from kyoso.proposals.models import Assignment, Proposal

from .factories import walk


def test_it_accepts_a_submitted_proposal_into_screening(draft, people):
    proposal = walk(draft, Proposal.State.SCREENING, **people)
    assert proposal.state == Proposal.State.SCREENING
    assert AuditEvent.objects.for_target(proposal).filter(action="proposals.accept").exists()


def test_it_needs_comments_to_return_and_a_reason_to_close(draft, people):
    proposal = walk(draft, Proposal.State.SCREENING, **people)
    with pytest.raises(ValidationError):
        services.proposal_return(actor=people["desk"], proposal=proposal, comments="  ")
    with pytest.raises(ValidationError):
        services.proposal_close_out_of_scope(actor=people["desk"], proposal=proposal, reason="")
    closed = services.proposal_close_out_of_scope(
        actor=people["desk"], proposal=proposal, reason="県の所管外"
    )
    event = AuditEvent.objects.for_target(closed).get(action="proposals.out_of_scope")
    assert (event.from_state, event.to_state, event.reason) == (
        "screening", "out_of_scope", "県の所管外",
    )


def test_it_routes_to_departments_due_after_the_bodys_days(
    draft, people, other_department, prefecture
):
    prefecture.answer_days = 30
    prefecture.save()
    proposal = walk(draft, Proposal.State.SCREENING, **people)
    proposal = services.proposal_route(
        actor=people["desk"], proposal=proposal,
        departments=[people["departments"][0], other_department],
    )
    assert proposal.state == Proposal.State.ROUTED
    assignments = list(proposal.assignments.all())
    assert len(assignments) == 2
    assert all((a.due_at - a.assigned_at).days in (29, 30) for a in assignments)
    routed = services.proposal_route(
        actor=people["desk"], proposal=proposal,
        departments=[DepartmentFactory(body=prefecture)], due_days=7,
    )
    assert routed.assignments.count() == 3 and routed.state == Proposal.State.ROUTED


def test_it_refuses_departments_of_another_body_or_twice_the_same(
    draft, people, other_prefecture
):
    proposal = walk(draft, Proposal.State.ROUTED, **people)
    with pytest.raises(ValidationError):
        services.proposal_route(
            actor=people["desk"], proposal=proposal,
            departments=[DepartmentFactory(body=other_prefecture)],
        )
    with pytest.raises(ValidationError):
        services.proposal_route(
            actor=people["desk"], proposal=proposal, departments=people["departments"]
        )


def test_the_database_holds_one_live_assignment_per_department(draft, people):
    proposal = walk(draft, Proposal.State.ROUTED, **people)
    first = proposal.assignments.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Assignment.objects.create(
            proposal=proposal, department=first.department, due_at=first.due_at
        )


def test_it_reassigns_an_open_assignment(draft, people, other_department, other_department_officer):
    proposal = walk(draft, Proposal.State.ROUTED, **people)
    old = proposal.assignments.get()
    new = services.assignment_reassign(
        actor=people["desk"], assignment=old, department=other_department, reason="所管違い"
    )
    old.refresh_from_db()
    assert old.state == Assignment.State.REASSIGNED and old.reassigned_to == new
    assert new.department == other_department and new.state == Assignment.State.OPEN
    assert not people["officer"].has_perm("proposals.view_proposal", proposal)
    assert other_department_officer.has_perm("proposals.view_proposal", proposal)


def test_it_forwards_between_a_prefecture_and_its_municipality(draft, people, municipality):
    proposal = walk(draft, Proposal.State.SCREENING, **people)
    copy = services.proposal_forward(
        actor=people["desk"], proposal=proposal, to_body=municipality, reason="市の事業です"
    )
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.CLOSED
    assert copy.body == municipality and copy.state == Proposal.State.SUBMITTED
    assert copy.reference.startswith("412015-") and copy.forwarded_from == proposal
    assert copy.content == proposal.content


def test_it_forwards_nowhere_else(draft, people, other_prefecture):
    proposal = walk(draft, Proposal.State.SCREENING, **people)
    with pytest.raises(ValidationError):
        services.proposal_forward(
            actor=people["desk"], proposal=proposal, to_body=other_prefecture, reason="x"
        )


def test_it_publishes_and_closes_a_decided_proposal(draft, people):
    proposal = walk(draft, Proposal.State.DECIDED, **people)
    proposal = services.proposal_publish(actor=people["desk"], proposal=proposal)
    assert proposal.published_at is not None
    proposal = services.proposal_close(actor=people["desk"], proposal=proposal)
    assert proposal.state == Proposal.State.CLOSED
