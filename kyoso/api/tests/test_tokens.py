"""Personal API tokens: only a digest is kept, the secret works until revoked or expired, is
useless to anyone but its owner's account, and staff need their second factor."""

import datetime as dt
import hashlib

import pytest
from allauth.mfa.models import Authenticator
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from kyoso.api.models import ApiToken
from kyoso.api.tokens import LAST_USED_PRECISION, api_token_create, api_token_revoke
from kyoso.core.models import AuditEvent
from kyoso.organizations.models import BodyMembership
from kyoso.organizations.tests.factories import BodyMembershipFactory, give_second_factor

from .conftest import ApiClient


def call(secret, path="/proposals/mine"):
    return ApiClient(Client(), secret).get(path)


@pytest.mark.django_db
def test_it_keeps_only_a_digest_of_the_secret(cso_member):
    token, secret = api_token_create(actor=cso_member, name="集計スクリプト", lifetime_days=30)
    assert secret.startswith("kyoso_") and len(secret) == 49
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    stored = [str(value) for value in ApiToken.objects.values_list().get()]
    assert not any(secret in value for value in stored)
    assert secret.startswith(token.prefix) and len(token.prefix) == 12
    assert token.expires_at - token.created_at == dt.timedelta(days=30)


@pytest.mark.django_db
def test_it_acts_for_the_tokens_owner(cso_member):
    _token, secret = api_token_create(actor=cso_member, name="x", lifetime_days=7)
    response = call(secret)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"


@pytest.mark.django_db
def test_it_audits_making_and_revoking(cso_member):
    token, _secret = api_token_create(actor=cso_member, name="x", lifetime_days=7)
    api_token_revoke(actor=cso_member, token=token)
    actions = list(
        AuditEvent.objects.for_target(token).order_by("pk").values_list("action", flat=True)
    )
    assert actions == ["api.token.create", "api.token.revoke"]
    assert AuditEvent.objects.for_target(token).first().actor == cso_member


@pytest.mark.django_db
def test_it_refuses_a_revoked_token(cso_member):
    token, secret = api_token_create(actor=cso_member, name="x", lifetime_days=7)
    api_token_revoke(actor=cso_member, token=token)
    response = call(secret)
    assert response.status_code == 401
    assert response.json()["code"] == "revoked"
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.django_db
def test_it_refuses_an_expired_token(cso_member):
    token, secret = api_token_create(actor=cso_member, name="x", lifetime_days=7)
    ApiToken.objects.filter(pk=token.pk).update(
        created_at=timezone.now() - dt.timedelta(days=8),
        expires_at=timezone.now() - dt.timedelta(seconds=1),
    )
    response = call(secret)
    assert response.status_code == 401 and response.json()["code"] == "expired"


@pytest.mark.parametrize(
    "header",
    ["Bearer kyoso_" + "x" * 43, "Bearer nonsense", "Token kyoso_abc", "Basic dXNlcjpwYXNz"],
)
@pytest.mark.django_db
def test_it_refuses_unknown_and_malformed_tokens(cso_member, header):
    api_token_create(actor=cso_member, name="x", lifetime_days=7)
    response = Client().get("/api/v1/proposals/mine", headers={"authorization": header})
    assert response.status_code == 401
    assert response.json()["code"] == "invalid_token"


@pytest.mark.django_db
def test_it_answers_401_without_any_credentials(client):
    response = client.get("/api/v1/proposals/mine")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert client.post("/api/v1/proposals", {}, content_type="application/json").status_code == 401


@pytest.mark.django_db
def test_it_does_not_let_a_bad_token_fall_back_to_the_session(client, cso_member):
    client.force_login(cso_member)
    response = client.get(
        "/api/v1/proposals/mine", headers={"authorization": "Bearer kyoso_" + "y" * 43}
    )
    assert response.status_code == 401


@pytest.mark.django_db
def test_it_lets_nobody_revoke_another_persons_token(cso_member, outsider):
    token, secret = api_token_create(actor=cso_member, name="x", lifetime_days=7)
    with pytest.raises(PermissionDenied):
        api_token_revoke(actor=outsider, token=token)
    assert call(secret).status_code == 200


@pytest.mark.django_db
def test_it_writes_the_last_use_at_most_once_per_interval(cso_member, django_assert_num_queries):
    token, secret = api_token_create(actor=cso_member, name="x", lifetime_days=7)
    call(secret)
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    call(secret)
    token.refresh_from_db()
    assert token.last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - LAST_USED_PRECISION)
    call(secret)
    token.refresh_from_db()
    assert token.last_used_at > first


@pytest.fixture
def staff_without_totp(prefecture):
    return BodyMembershipFactory(body=prefecture, role=BodyMembership.Role.DESK).user


@pytest.mark.django_db
def test_it_refuses_tokens_to_staff_without_a_second_factor(staff_without_totp):
    with pytest.raises(PermissionDenied):
        api_token_create(actor=staff_without_totp, name="x", lifetime_days=7)
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_it_accepts_a_staff_token_made_after_the_second_factor(desk_coordinator):
    _token, secret = api_token_create(actor=desk_coordinator, name="x", lifetime_days=7)
    assert call(secret, "/proposals/inbox").status_code == 200


@pytest.mark.django_db
def test_it_refuses_a_staff_token_once_the_authenticator_is_gone(desk_coordinator):
    _token, secret = api_token_create(actor=desk_coordinator, name="x", lifetime_days=7)
    Authenticator.objects.filter(user=desk_coordinator).delete()
    response = call(secret, "/proposals/inbox")
    assert response.status_code == 403
    assert response.json()["code"] == "second_factor"


@pytest.mark.django_db
def test_it_refuses_a_token_made_before_the_person_became_staff(cso_member, prefecture):
    """A partner's token does not carry a staff role given later without a fresh token."""
    _token, secret = api_token_create(actor=cso_member, name="x", lifetime_days=7)
    BodyMembershipFactory(user=cso_member, body=prefecture, role=BodyMembership.Role.DESK)
    assert call(secret).status_code == 403
    Authenticator.objects.filter(user=cso_member).delete()
    give_second_factor(cso_member)
    # Still refused: the token is older than the authenticator.
    assert call(secret).json()["code"] == "second_factor"
    _token, fresh = api_token_create(actor=cso_member, name="y", lifetime_days=7)
    assert call(fresh, "/proposals/inbox").status_code == 200


@pytest.mark.django_db
def test_it_refuses_a_token_of_a_deactivated_account(cso_member):
    _token, secret = api_token_create(actor=cso_member, name="x", lifetime_days=7)
    cso_member.is_active = False
    cso_member.save()
    assert call(secret).status_code == 401


@pytest.mark.django_db
def test_it_needs_the_csrf_token_for_session_writes(cso_member, prefecture):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cso_member)
    assert client.get("/api/v1/proposals/mine").status_code == 200
    response = client.post("/api/v1/proposals", {"body": "410004"},
                           content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
    client.get("/accounts/me/")  # the page sets the CSRF cookie
    csrf = client.cookies["csrftoken"].value
    organization = cso_member.organization_memberships.get().organization
    response = client.post(
        "/api/v1/proposals", {"body": "410004", "organization": organization.pk, "title": "t"},
        content_type="application/json", headers={"x-csrftoken": csrf},
    )
    assert response.status_code == 201, response.content
