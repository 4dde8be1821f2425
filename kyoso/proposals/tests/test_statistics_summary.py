"""On PostgreSQL the statistics come from a summary kept by triggers (migration 0003): it must
always say what the records say, whatever changes them."""

import pytest
from django.db import connection

from kyoso.core.choices import CollaborationForm
from kyoso.organizations.models import BodyMembership
from kyoso.organizations.tests.factories import DepartmentFactory, StaffMembershipFactory
from kyoso.proposals import services
from kyoso.proposals.models import Assignment, Decision, Proposal
from kyoso.proposals.statistics import _counted_from_summary, _ids, counted_from_records

from .factories import make_draft, walk

Outcome = Decision.Outcome

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the summary and its triggers are PostgreSQL's"
)


def summary_rows() -> list[tuple]:
    """Every non-zero row of both summary tables."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT scope_id, own, fiscal_year, organization_id, decided, adopted "
            "FROM proposals_statistics_decided WHERE decided <> 0 OR adopted <> 0 "
            "ORDER BY 1, 2, 3, 4"
        )
        decided = cursor.fetchall()
        cursor.execute(
            "SELECT body_id, fiscal_year, received FROM proposals_statistics_received "
            "WHERE received <> 0 ORDER BY 1, 2"
        )
        return decided + cursor.fetchall()


def assert_summary_matches_records(*bodies):
    for body in bodies:
        from_records = {
            key: {name: row.get(name, 0) for name in
                  ("proposals", "adopted", "organizations", "bodies")}
            for key, row in counted_from_records(body).items()
        }
        from_summary = {
            key: {name: row.get(name, 0) for name in
                  ("proposals", "adopted", "organizations", "bodies")}
            for key, row in _counted_from_summary(body, _ids(body)).items()
        }
        assert from_summary == from_records
    # And a rebuild from scratch finds nothing to correct.
    before = summary_rows()
    with connection.cursor() as cursor:
        cursor.execute("SELECT proposals_statistics_rebuild()")
    assert summary_rows() == before


def test_it_follows_decisions_countersignatures_and_replacements(
    draft, people, other_department, other_department_officer, prefecture, municipality
):
    prefecture.principle_of_yes = True
    prefecture.save()
    people["departments"].append(other_department)
    proposal = walk(draft, Proposal.State.ROUTED, **people)
    assert_summary_matches_records(prefecture, municipality)

    services.decision_record(
        actor=people["officer"],
        assignment=proposal.assignments.get(department=people["departments"][0]),
        outcome=Outcome.ADOPT_THIS_YEAR, form=CollaborationForm.OUTSOURCING,
        expected_version=proposal.version,
    )
    assert_summary_matches_records(prefecture)
    # A non-adoption waits for the desk; the department changes its mind first (superseded).
    proposal.refresh_from_db()
    other = proposal.assignments.get(department=other_department)
    services.decision_record(
        actor=other_department_officer, assignment=other, outcome=Outcome.NOT_ADOPTED,
        reasons="予算なし", expected_version=proposal.version,
    )
    proposal.refresh_from_db()
    services.decision_record(
        actor=other_department_officer, assignment=other, outcome=Outcome.TAKEN_AS_OPINION,
        reasons="参考にします", expected_version=proposal.version,
    )
    assert_summary_matches_records(prefecture)
    services.decision_countersign(
        actor=people["desk"], decision=other.decisions.get(superseded_at__isnull=True)
    )
    assert_summary_matches_records(prefecture)
    rows = _counted_from_summary(prefecture, _ids(prefecture))
    assert rows[(proposal.fiscal_year, "prefecture")]["proposals"] == 2
    assert rows[(proposal.fiscal_year, "prefecture")]["adopted"] == 1

    # Changes that bypass the services are followed too.
    Decision.objects.filter(assignment=other).update(effective_at=None)
    assert_summary_matches_records(prefecture)
    Assignment.objects.filter(pk=other.pk).update(state=Assignment.State.CANCELLED)
    assert_summary_matches_records(prefecture)


def test_it_follows_reassignment_withdrawal_scope_and_deletion(
    draft, people, other_department, prefecture, municipality, cso_member
):
    proposal = walk(draft, Proposal.State.ROUTED, **people)
    services.assignment_reassign(
        actor=people["desk"], assignment=proposal.assignments.get(), department=other_department,
    )
    services.proposal_withdraw(actor=people["proposer"], proposal=Proposal.objects.get(
        pk=proposal.pk))
    city_desk = DepartmentFactory(body=municipality, name="市民協働課", is_desk=True)
    desk = StaffMembershipFactory(
        body=municipality, role=BodyMembership.Role.DESK, department=city_desk
    ).user
    walk(make_draft(cso_member, municipality), Proposal.State.OUT_OF_SCOPE,
         proposer=cso_member, desk=desk)
    make_draft(cso_member, municipality, title="下書きは数えない")
    assert_summary_matches_records(prefecture, municipality)

    decided = walk(make_draft(cso_member, prefecture, title="決まった提案"),
                   Proposal.State.DECIDED, **people)
    assert_summary_matches_records(prefecture)
    # Deleting a decided proposal with what hangs on it (as the admin would) leaves nothing.
    Decision.objects.filter(assignment__proposal=decided).delete()
    decided.assignments.all().delete()
    decided.revisions.all().delete()
    decided.delete()
    assert_summary_matches_records(prefecture, municipality)


def test_it_recounts_when_a_municipality_moves_to_another_prefecture(
    people, prefecture, other_prefecture, municipality, cso_member
):
    city = DepartmentFactory(body=municipality, name="まちづくり課")
    city_desk = DepartmentFactory(body=municipality, name="市民協働課", is_desk=True)
    desk = StaffMembershipFactory(
        body=municipality, role=BodyMembership.Role.DESK, department=city_desk
    ).user
    officer = StaffMembershipFactory(
        body=municipality, role=BodyMembership.Role.DEPARTMENT, department=city
    ).user
    walk(make_draft(cso_member, municipality), Proposal.State.DECIDED, proposer=cso_member,
         desk=desk, departments=[city], officer=officer)
    assert_summary_matches_records(prefecture, other_prefecture, municipality)
    municipality.parent = other_prefecture
    municipality.save()
    assert_summary_matches_records(prefecture, other_prefecture, municipality)
