"""Government staff set up an authenticator app before anything else; partners are never asked."""

import pytest
from allauth.mfa.models import Authenticator

from kyoso.organizations.models import BodyMembership
from kyoso.organizations.tests.factories import (
    OrganizationMembershipFactory,
    StaffMembershipFactory,
    UserFactory,
)

from .helpers import log_in, reauthenticate, totp_code, totp_secret_of

ACTIVATE = "/accounts/2fa/totp/activate/"


@pytest.fixture
def new_staff(prefecture):
    """A department officer whose body has just added them: no second factor yet."""
    return StaffMembershipFactory(
        body=prefecture, role=BodyMembership.Role.DEPARTMENT, second_factor=False
    ).user


def _activate_through_the_page(client, prefix=""):
    client.get(f"{prefix}{ACTIVATE}")
    secret = client.session["mfa.totp.secret"]
    return client.post(f"{prefix}{ACTIVATE}", {"code": totp_code(secret)})


@pytest.mark.django_db
def test_it_sends_staff_without_a_second_factor_to_set_one_up(client, new_staff):
    client.force_login(new_staff)

    response = client.get("/accounts/me/")

    assert response.status_code == 302
    assert response["Location"] == ACTIVATE


@pytest.mark.django_db
def test_it_sends_english_speaking_staff_to_the_english_setup_page(client, new_staff):
    client.force_login(new_staff)

    response = client.get("/en/catalog/")

    assert response["Location"] == "/en" + ACTIVATE


@pytest.mark.django_db
def test_it_blocks_writes_too_until_the_second_factor_is_set_up(client, new_staff, prefecture):
    client.force_login(new_staff)

    response = client.post("/organizations/new/", {"name": "x", "kind": "voluntary"})

    assert response["Location"] == ACTIVATE


@pytest.mark.django_db
def test_it_shows_the_setup_page_with_a_labelled_code_field(client, new_staff):
    log_in(client, new_staff)
    reauthenticate(client)

    response = client.get(ACTIVATE)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_code">' in html
    assert 'autocomplete="one-time-code"' in html
    assert "認証アプリ" in html


@pytest.mark.django_db
def test_it_explains_a_wrong_code_in_an_error_summary(client, new_staff):
    log_in(client, new_staff)
    reauthenticate(client)
    client.get(ACTIVATE)

    response = client.post(ACTIVATE, {"code": "000000"})

    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert not Authenticator.objects.filter(user=new_staff).exists()


@pytest.mark.django_db
def test_it_walks_new_staff_from_login_through_password_check_to_the_app(client, new_staff):
    login = client.post(
        "/accounts/login/", {"login": new_staff.email, "password": "correct horse battery"}
    )
    assert client.get(login["Location"])["Location"] == ACTIVATE
    # allauth wants the password again before a second factor is added.
    asked = client.get(ACTIVATE)["Location"]
    assert asked.startswith("/accounts/reauthenticate/")
    assert client.get(asked).status_code == 200
    resumed = reauthenticate(client, path=asked)
    assert resumed["Location"] == ACTIVATE

    response = _activate_through_the_page(client)

    assert response.status_code == 302
    assert client.get("/accounts/me/").status_code == 200


@pytest.mark.django_db
def test_it_lets_staff_in_once_the_app_is_activated(client, new_staff):
    log_in(client, new_staff)
    reauthenticate(client)

    response = _activate_through_the_page(client)

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=new_staff, type=Authenticator.Type.TOTP).exists()
    assert client.get("/accounts/me/").status_code == 200
    # Recovery codes are generated with the app; the page shows them.
    assert client.get("/accounts/2fa/recovery-codes/").status_code == 200


@pytest.mark.django_db
def test_it_asks_a_platform_administrator_too(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)

    assert client.get("/admin/")["Location"] == ACTIVATE


@pytest.mark.django_db
def test_it_never_asks_partners_or_people_without_a_role(client, cso_member, outsider):
    for person in (cso_member, outsider):
        client.force_login(person)
        assert client.get("/accounts/me/").status_code == 200


