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
