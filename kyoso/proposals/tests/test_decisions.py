import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kyoso.core.choices import CollaborationForm
from kyoso.proposals import services
from kyoso.proposals.models import Assignment, Decision, Proposal

from .factories import walk

Outcome = Decision.Outcome


def decide(officer, assignment, outcome, reasons="", form="", version=None):
    proposal = assignment.proposal
    proposal.refresh_from_db()
    return services.decision_record(
        actor=officer, assignment=assignment, outcome=outcome, form=form, reasons=reasons,
        expected_version=proposal.version if version is None else version,
    )


@pytest.fixture
def routed(draft, people):
    return walk(draft, Proposal.State.ROUTED, **people)


def test_it_decides_the_proposal_when_its_department_adopts(routed, department_officer):
    decision = decide(department_officer, routed.assignments.get(), Outcome.ADOPT_THIS_YEAR,
                      form=CollaborationForm.OUTSOURCING)
    routed.refresh_from_db()
    assert decision.is_effective and routed.state == Proposal.State.DECIDED
    assert routed.decided_at is not None
    assert routed.assignments.get().state == Assignment.State.ANSWERED


def test_it_waits_for_every_department(
    draft, people, other_department, other_department_officer
):
    people["departments"].append(other_department)
    proposal = walk(draft, Proposal.State.ROUTED, **people)
    first = proposal.assignments.get(department=people["departments"][0])
    second = proposal.assignments.get(department=other_department)
    decide(people["officer"], first, Outcome.NOT_ADOPTED, reasons="予算がない")
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.ROUTED
    decide(other_department_officer, second, Outcome.TAKEN_AS_OPINION, reasons="参考にする")
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.DECIDED


def test_it_requires_reasons_unless_adopted(routed, department_officer):
    assignment = routed.assignments.get()
    for outcome in (Outcome.NOT_ADOPTED, Outcome.TAKEN_AS_OPINION):
        with pytest.raises(ValidationError) as error:
            decide(department_officer, assignment, outcome, reasons="  ")
        assert "reasons" in error.value.message_dict
    decision = decide(department_officer, assignment, Outcome.ADOPT_LATER_YEAR,
                      form=CollaborationForm.SUBSIDY)
    assert decision.reasons == ""


def test_the_database_requires_reasons_unless_adopted(routed, department_officer):
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(
            assignment=routed.assignments.get(), outcome=Outcome.NOT_ADOPTED, reasons="",
            decided_at=timezone.now(), needs_countersignature=False,
        )


def test_it_refuses_a_stale_version_so_two_officers_cannot_both_win(
    routed, department_officer, prefecture, department
):
    from kyoso.organizations.models import BodyMembership
    from kyoso.organizations.tests.factories import StaffMembershipFactory

    colleague = StaffMembershipFactory(
        body=prefecture, role=BodyMembership.Role.DEPARTMENT, department=department
    ).user
    assignment = routed.assignments.get()
    seen = routed.version
    decide(department_officer, assignment, Outcome.ADOPT_THIS_YEAR, form="outsourcing",
           version=seen)
    with pytest.raises(services.ProposalTransitionError):
        decide(colleague, assignment, Outcome.NOT_ADOPTED, reasons="反対", version=seen)
    assert Decision.objects.filter(assignment=assignment).count() == 1


def test_it_refuses_a_stale_version_before_anything_else(routed, department_officer):
    with pytest.raises(services.ProposalChangedError):
        decide(department_officer, routed.assignments.get(), Outcome.ADOPT_THIS_YEAR,
               form="outsourcing", version=routed.version - 1)


def test_it_lets_only_the_assigned_department_decide(
    routed, other_department_officer, desk_coordinator, body_admin
):
    for person in (other_department_officer, desk_coordinator, body_admin):
        with pytest.raises(PermissionDenied):
            decide(person, routed.assignments.get(), Outcome.ADOPT_THIS_YEAR, form="outsourcing")


def test_a_non_adoption_waits_for_the_desks_countersignature_under_the_principle_of_yes(
    routed, department_officer, desk_coordinator, prefecture
):
    prefecture.principle_of_yes = True
    prefecture.save()
    decision = decide(department_officer, routed.assignments.get(), Outcome.NOT_ADOPTED,
                      reasons="前例がない")
    routed.refresh_from_db()
    assert decision.needs_countersignature and not decision.is_effective
    assert routed.state == Proposal.State.ROUTED
    with pytest.raises(PermissionDenied):
        services.decision_countersign(actor=department_officer, decision=decision)
    decision = services.decision_countersign(actor=desk_coordinator, decision=decision)
    routed.refresh_from_db()
    assert decision.is_effective and decision.countersigned_by == desk_coordinator
    assert routed.state == Proposal.State.DECIDED


def test_an_adoption_needs_no_countersignature(routed, department_officer, prefecture):
    prefecture.principle_of_yes = True
    prefecture.save()
    decision = decide(department_officer, routed.assignments.get(), Outcome.ADOPT_BY_ABOLITION,
                      form="cooperation")
    assert not decision.needs_countersignature and decision.is_effective
    with pytest.raises(services.ProposalTransitionError):
        services.decision_countersign(actor=department_officer, decision=decision)


def test_a_department_may_decide_again_before_countersignature(
    routed, department_officer, prefecture
):
    prefecture.principle_of_yes = True
    prefecture.save()
    assignment = routed.assignments.get()
    first = decide(department_officer, assignment, Outcome.NOT_ADOPTED, reasons="難しい")
    second = decide(department_officer, assignment, Outcome.ADOPT_THIS_YEAR, form="co_hosting")
    first.refresh_from_db()
    assert first.superseded_at is not None
    assert assignment.decisions.current().get() == second and second.is_effective


def test_the_database_refuses_an_uncountersigned_effect(routed):
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(
            assignment=routed.assignments.get(), outcome=Outcome.NOT_ADOPTED, reasons="x",
            decided_at=timezone.now(), needs_countersignature=True, effective_at=timezone.now(),
        )
