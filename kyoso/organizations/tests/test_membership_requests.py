"""Asking to join an organization, and its administrators approving or declining."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from kyoso.core.models import AuditEvent
from kyoso.organizations import services
from kyoso.organizations.models import OrganizationMembership
from kyoso.organizations.tests.factories import OrganizationMembershipFactory


@pytest.fixture
def admin_membership(db):
    return OrganizationMembershipFactory(
        role=OrganizationMembership.Role.ADMIN, user__email="admin@npo.example.jp"
    )


@pytest.fixture
def organization(admin_membership):
    return admin_membership.organization


@pytest.mark.django_db
def test_it_records_a_pending_request_and_tells_the_administrators(
    client, organization, outsider, django_capture_on_commit_callbacks
):
    client.force_login(outsider)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/organizations/{organization.pk}/join/")

    assert response.status_code == 302
    membership = OrganizationMembership.objects.get(user=outsider)
    assert membership.status == OrganizationMembership.Status.PENDING
    assert [m.to for m in mail.outbox] == [["admin@npo.example.jp"]]
    assert outsider.email in mail.outbox[0].body
    assert f"/organizations/{organization.pk}/members/" in mail.outbox[0].body
    assert AuditEvent.objects.filter(action="organizations.membership.request").exists()


# Each e-mail is written in its recipient's language, not the page's: test_membership_emails.


@pytest.mark.django_db
def test_it_sends_nothing_when_the_transaction_fails(
    organization, outsider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.membership_request(actor=outsider, organization=organization)

    assert len(callbacks) == 1
    assert mail.outbox == []


@pytest.mark.django_db
def test_it_refuses_a_second_request(organization, outsider):
    services.membership_request(actor=outsider, organization=organization)

    with pytest.raises(ValidationError):
        services.membership_request(actor=outsider, organization=organization)
    assert OrganizationMembership.objects.filter(user=outsider).count() == 1


@pytest.mark.django_db
def test_it_refuses_a_request_from_a_member(organization, admin_membership):
    with pytest.raises(ValidationError):
        services.membership_request(actor=admin_membership.user, organization=organization)


@pytest.mark.django_db
def test_an_administrator_approves_and_the_person_is_told(
    client, organization, admin_membership, outsider, django_capture_on_commit_callbacks
):
    membership = services.membership_request(actor=outsider, organization=organization)
    mail.outbox.clear()
    client.force_login(admin_membership.user)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/organizations/{organization.pk}/members/{membership.pk}/approve/")

    membership.refresh_from_db()
    assert membership.status == OrganizationMembership.Status.ACTIVE
    assert mail.outbox[0].to == [outsider.email]
    event = AuditEvent.objects.get(action="organizations.membership.approve")
    assert (event.from_state, event.to_state, event.actor) == (
        "pending",
        "active",
        admin_membership.user,
    )
    assert outsider.has_perm("organizations.view_members", organization)


@pytest.mark.django_db
def test_an_administrator_declines_and_the_person_may_ask_again(
    client, organization, admin_membership, outsider
):
    membership = services.membership_request(actor=outsider, organization=organization)
    client.force_login(admin_membership.user)

    client.post(f"/organizations/{organization.pk}/members/{membership.pk}/decline/")

    assert not OrganizationMembership.objects.filter(user=outsider).exists()
    assert AuditEvent.objects.filter(action="organizations.membership.decline").exists()
    services.membership_request(actor=outsider, organization=organization)


@pytest.mark.django_db
def test_an_answered_request_cannot_be_answered_again(organization, admin_membership, outsider):
    membership = services.membership_request(actor=outsider, organization=organization)
    services.membership_approve(actor=admin_membership.user, membership=membership)

    with pytest.raises(ValidationError):
        services.membership_approve(actor=admin_membership.user, membership=membership)
    with pytest.raises(ValidationError):
        services.membership_decline(actor=admin_membership.user, membership=membership)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["outsider", "cso_member", "body_admin", "department_officer"])
def test_nobody_but_an_administrator_answers(organization, persona, request):
    applicant = OrganizationMembershipFactory(
        organization=organization, status=OrganizationMembership.Status.PENDING
    )
    actor = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied):
        services.membership_approve(actor=actor, membership=applicant)
    with pytest.raises(PermissionDenied):
        services.membership_decline(actor=actor, membership=applicant)


@pytest.mark.django_db
def test_a_plain_member_gets_404_on_the_members_page(client, organization):
    member = OrganizationMembershipFactory(organization=organization).user
    client.force_login(member)

    assert client.get(f"/organizations/{organization.pk}/members/").status_code == 404


@pytest.mark.django_db
def test_the_members_page_lists_pending_requests_for_the_administrator(
    client, organization, admin_membership, outsider
):
    services.membership_request(actor=outsider, organization=organization)
    client.force_login(admin_membership.user)

    html = client.get(f"/en/organizations/{organization.pk}/members/").content.decode()

    assert "Requests to join" in html
    assert outsider.email in html
    assert "Approve" in html


@pytest.mark.django_db
def test_the_person_can_withdraw_a_pending_request(client, organization, outsider):
    services.membership_request(actor=outsider, organization=organization)
    client.force_login(outsider)

    client.post(f"/organizations/{organization.pk}/leave/")

    assert not OrganizationMembership.objects.filter(user=outsider).exists()
