"""Only an organization's administrators change its profile; every change is audited."""

import pytest
from django.core.exceptions import PermissionDenied

from kyoso.core.models import AuditEvent
from kyoso.organizations import services
from kyoso.organizations.models import OrganizationMembership
from kyoso.organizations.tests.factories import OrganizationMembershipFactory


@pytest.fixture
def admin_membership(db):
    return OrganizationMembershipFactory(role=OrganizationMembership.Role.ADMIN)


@pytest.mark.django_db
def test_it_saves_changes_by_an_administrator_with_an_audit_trail(client, admin_membership):
    organization = admin_membership.organization
    client.force_login(admin_membership.user)
    form = client.get(f"/organizations/{organization.pk}/edit/")
    assert form.status_code == 200

    response = client.post(
        f"/organizations/{organization.pk}/edit/",
        {
            "name": organization.name,
            "name_kana": organization.name_kana,
            "kind": "voluntary",
            "is_intermediary": "on",
            "fields": ["environment"],
        },
    )

    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.is_intermediary and organization.kind == "voluntary"
    event = AuditEvent.objects.get(action="organizations.organization.update")
    assert event.changes["kind"] == ["npo_corporation", "voluntary"]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["outsider", "body_admin", "cso_member"])
def test_it_answers_404_to_anyone_else(client, admin_membership, persona, request):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(f"/organizations/{admin_membership.organization.pk}/edit/")

    assert response.status_code == 404


@pytest.mark.django_db
def test_a_plain_member_cannot_change_the_profile(admin_membership):
    member = OrganizationMembershipFactory(organization=admin_membership.organization).user

    with pytest.raises(PermissionDenied):
        services.organization_update(
            actor=member, organization=admin_membership.organization, data={"name": "乗っ取り"}
        )
