import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kyoso.core.models import AuditEvent
from kyoso.proposals import services
from kyoso.proposals.models import Proposal

from .factories import make_draft, submit, walk


def test_it_saves_an_incomplete_draft_any_number_of_times(cso_member, prefecture):
    proposal = make_draft(cso_member, prefecture, title="", content="", background="")
    for text in ("一行目", "一行目と二行目"):
        proposal = services.proposal_update_draft(actor=cso_member, proposal=proposal, content=text)
    assert proposal.content == "一行目と二行目"
    assert proposal.state == Proposal.State.DRAFT
    assert proposal.version == 3


def test_it_asks_for_missing_sections_only_at_submit(cso_member, prefecture):
    proposal = make_draft(cso_member, prefecture, content="", expected_effect=" ")
    with pytest.raises(ValidationError) as error:
        submit(proposal, cso_member)
    assert set(error.value.message_dict) == {"content", "expected_effect"}
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.DRAFT and proposal.reference == ""


def test_it_submits_with_a_reference_a_due_date_and_a_first_revision(draft, cso_member, prefecture):
    prefecture.answer_days = 45
    prefecture.save()
    proposal = submit(draft, cso_member)
    assert proposal.state == Proposal.State.SUBMITTED
    assert proposal.reference.startswith(f"410004-{proposal.fiscal_year}-")
    assert (proposal.due_at - proposal.submitted_at).days == 45
    assert proposal.revisions.get().number == 1
    event = AuditEvent.objects.for_target(proposal).get(action="proposals.submit")
    assert (event.from_state, event.to_state, event.actor) == ("draft", "submitted", cso_member)


def test_it_keeps_the_reference_and_a_revision_when_resubmitted(
    draft, cso_member, desk_coordinator
):
    proposal = walk(draft, Proposal.State.RETURNED, proposer=cso_member, desk=desk_coordinator)
    reference = proposal.reference
    assert proposal.state_reason == "予算を明記"
    assert proposal.messages.get().text == "予算を明記"
    proposal = services.proposal_update_draft(
        actor=cso_member, proposal=proposal, budget_yen=500_000
    )
    proposal = submit(proposal, cso_member)
    assert proposal.reference == reference
    second = proposal.revisions.get(number=2)
    assert second.changes == {"budget_yen": [None, 500_000]}
    assert proposal.revisions.get(number=1).snapshot["budget_yen"] is None


def test_it_revises_under_consultation_keeping_earlier_versions(draft, people):
    proposal = walk(draft, Proposal.State.IN_CONSULTATION, **people)
    proposal = services.proposal_revise(
        actor=people["proposer"], proposal=proposal, expected_version=proposal.version,
        schedule="令和8年4月から", note="日程を追記",
    )
    latest = proposal.revisions.order_by("-number").first()
    assert latest.number == 2 and latest.note == "日程を追記"
    assert "schedule" in latest.changes
    assert proposal.revisions.get(number=1).snapshot["schedule"] == ""


def test_it_refuses_a_stale_revision(draft, people):
    proposal = walk(draft, Proposal.State.ROUTED, **people)
    with pytest.raises(services.ProposalChangedError):
        services.proposal_revise(
            actor=people["proposer"], proposal=proposal, expected_version=proposal.version - 1,
            schedule="x",
        )


def test_it_keeps_confidential_text_out_of_the_audit_trail(draft, cso_member):
    services.proposal_update_draft(
        actor=cso_member, proposal=draft, content="秘密のアイデア",
        confidential_sections=["content"],
    )
    event = AuditEvent.objects.for_target(draft).get(action="proposals.update_draft")
    assert "秘密のアイデア" not in str(event.changes)
    assert event.changes["content"] == ["…", "…"]


def test_it_refuses_unknown_confidential_sections(draft, cso_member):
    with pytest.raises(ValidationError):
        services.proposal_update_draft(
            actor=cso_member, proposal=draft, confidential_sections=["title"]
        )


def test_it_lets_only_the_proposing_organization_draft(outsider, prefecture, cso_member):
    from .factories import organization_of

    with pytest.raises(PermissionDenied):
        services.proposal_create_draft(
            actor=outsider, body=prefecture, organization=organization_of(cso_member), title="x"
        )


def test_it_refuses_catalog_projects_of_another_body(draft, cso_member, other_prefecture):
    from kyoso.catalog.tests.factories import CatalogProjectFactory

    foreign = CatalogProjectFactory(department__body=other_prefecture)
    with pytest.raises(ValidationError) as error:
        services.proposal_update_draft(
            actor=cso_member, proposal=draft, target_projects=[foreign]
        )
    assert "target_projects" in error.value.message_dict


def test_it_withdraws_and_cancels_open_assignments(draft, people):
    proposal = walk(draft, Proposal.State.ROUTED, **people)
    proposal = services.proposal_withdraw(
        actor=people["proposer"], proposal=proposal, reason="辞退"
    )
    assert proposal.state == Proposal.State.WITHDRAWN
    assert proposal.assignments.get().state == "cancelled"
