"""The second factor cannot be stepped around: not through the admin, not through the API."""

import pytest
from django.core.management import CommandError, call_command

from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.organizations.models import BodyMembership
from kyoso.organizations.tests.factories import (
    BodyMembershipFactory,
    UserFactory,
    give_second_factor,
)

PASSWORD = "correct horse battery"


@pytest.mark.django_db
def test_the_admin_login_goes_through_allauth_and_its_second_factor(client):
    admin = give_second_factor(UserFactory(is_superuser=True, is_staff=True))
    response = client.post(
        "/admin/login/", {"username": admin.email, "password": PASSWORD}, follow=False
    )
    # The admin's own form is replaced by allauth's login, which then asks for the code.
    assert response.status_code in (302, 200)
    assert client.get("/admin/").status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_staff_without_a_second_factor_get_no_api_data(client, prefecture, department):
    hidden = CatalogProjectFactory(department=department, name="非公開", disclosed=False)
    officer = BodyMembershipFactory(
        body=prefecture, role=BodyMembership.Role.BODY_ADMIN
    ).user  # no TOTP yet
    client.force_login(officer)
    response = client.get("/api/v1/catalog/projects", {"body": prefecture.code})
    assert response.status_code == 403
    assert "認証アプリ" in response.json()["detail"]
    assert client.get(f"/api/v1/catalog/projects/{hidden.pk}").status_code == 403


@pytest.mark.django_db
def test_partners_use_the_api_without_a_second_factor(client, cso_member):
    client.force_login(cso_member)
    assert client.get("/api/v1/catalog/projects").status_code == 200


@pytest.mark.django_db
def test_the_demo_refuses_settings_that_do_not_allow_it(settings):
    settings.KYOSO_DEMO_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("seed_demo", "--scale", "small")
