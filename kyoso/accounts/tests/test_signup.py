"""A partner signs up, confirms the e-mail address from the message, and can then log in."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from kyoso.accounts.models import User

from .helpers import link_in

PASSWORD = "kumamon-and-mikan-2025"


def _sign_up(client, email="hanako@example.jp", prefix=""):
    return client.post(
        f"{prefix}/accounts/signup/",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


@pytest.mark.django_db
def test_it_sends_a_confirmation_email_and_does_not_log_in_before_confirmation(client):
    response = _sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["hanako@example.jp"]
    assert not EmailAddress.objects.get(email="hanako@example.jp").verified
    assert client.get("/accounts/me/").status_code == 302


@pytest.mark.django_db
def test_it_confirms_the_address_from_the_link_and_logs_the_person_in(client):
    _sign_up(client)
    path = link_in(mail.outbox[0].body, "/accounts/confirm-email/")

    assert client.get(path).status_code == 200
    response = client.post(path)

    assert response.status_code == 302
    assert EmailAddress.objects.get(email="hanako@example.jp").verified
    assert client.get("/accounts/me/").status_code == 200


@pytest.mark.django_db
def test_it_lets_a_confirmed_person_log_in_with_the_password(client):
    _sign_up(client)
    client.post(link_in(mail.outbox[0].body, "/accounts/confirm-email/"))
    client.post("/accounts/logout/")

    response = client.post("/accounts/login/", {"login": "hanako@example.jp", "password": PASSWORD})

    assert response.status_code == 302
    page = client.get("/accounts/me/")
    assert page.status_code == 200
    assert "hanako@example.jp" in page.content.decode()


@pytest.mark.django_db
def test_it_refuses_login_before_the_address_is_confirmed(client):
    _sign_up(client)
    client.post("/accounts/logout/")

    response = client.post("/accounts/login/", {"login": "hanako@example.jp", "password": PASSWORD})

    # allauth sends a new confirmation instead of signing the person in.
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert client.get("/accounts/me/").status_code == 302


@pytest.mark.django_db
def test_it_writes_the_confirmation_email_in_english_for_an_english_sign_up(client):
    _sign_up(client, prefix="/en")

    message = mail.outbox[0]
    assert message.subject == "[Kyoso] Please Confirm Your Email Address"
    assert "testserver" not in message.body.splitlines()[0]
    assert "/en/accounts/confirm-email/" in message.body


@pytest.mark.django_db
def test_it_writes_the_confirmation_email_in_japanese_by_default(client):
    _sign_up(client)

    assert "メールアドレスを確認してください" in mail.outbox[0].subject


@pytest.mark.django_db
def test_it_stores_the_address_as_the_login_without_a_username(client):
    _sign_up(client, email="Taro@Example.JP")

    user = User.objects.get()
    assert user.email.lower() == "taro@example.jp"
    assert not hasattr(user, "username") or user.username is None


@pytest.mark.django_db
def test_it_keeps_what_was_typed_and_explains_a_weak_password(client):
    response = client.post(
        "/accounts/signup/", {"email": "jiro@example.jp", "password1": "123", "password2": "123"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert 'value="jiro@example.jp"' in html
    assert "このパスワードは短すぎます" in html
    assert not User.objects.exists()


@pytest.mark.django_db
def test_it_quietly_drops_a_sign_up_that_filled_the_honeypot(client):
    client.post(
        "/accounts/signup/",
        {
            "email": "bot@example.jp",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "website": "http://spam.example",
        },
    )

    assert not User.objects.filter(email="bot@example.jp").exists()
