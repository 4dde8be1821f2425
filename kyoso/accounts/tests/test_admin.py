"""Platform administrators manage users in the Django admin; nobody else gets in."""

import pytest

from kyoso.accounts.models import User


@pytest.mark.django_db
def test_it_lists_and_finds_users_for_a_platform_administrator(client, platform_admin, outsider):
    client.force_login(platform_admin)

    response = client.get("/admin/accounts/user/", {"q": outsider.email})

    assert response.status_code == 200
    assert outsider.email in response.content.decode()


@pytest.mark.django_db
def test_it_creates_a_user_by_email_in_the_admin(client, platform_admin):
    client.force_login(platform_admin)

    response = client.post(
        "/admin/accounts/user/add/",
        {
            "email": "new.officer@example.jp",
            "usable_password": "true",
            "password1": "a-long-enough-password",
            "password2": "a-long-enough-password",
        },
    )

    assert response.status_code == 302
    assert User.objects.get(email="new.officer@example.jp").check_password("a-long-enough-password")


@pytest.mark.django_db
def test_it_shows_a_users_change_page(client, platform_admin, outsider):
    client.force_login(platform_admin)

    assert client.get(f"/admin/accounts/user/{outsider.pk}/change/").status_code == 200


@pytest.mark.django_db
def test_it_keeps_body_administrators_out_of_the_django_admin(client, body_admin):
    client.force_login(body_admin)

    response = client.get("/admin/accounts/user/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_adding_a_user_in_the_admin_is_audited_without_the_password(client, platform_admin):
    from kyoso.core.models import AuditEvent

    client.force_login(platform_admin)
    response = client.post(
        "/admin/accounts/user/add/",
        {
            "email": "new.officer@pref.example.jp",
            "password1": "a-long-Secret-Passphrase-42",
            "password2": "a-long-Secret-Passphrase-42",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302, response.content.decode()[:300]
    event = AuditEvent.objects.get(action="admin.user.create")
    assert "Secret" not in str(event.changes)
    assert "new.officer@pref.example.jp" in str(event.changes)
