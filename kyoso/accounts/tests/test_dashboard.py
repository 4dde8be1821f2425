"""My page shows what the person acts for, what waits for them, and links by role."""

import pytest

from kyoso.organizations.models import OrganizationMembership
from kyoso.organizations.tests.factories import OrganizationFactory, OrganizationMembershipFactory


@pytest.mark.django_db
def test_it_sends_anonymous_visitors_to_log_in(client):
    response = client.get("/accounts/me/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_it_gives_a_body_administrator_catalog_import_and_staff_links(
    client, body_admin, prefecture
):
    client.force_login(body_admin)

    html = client.get("/accounts/me/").content.decode()

    assert "/manage/catalog/" in html
    assert f"/manage/bodies/{prefecture.code}/import/" in html
    assert f"/manage/bodies/{prefecture.code}/staff/" in html


@pytest.mark.django_db
def test_it_gives_department_staff_the_catalog_but_not_administration(
    client, department_officer, prefecture
):
    client.force_login(department_officer)

    html = client.get("/accounts/me/").content.decode()

    assert "/manage/catalog/" in html
    assert "/import/" not in html
    assert "/staff/" not in html
    assert "こども家庭課" in html


@pytest.mark.django_db
def test_it_lists_the_persons_pending_requests(client, outsider):
    organization = OrganizationFactory(name="NPO法人 さがの森")
    OrganizationMembershipFactory(
        user=outsider, organization=organization, status=OrganizationMembership.Status.PENDING
    )
    client.force_login(outsider)

    html = client.get("/accounts/me/").content.decode()

    assert "参加の申請" in html
    assert "NPO法人 さがの森" in html
    assert "承認待ち" in html


@pytest.mark.django_db
def test_it_shows_an_organization_administrator_the_requests_to_answer(client):
    admin = OrganizationMembershipFactory(role=OrganizationMembership.Role.ADMIN)
    request = OrganizationMembershipFactory(
        organization=admin.organization,
        status=OrganizationMembership.Status.PENDING,
        user__email="newcomer@example.jp",
    )
    client.force_login(admin.user)

    html = client.get("/en/accounts/me/").content.decode()

    assert "newcomer@example.jp asks to join" in html
    assert f"/en/organizations/{request.organization_id}/members/" in html


@pytest.mark.django_db
def test_it_offers_partners_to_register_or_join_an_organization(client, outsider):
    client.force_login(outsider)

    html = client.get("/en/accounts/me/").content.decode()

    assert "/en/organizations/new/" in html
    assert "Find an organization to join" in html
