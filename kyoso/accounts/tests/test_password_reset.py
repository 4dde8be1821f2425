"""A person who forgot the password gets a link by e-mail and chooses a new one."""

import pytest
from django.core import mail

from kyoso.organizations.tests.factories import UserFactory

from .helpers import link_in

NEW_PASSWORD = "a-new-and-long-password-2025"


@pytest.fixture
def person(db):
    return UserFactory(email="hanako@example.jp")


def _request_reset(client, email, prefix=""):
    return client.post(f"{prefix}/accounts/password/reset/", {"email": email})


@pytest.mark.django_db
def test_it_sends_a_reset_link_to_a_known_address(client, person):
    response = _request_reset(client, "hanako@example.jp")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"
    assert mail.outbox[0].to == ["hanako@example.jp"]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


@pytest.mark.django_db
def test_it_does_not_reveal_whether_an_address_has_an_account(client, person):
    response = _request_reset(client, "nobody@example.jp")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"
    assert all("/accounts/password/reset/key/" not in m.body for m in mail.outbox)


@pytest.mark.django_db
def test_it_sets_the_new_password_from_the_link(client, person):
    _request_reset(client, "hanako@example.jp")
    key_page = client.get(link_in(mail.outbox[0].body, "/accounts/password/reset/key/"))
    # allauth moves the key out of the URL into the session before showing the form.
    form_path = key_page["Location"]
    assert client.get(form_path).status_code == 200

    response = client.post(form_path, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/key/done/"
    assert client.get(response["Location"]).status_code == 200
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert not person.check_password("correct horse battery")


@pytest.mark.django_db
def test_it_refuses_a_link_that_was_already_used(client, person):
    _request_reset(client, "hanako@example.jp")
    link = link_in(mail.outbox[0].body, "/accounts/password/reset/key/")
    form_path = client.get(link)["Location"]
    client.post(form_path, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    client.logout()

    page = client.get(link, follow=True)

    assert "パスワード再設定のリンクが不正です" in page.content.decode()
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)


@pytest.mark.django_db
def test_it_lets_the_person_log_in_with_the_new_password(client, person):
    _request_reset(client, "hanako@example.jp", prefix="/en")
    link = link_in(mail.outbox[0].body, "/en/accounts/password/reset/key/")
    form_path = client.get(link)["Location"]
    client.post(form_path, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    client.logout()

    response = client.post(
        "/en/accounts/login/", {"login": "hanako@example.jp", "password": NEW_PASSWORD}
    )

    assert response.status_code == 302
    assert client.get("/en/accounts/me/").status_code == 200
