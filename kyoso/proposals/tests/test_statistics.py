from kyoso.core.choices import CollaborationForm
from kyoso.organizations.tests.factories import OrganizationMembershipFactory
from kyoso.proposals import services
from kyoso.proposals.models import Decision, Proposal
from kyoso.proposals.selectors import decided_counts

from .factories import make_draft, walk

Outcome = Decision.Outcome


def test_it_counts_a_proposal_once_per_department_that_decided_it(
    draft, people, other_department, other_department_officer, prefecture
):
    people["departments"].append(other_department)
    proposal = walk(draft, Proposal.State.ROUTED, **people)
    services.decision_record(
        actor=people["officer"], assignment=proposal.assignments.get(
            department=people["departments"][0]),
        outcome=Outcome.ADOPT_THIS_YEAR, form=CollaborationForm.OUTSOURCING,
        expected_version=proposal.version,
    )
    proposal.refresh_from_db()
    services.decision_record(
        actor=other_department_officer,
        assignment=proposal.assignments.get(department=other_department),
        outcome=Outcome.NOT_ADOPTED, reasons="予算なし", expected_version=proposal.version,
    )
    # A second organization, whose proposal is still waiting, is not counted yet.
    waiting_member = OrganizationMembershipFactory().user
    walk(make_draft(waiting_member, prefecture), Proposal.State.ROUTED,
         proposer=waiting_member, desk=people["desk"], departments=[people["departments"][0]])
    counts = decided_counts(prefecture, proposal.fiscal_year)
    assert counts == {
        "proposals": 2, "adopted": 1, "proposing_organizations": 1, "adoption_rate": 50,
    }
    assert decided_counts(prefecture, proposal.fiscal_year - 1)["proposals"] == 0


def test_a_non_adoption_awaiting_countersignature_is_not_counted(draft, people, prefecture):
    prefecture.principle_of_yes = True
    prefecture.save()
    proposal = walk(draft, Proposal.State.ROUTED, **people)
    services.decision_record(
        actor=people["officer"], assignment=proposal.assignments.get(), outcome=Outcome.NOT_ADOPTED,
        reasons="前例なし", expected_version=proposal.version,
    )
    assert decided_counts(prefecture, proposal.fiscal_year)["proposals"] == 0
