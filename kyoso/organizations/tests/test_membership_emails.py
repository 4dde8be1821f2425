"""E-mails about joining an organization are written in each recipient's language
(``User.language``), with links into the site in that language, whatever the language of the
pages the person acting uses."""

import pytest
from django.conf import settings
from django.core import mail

from kyoso.organizations import services
from kyoso.organizations.models import OrganizationMembership
from kyoso.organizations.tests.factories import (
    OrganizationFactory,
    OrganizationMembershipFactory,
    UserFactory,
)


def _site(path: str) -> str:
    return settings.KYOSO_SITE_URL.rstrip("/") + path


@pytest.fixture
def organization(db):
    return OrganizationFactory(name="NPO法人 子育てネットさが", name_en="Kosodate Net Saga")


def _admin(organization, *, language, email):
    return OrganizationMembershipFactory(
        organization=organization, role=OrganizationMembership.Role.ADMIN,
        user__email=email, user__language=language,
    ).user


def _ask_and_approve(client, organization, *, requester, admin, requester_prefix, admin_prefix,
                     capture):
    """The requester asks on their pages, the administrator approves on theirs."""
    client.force_login(requester)
    with capture(execute=True):
        client.post(f"{requester_prefix}/organizations/{organization.pk}/join/")
    asked = list(mail.outbox)
    mail.outbox.clear()
    membership = OrganizationMembership.objects.get(user=requester, organization=organization)
    client.force_login(admin)
    with capture(execute=True):
        response = client.post(
            f"{admin_prefix}/organizations/{organization.pk}/members/{membership.pk}/approve/"
        )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == OrganizationMembership.Status.ACTIVE
    return asked, list(mail.outbox)


@pytest.mark.django_db
def test_an_english_requester_and_a_japanese_administrator_each_read_their_language(
    client, organization, django_capture_on_commit_callbacks
):
    admin = _admin(organization, language="ja", email="kanri@npo.example.jp")
    requester = UserFactory(email="jane@example.com", language="en")

    asked, approved = _ask_and_approve(
        client, organization, requester=requester, admin=admin,
        requester_prefix="/en", admin_prefix="", capture=django_capture_on_commit_callbacks,
    )

    [to_admin] = asked
    assert to_admin.to == ["kanri@npo.example.jp"]
    assert to_admin.subject == "[Kyoso] NPO法人 子育てネットさが への参加の申請"
    assert "jane@example.com さんがKyosoで NPO法人 子育てネットさが への参加を申請しました" in (
        to_admin.body
    )
    assert _site(f"/organizations/{organization.pk}/members/") in to_admin.body
    assert "/en/" not in to_admin.body

    [to_requester] = approved
    assert to_requester.to == ["jane@example.com"]
    assert to_requester.subject == "[Kyoso] You are now a member of Kosodate Net Saga"
    assert "has approved your request to join" in to_requester.body
    assert _site(f"/en/organizations/{organization.pk}/") in to_requester.body


@pytest.mark.django_db
def test_a_japanese_requester_and_an_english_administrator_each_read_their_language(
    client, organization, django_capture_on_commit_callbacks
):
    admin = _admin(organization, language="en", email="admin@npo.example.com")
    requester = UserFactory(email="taro@example.jp", language="ja")

    asked, approved = _ask_and_approve(
        client, organization, requester=requester, admin=admin,
        requester_prefix="", admin_prefix="/en", capture=django_capture_on_commit_callbacks,
    )

    [to_admin] = asked
    assert to_admin.to == ["admin@npo.example.com"]
    assert to_admin.subject == "[Kyoso] A request to join Kosodate Net Saga"
    assert "taro@example.jp has asked to join Kosodate Net Saga on Kyoso." in to_admin.body
    assert _site(f"/en/organizations/{organization.pk}/members/") in to_admin.body

    [to_requester] = approved
    assert to_requester.to == ["taro@example.jp"]
    assert to_requester.subject == "[Kyoso] NPO法人 子育てネットさが のメンバーになりました"
    assert _site(f"/organizations/{organization.pk}/") in to_requester.body
    assert "/en/" not in to_requester.body


@pytest.mark.django_db
def test_each_administrator_gets_their_own_e_mail_in_their_language(
    organization, django_capture_on_commit_callbacks
):
    _admin(organization, language="ja", email="kanri@npo.example.jp")
    _admin(organization, language="en", email="admin@npo.example.com")
    requester = UserFactory(language="ja")

    with django_capture_on_commit_callbacks(execute=True):
        services.membership_request(actor=requester, organization=organization)

    by_address = {tuple(message.to): message for message in mail.outbox}
    assert set(by_address) == {("kanri@npo.example.jp",), ("admin@npo.example.com",)}
    assert by_address["kanri@npo.example.jp",].subject.endswith("への参加の申請")
    assert "/en/" not in by_address["kanri@npo.example.jp",].body
    assert by_address["admin@npo.example.com",].subject.startswith("[Kyoso] A request to join")
    assert _site(f"/en/organizations/{organization.pk}/members/") in (
        by_address["admin@npo.example.com",].body
    )
