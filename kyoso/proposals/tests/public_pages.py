"""A published result reached through the real services, for the public pages' tests."""

from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.core.choices import CollaborationForm
from kyoso.proposals import services
from kyoso.proposals.models import Decision, Proposal

from .factories import make_draft, walk

SECRET = "誰にも見せたくない独自の手法"
TITLE = "難病サポーターズクラブの設立"
REASONS = "同様の事業を既に実施しているため"


def published_result(*, proposer, desk, department, officer, other_department, other_officer,
                     body, publish=True) -> Proposal:
    """Decided by two departments (one adopts, one does not), with protected sections."""
    project = CatalogProjectFactory(department=department, name="難病患者就労支援事業")
    draft = make_draft(
        proposer, body, title=TITLE, content=SECRET, background=SECRET,
        confidential_sections=["content", "background"], target_projects=[project],
        is_new_project=False,
    )
    proposal = walk(draft, Proposal.State.ROUTED, proposer=proposer, desk=desk,
                    departments=[department, other_department])
    services.decision_record(
        actor=officer, assignment=proposal.assignments.get(department=department),
        outcome=Decision.Outcome.ADOPT_THIS_YEAR, form=CollaborationForm.COOPERATION,
        expected_version=proposal.version,
    )
    proposal.refresh_from_db()
    services.decision_record(
        actor=other_officer, assignment=proposal.assignments.get(department=other_department),
        outcome=Decision.Outcome.NOT_ADOPTED, reasons=REASONS, expected_version=proposal.version,
    )
    proposal.refresh_from_db()
    if publish:
        proposal = services.proposal_publish(actor=desk, proposal=proposal)
    proposal.target = project
    return proposal
