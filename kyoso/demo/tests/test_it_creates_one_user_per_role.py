import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from kyoso.accounts.models import User
from kyoso.demo.seed import DEMO_PASSWORD, DEMO_USERS, STAFF_EMAILS
from kyoso.organizations.models import BodyMembership


def test_it_gives_every_role_its_membership(seeded):
    memberships = {
        (m.user.email, m.body.code, m.role, m.department.name if m.department else None)
        for m in BodyMembership.objects.select_related("user", "body", "department")
    }
    assert ("desk@kyoso.example", "410004", "desk", "協働推進課") in memberships
    assert ("officer@kyoso.example", "410004", "department", "こども家庭課") in memberships
    assert ("city-admin@kyoso.example", "412015", "body_admin", None) in memberships
    supporter = User.objects.get(email="supporter@kyoso.example")
    assert supporter.organization_memberships.get().organization.is_intermediary
    citizen = User.objects.get(email="citizen@kyoso.example")
    assert not citizen.body_memberships.exists()
    assert not citizen.organization_memberships.exists()
    assert User.objects.get(email="admin@kyoso.example").is_superuser


def test_it_activates_a_second_factor_for_staff_only(seeded):
    totp = Authenticator.objects.filter(type=Authenticator.Type.TOTP)
    with_totp = set(totp.values_list("user__email", flat=True))
    assert with_totp == STAFF_EMAILS


@pytest.mark.parametrize("demo_user", DEMO_USERS, ids=lambda user: user.email)
def test_it_lets_every_demo_user_log_in(seeded, client, demo_user):
    response = client.post(
        reverse("account_login"), {"login": demo_user.email, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    if demo_user.email in STAFF_EMAILS:
        # The password is right; allauth now asks for the second factor.
        assert response["Location"] == reverse("mfa_authenticate")
    else:
        assert client.session["_auth_user_id"] == str(User.objects.get(email=demo_user.email).pk)
