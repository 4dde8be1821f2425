"""The permission matrix: every persona of the root conftest × every action × states.

Only the keeping body's desk and administrators change an agreement or move it; the parties (a
partner's members, another signing body's desk) read drafts and file papers; the body's
department staff read; everyone else reads only what is published.
"""

import pytest
import rules

from kyoso.agreements.models import Agreement
from kyoso.agreements.selectors import agreements_visible_to

from .factories import walk

S = Agreement.State
pytestmark = pytest.mark.django_db

PERSONAS = [
    "anonymous", "desk_coordinator", "body_admin", "department_officer", "partner_member",
    "other_partner_member", "other_body_admin", "other_body_officer",
    "outsider", "platform_admin",
]
KEEPERS = {"desk_coordinator", "body_admin"}
PARTIES = {"partner_member"}
READERS_OF_DRAFTS = KEEPERS | PARTIES | {"department_officer"}
LIVE = {S.SIGNED, S.ACTIVE, S.RENEWED}
FILING = {S.DRAFT} | LIVE

# action → (who, in which states)
MATRIX = {
    "view_agreement": (None, None),  # checked separately below
    "view_internal": (READERS_OF_DRAFTS, set(S.values)),
    "change_agreement": (KEEPERS, {S.DRAFT} | LIVE),
    "change_partners": (KEEPERS, {S.DRAFT}),
    "sign_agreement": (KEEPERS, {S.DRAFT}),
    "activate_agreement": (KEEPERS, {S.SIGNED}),
    "renew_agreement": (KEEPERS, {S.ACTIVE, S.RENEWED}),
    "terminate_agreement": (KEEPERS, LIVE),
    "amend_agreement": (KEEPERS, LIVE),
    "file_document": (KEEPERS | PARTIES, FILING),
    "draft_memorandum": (KEEPERS | PARTIES, FILING),
    "sign_memorandum": (KEEPERS, FILING),
    "publish_document": (KEEPERS, set(S.values)),
    "remove_document": (KEEPERS, FILING),
}


@pytest.fixture
def person(request, db):
    if request.param == "anonymous":
        from django.contrib.auth.models import AnonymousUser

        return AnonymousUser()
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize("state", list(S.values))
@pytest.mark.parametrize("person", PERSONAS, indirect=True)
def test_the_matrix(request, agreement, desk_coordinator, state, person):
    agreement = walk(agreement, state, desk=desk_coordinator)
    agreement = Agreement.objects.get(pk=agreement.pk)
    name = request.node.callspec.params["person"]
    for action, (who, states) in MATRIX.items():
        allowed = rules.has_perm(f"agreements.{action}", person, agreement)
        if action == "view_agreement":
            expected = state != S.DRAFT or name in READERS_OF_DRAFTS
        else:
            expected = name in who and state in states
        assert allowed is expected, (action, name, state)
    visible = agreements_visible_to(person).filter(pk=agreement.pk).exists()
    # A platform administrator reads everything but acts on nothing a body keeps.
    expected_visible = state != S.DRAFT or name in READERS_OF_DRAFTS or name == "platform_admin"
    assert visible is expected_visible, (name, state)


def test_only_a_desk_or_administrator_of_the_body_creates_its_agreements(
    prefecture, desk_coordinator, body_admin, department_officer, other_body_admin, cso_member,
    platform_admin,
):
    allowed = {
        user: rules.has_perm("agreements.create_agreement", user, prefecture)
        for user in (desk_coordinator, body_admin, department_officer, other_body_admin,
                     cso_member, platform_admin)
    }
    assert [allowed[u] for u in allowed] == [True, True, False, False, False, False]


def test_another_signing_body_is_a_party(
    agreement, desk_coordinator, municipality, other_prefecture, other_body_admin
):
    from kyoso.agreements import services

    assert not rules.has_perm("agreements.view_agreement", other_body_admin, agreement)
    services.agreement_update(actor=desk_coordinator, agreement=agreement,
                              other_bodies=[other_prefecture])
    agreement = Agreement.objects.get(pk=agreement.pk)
    assert rules.has_perm("agreements.view_internal", other_body_admin, agreement)
    assert rules.has_perm("agreements.file_document", other_body_admin, agreement)
    assert not rules.has_perm("agreements.sign_agreement", other_body_admin, agreement)
    assert agreements_visible_to(other_body_admin).filter(pk=agreement.pk).exists()


def test_a_co_signing_bodys_desk_finds_the_agreement_among_its_own(
    client, agreement, desk_coordinator, other_prefecture, other_body_admin
):
    from kyoso.agreements import services

    services.agreement_update(actor=desk_coordinator, agreement=agreement,
                              other_bodies=[other_prefecture])
    client.force_login(other_body_admin)
    assert agreement.title in client.get("/agreements/mine/").content.decode()
