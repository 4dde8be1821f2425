"""The API token page under My page: list, make (the secret shown once), revoke; ja and en."""

import pytest

from kyoso.api.models import ApiToken
from kyoso.api.tokens import api_token_create
from kyoso.organizations.models import BodyMembership
from kyoso.organizations.tests.factories import BodyMembershipFactory

PAGE = "/accounts/api-tokens/"


@pytest.fixture
def signed_in(client, cso_member):
    client.force_login(cso_member)
    return client


@pytest.mark.django_db
def test_it_links_the_page_from_my_page(signed_in):
    assert f'href="{PAGE}"' in signed_in.get("/accounts/me/").content.decode()


@pytest.mark.django_db
def test_it_asks_anonymous_visitors_to_sign_in(client):
    response = client.get(PAGE)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_it_shows_the_secret_once_when_the_token_is_made(signed_in, cso_member):
    response = signed_in.post(PAGE, {"name": "週次の書き出し", "lifetime_days": "30"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get(user=cso_member)
    page = response.content.decode()
    secret = page.split('id="token-secret" type="text" value="')[1].split('"')[0]
    assert secret.startswith(token.prefix)
    listing = signed_in.get(PAGE).content.decode()
    assert "週次の書き出し" in listing and token.prefix in listing
    assert secret not in listing


@pytest.mark.django_db
def test_it_keeps_what_was_typed_when_the_name_is_missing(signed_in):
    response = signed_in.post(PAGE, {"name": "", "lifetime_days": "90"})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_it_revokes_after_asking(signed_in, cso_member):
    token, _secret = api_token_create(actor=cso_member, name="古いスクリプト", lifetime_days=7)
    url = f"{PAGE}{token.pk}/revoke/"
    assert signed_in.get(url).status_code == 200
    token.refresh_from_db()
    assert token.revoked_at is None
    response = signed_in.post(url)
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert "無効" in signed_in.get(PAGE).content.decode()


@pytest.mark.django_db
def test_it_answers_404_for_another_persons_token(signed_in, outsider):
    token, _secret = api_token_create(actor=outsider, name="他人のもの", lifetime_days=7)
    assert signed_in.get(f"{PAGE}{token.pk}/revoke/").status_code == 404
    assert signed_in.post(f"{PAGE}{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    assert "他人のもの" not in signed_in.get(PAGE).content.decode()


@pytest.mark.django_db
def test_it_is_in_english_under_en(signed_in):
    page = signed_in.get(f"/en{PAGE}").content.decode()
    assert "<h1>API tokens</h1>" in page and "Make a new token" in page
    japanese = signed_in.get(PAGE).content.decode()
    assert "<h1>API トークン</h1>" in japanese


@pytest.mark.django_db
def test_it_sends_staff_without_a_second_factor_to_set_one_up(client, prefecture):
    staff = BodyMembershipFactory(body=prefecture, role=BodyMembership.Role.DESK).user
    client.force_login(staff)
    response = client.get(PAGE)
    assert response.status_code == 302 and "/accounts/2fa/totp/activate" in response["Location"]
    response = client.post(PAGE, {"name": "x", "lifetime_days": "30"})
    assert response.status_code == 302
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_it_lets_staff_with_a_second_factor_make_tokens(client, desk_coordinator):
    client.force_login(desk_coordinator)
    response = client.post(PAGE, {"name": "受付の集計", "lifetime_days": "7"})
    assert response.status_code == 200
    assert ApiToken.objects.filter(user=desk_coordinator).exists()
