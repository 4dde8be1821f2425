import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from kyoso.core.models import AuditEvent
from kyoso.proposals import services
from kyoso.proposals.models import Proposal
from kyoso.proposals.selectors import proposal_for, proposals_visible_to, visible_sections

from .factories import walk


@pytest.fixture
def protected(draft, people):
    proposal = services.proposal_update_draft(
        actor=people["proposer"], proposal=draft, content="秘密のアイデア",
        confidential_sections=["content"],
    )
    return walk(proposal, Proposal.State.ROUTED, **people)


def test_a_draft_is_the_proposers_alone(draft, cso_member, desk_coordinator, body_admin):
    assert list(proposals_visible_to(cso_member)) == [draft]
    for user in (desk_coordinator, body_admin, AnonymousUser()):
        assert not proposals_visible_to(user).exists()
    with pytest.raises(Http404):
        proposal_for(desk_coordinator, draft.pk)


def test_staff_see_their_bodys_or_their_assigned_proposals_only(
    protected, desk_coordinator, department_officer, other_department_officer,
    other_body_admin, outsider,
):
    assert proposal_for(desk_coordinator, protected.pk) == protected
    assert proposal_for(department_officer, protected.pk) == protected
    for user in (other_department_officer, other_body_admin, outsider, AnonymousUser()):
        assert not proposals_visible_to(user).exists()
        with pytest.raises(Http404):
            proposal_for(user, protected.pk)


def test_the_public_sees_only_published_results(protected, people, outsider):
    proposal = walk(protected, Proposal.State.DECIDED, **people)
    assert not proposals_visible_to(AnonymousUser()).exists()
    services.proposal_publish(actor=people["desk"], proposal=proposal)
    assert list(proposals_visible_to(AnonymousUser())) == [proposal]
    assert list(proposals_visible_to(outsider)) == [proposal]


def test_it_hides_protected_sections_and_logs_each_read(
    protected, desk_coordinator, department_officer, body_admin, other_department_officer
):
    for user in (desk_coordinator, department_officer):
        content = {s.name: s for s in visible_sections(user, protected)}["content"]
        assert content.text == "秘密のアイデア" and content.confidential
    hidden = {s.name: s for s in visible_sections(body_admin, protected)}["content"]
    assert hidden.hidden
    reads = AuditEvent.objects.for_target(protected).filter(action="proposals.confidential.read")
    assert sorted(event.actor_id for event in reads) == sorted(
        [desk_coordinator.pk, department_officer.pk]
    )
    assert reads.first().changes == {"sections": ["content"]}


def test_it_logs_nothing_for_unprotected_sections(draft, cso_member):
    sections = visible_sections(cso_member, draft)
    assert all(section.text is not None for section in sections)
    assert not AuditEvent.objects.filter(action="proposals.confidential.read").exists()


def test_released_sections_are_no_longer_protected(protected, people, body_admin):
    services.proposal_release_confidential(actor=people["proposer"], proposal=protected)
    protected.refresh_from_db()
    content = {s.name: s for s in visible_sections(body_admin, protected)}["content"]
    assert content.text == "秘密のアイデア" and not content.confidential
