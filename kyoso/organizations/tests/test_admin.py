"""Platform administrators set up bodies, departments and organizations in the Django admin."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model",
    ["governmentbody", "department", "bodymembership", "organization", "organizationmembership"],
)
def test_the_admin_lists_and_adds_every_model(
    client, platform_admin, department, cso_member, model
):
    client.force_login(platform_admin)

    assert client.get(f"/admin/organizations/{model}/").status_code == 200
    assert client.get(f"/admin/organizations/{model}/add/").status_code == 200


@pytest.mark.django_db
def test_the_admin_searches_bodies_by_code(client, platform_admin, prefecture, other_prefecture):
    client.force_login(platform_admin)

    html = client.get("/admin/organizations/governmentbody/", {"q": "410004"}).content.decode()

    assert "佐賀県" in html
    assert "茨城県" not in html


@pytest.mark.django_db
def test_admin_changes_to_memberships_are_audited(client, platform_admin, prefecture):
    from kyoso.core.models import AuditEvent
    from kyoso.organizations.models import BodyMembership
    from kyoso.organizations.tests.factories import UserFactory

    person = UserFactory()
    client.force_login(platform_admin)
    response = client.post(
        "/admin/organizations/bodymembership/add/",
        {"user": person.pk, "body": prefecture.pk, "role": "body_admin", "department": ""},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    membership = BodyMembership.objects.get(user=person)
    event = AuditEvent.objects.get(action="admin.bodymembership.create")
    assert event.target_id == str(membership.pk)
    assert event.body_code == prefecture.code
    assert event.actor == platform_admin