@pytest.mark.django_db
def test_it_asks_a_partner_once_they_are_given_a_staff_role(client, prefecture):
    partner = OrganizationMembershipFactory().user
    client.force_login(partner)
    assert client.get("/accounts/me/").status_code == 200

    BodyMembership.objects.create(user=partner, body=prefecture, role=BodyMembership.Role.DESK)

    assert client.get("/accounts/me/")["Location"] == ACTIVATE


@pytest.mark.django_db
def test_it_leaves_logout_and_language_switch_alone_and_refuses_the_api(client, new_staff):
    client.force_login(new_staff)

    # The API answers JSON rather than redirecting to a page (see test_second_factor_everywhere).
    assert client.get("/api/v1/openapi.json").status_code == 403
    assert client.post("/i18n/setlang/", {"language": "en"})["Location"] != ACTIVATE
    assert client.post("/en/accounts/logout/").status_code == 302
    assert client.get("/accounts/me/")["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_it_does_not_ask_staff_who_already_have_the_app(client, department_officer):
    client.force_login(department_officer)

    assert client.get("/accounts/me/").status_code == 200


@pytest.mark.django_db
def test_it_asks_again_after_the_app_is_removed(client, department_officer):
    client.force_login(department_officer)
    assert client.get("/accounts/me/").status_code == 200

    Authenticator.objects.filter(user=department_officer).delete()
    # The session remembered the earlier check; a removal through allauth clears it.
    from allauth.mfa.signals import authenticator_removed

    request = type("Request", (), {"session": client.session})()
    authenticator_removed.send(sender=Authenticator, request=request, user=department_officer)
    request.session.save()

    assert client.get("/accounts/me/")["Location"] == ACTIVATE


@pytest.mark.django_db
def test_it_does_not_let_staff_deactivate_the_app(client, department_officer, settings):
    settings.MFA_ADAPTER = "kyoso.accounts.adapter.MFAAdapter"
    log_in(client, department_officer)
    reauthenticate(client)

    client.post("/accounts/2fa/totp/deactivate/")

    assert Authenticator.objects.filter(
        user=department_officer, type=Authenticator.Type.TOTP
    ).exists()


@pytest.mark.django_db
def test_it_lets_a_partner_deactivate_the_app(client, settings):
    settings.MFA_ADAPTER = "kyoso.accounts.adapter.MFAAdapter"
    from kyoso.organizations.tests.factories import give_second_factor

    partner = give_second_factor(OrganizationMembershipFactory().user)
    log_in(client, partner)
    reauthenticate(client)

    client.post("/accounts/2fa/totp/deactivate/")

    assert not Authenticator.objects.filter(user=partner, type=Authenticator.Type.TOTP).exists()


@pytest.mark.django_db
def test_it_asks_staff_for_the_code_at_login_and_accepts_the_apps_code(client, department_officer):
    response = client.post(
        "/accounts/login/",
        {"login": department_officer.email, "password": "correct horse battery"},
    )
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/accounts/me/").status_code == 302  # not signed in yet

    response = client.post(
        "/accounts/2fa/authenticate/", {"code": totp_code(totp_secret_of(department_officer))}
    )

    assert response.status_code == 302
    assert client.get("/accounts/me/").status_code == 200


@pytest.mark.django_db
def test_it_refuses_a_wrong_code_at_login(client, department_officer):
    client.post(
        "/accounts/login/",
        {"login": department_officer.email, "password": "correct horse battery"},
    )
    right = totp_code(totp_secret_of(department_officer))
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"

    response = client.post("/accounts/2fa/authenticate/", {"code": wrong})

    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert client.get("/accounts/me/").status_code == 302


@pytest.mark.django_db
def test_it_refuses_a_code_from_an_hour_ago(client, department_officer):
    import time

    client.post(
        "/accounts/login/",
        {"login": department_officer.email, "password": "correct horse battery"},
    )
    stale = totp_code(totp_secret_of(department_officer), at=time.time() - 3600)
    if stale == totp_code(totp_secret_of(department_officer)):
        pytest.skip("the codes coincide by chance")

    client.post("/accounts/2fa/authenticate/", {"code": stale})

    assert client.get("/accounts/me/").status_code == 302
