"""Removing members and leaving; an organization always keeps an administrator."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kyoso.core.models import AuditEvent
from kyoso.organizations import services
from kyoso.organizations.models import OrganizationMembership
from kyoso.organizations.tests.factories import OrganizationMembershipFactory


@pytest.fixture
def admin_membership(db):
    return OrganizationMembershipFactory(role=OrganizationMembership.Role.ADMIN)


@pytest.fixture
def member(admin_membership):
    return OrganizationMembershipFactory(organization=admin_membership.organization)


@pytest.mark.django_db
def test_an_administrator_removes_a_member(client, admin_membership, member):
    client.force_login(admin_membership.user)

    client.post(f"/organizations/{member.organization_id}/members/{member.pk}/remove/")

    assert not OrganizationMembership.objects.filter(pk=member.pk).exists()
    assert AuditEvent.objects.filter(action="organizations.membership.remove").exists()
    assert not member.user.has_perm("organizations.view_members", member.organization)


@pytest.mark.django_db
def test_a_member_leaves(client, member):
    client.force_login(member.user)

    client.post(f"/organizations/{member.organization_id}/leave/")

    assert not OrganizationMembership.objects.filter(pk=member.pk).exists()
    assert AuditEvent.objects.filter(action="organizations.membership.leave").exists()


@pytest.mark.django_db
def test_a_member_cannot_remove_someone_else(admin_membership, member):
    with pytest.raises(PermissionDenied):
        services.membership_remove(actor=member.user, membership=admin_membership)


@pytest.mark.django_db
def test_the_last_administrator_can_neither_leave_nor_be_demoted(client, admin_membership, member):
    with pytest.raises(ValidationError):
        services.membership_remove(actor=admin_membership.user, membership=admin_membership)
    with pytest.raises(ValidationError):
        services.membership_set_role(
            actor=admin_membership.user,
            membership=admin_membership,
            role=OrganizationMembership.Role.MEMBER,
        )
    client.force_login(admin_membership.user)

    response = client.post(
        f"/en/organizations/{admin_membership.organization_id}/leave/", follow=True
    )

    assert "needs at least one administrator" in response.content.decode()
    assert OrganizationMembership.objects.filter(pk=admin_membership.pk).exists()


@pytest.mark.django_db
def test_an_administrator_may_leave_once_another_is_appointed(client, admin_membership, member):
    client.force_login(admin_membership.user)
    client.post(f"/organizations/{member.organization_id}/members/{member.pk}/make_admin/")
    member.refresh_from_db()
    assert member.role == OrganizationMembership.Role.ADMIN

    services.membership_remove(actor=admin_membership.user, membership=admin_membership)

    assert not OrganizationMembership.objects.filter(pk=admin_membership.pk).exists()


@pytest.mark.django_db
def test_an_unknown_action_is_404(client, admin_membership, member):
    client.force_login(admin_membership.user)

    response = client.post(f"/organizations/{member.organization_id}/members/{member.pk}/promote/")

    assert response.status_code == 404


@pytest.mark.django_db
def test_a_membership_of_another_organization_is_404(client, admin_membership):
    elsewhere = OrganizationMembershipFactory()
    client.force_login(admin_membership.user)

    response = client.post(
        f"/organizations/{admin_membership.organization_id}/members/{elsewhere.pk}/remove/"
    )

    assert response.status_code == 404
    assert OrganizationMembership.objects.filter(pk=elsewhere.pk).exists()
