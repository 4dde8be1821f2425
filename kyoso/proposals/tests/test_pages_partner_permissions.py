"""The partner pages belong to the proposer: anyone else meets 404, staff cannot edit."""

import pytest

from kyoso.organizations.tests.factories import OrganizationMembershipFactory
from kyoso.proposals.models import Proposal

from .factories import make_draft, submit
from .partner_pages import signed_in, url

PAGES = [
    ("task_list", ()), ("section", ("about",)), ("section", ("content",)), ("partners", ()),
    ("attachments", ()), ("check", ()), ("print", ()), ("withdraw", ()), ("revisions", ()),
]


@pytest.mark.parametrize(("name", "extra"), PAGES)
def test_a_member_of_another_organization_gets_404(client, draft, name, extra):
    other = OrganizationMembershipFactory(role="admin").user
    response = signed_in(client, other).get(url(name, draft.pk, *extra))
    assert response.status_code == 404


@pytest.mark.parametrize("staff", ["desk_coordinator", "body_admin", "department_officer",
                                   "other_body_admin", "platform_admin"])
def test_staff_cannot_open_or_edit_a_partner_draft(client, draft, staff, request):
    client = signed_in(client, request.getfixturevalue(staff))
    assert client.get(url("section", draft.pk, "content")).status_code == 404
    response = client.post(url("section", draft.pk, "content"), {"content": "書き換え"})
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.content != "書き換え"


def test_the_desk_cannot_edit_a_submitted_proposal_through_these_pages(
    client, cso_member, prefecture, desk_coordinator
):
    proposal = submit(make_draft(cso_member, prefecture), cso_member)
    client = signed_in(client, desk_coordinator)
    response = client.post(url("section", proposal.pk, "content"), {"content": "書き換え"})
    assert response.status_code == 404
    assert client.post(url("withdraw", proposal.pk)).status_code == 404
    proposal.refresh_from_db()
    assert proposal.content != "書き換え" and proposal.state == "submitted"


def test_the_proposer_cannot_edit_a_submitted_proposal(client, cso_member, prefecture):
    proposal = submit(make_draft(cso_member, prefecture), cso_member)
    client = signed_in(client, cso_member)
    response = client.post(url("section", proposal.pk, "content"), {"content": "後から変更"})
    assert response.status_code == 302 and response.url == url("task_list", proposal.pk)
    proposal.refresh_from_db()
    assert proposal.content != "後から変更"


def test_an_anonymous_visitor_is_asked_to_log_in(client, draft):
    response = client.get(url("task_list", draft.pk))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_partner_that_has_not_agreed_cannot_consent_for_another_organization(
    client, cso_member, prefecture
):
    from kyoso.proposals import services

    from .factories import organization_of

    other = OrganizationMembershipFactory(role="admin").user
    draft = make_draft(other, prefecture)
    link = services.proposal_partner_add(
        actor=other, proposal=draft, organization=organization_of(cso_member), role="co_proposer"
    )
    stranger = OrganizationMembershipFactory(role="admin").user
    assert signed_in(client, stranger).post(url("partner_consent", link.pk)).status_code == 404
    link.refresh_from_db()
    assert link.consented_at is None
    assert Proposal.objects.get().state == "draft"
