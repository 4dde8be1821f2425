"""Permissions on agreements, one per action. Deny by default.

Who does what (docs/agreements.md has the table):

* the desk and the administrators of the body that keeps an agreement create it, edit it, sign
  it, put it in force, renew it, terminate it, sign memoranda and decide which documents are
  public;
* the parties — members of a partner organization, and the desk and administrators of another
  body that signed — read everything of it, drafts included, and may file documents and draft
  memoranda, but never change its terms or its state;
* the staff of the keeping body's departments read its agreements (they run them);
* everyone reads what is published: a signed agreement, its signed memoranda, its public files.

The object is an agreement, except ``create_agreement`` (a government body). Services check the
state first, so a wrong move says why.
"""

from __future__ import annotations

import rules

from kyoso.organizations.models import BodyMembership
from kyoso.organizations.predicates import body_roles, has_body_role, organization_roles

from .models import LIVE_STATES, PUBLIC_STATES

OVERSEERS = (BodyMembership.Role.DESK, BodyMembership.Role.BODY_ADMIN)
# States in which parties still file papers: not once the agreement has ended.
FILING_STATES = ("draft", *LIVE_STATES)


@rules.predicate
def is_body_desk_or_admin(user, body):
    return body is not None and has_body_role(user, body.pk, *OVERSEERS)


@rules.predicate
def is_keeper(user, agreement):
    """The desk or an administrator of the body that keeps the agreement."""
    return agreement is not None and has_body_role(user, agreement.body_id, *OVERSEERS)


@rules.predicate
def is_keeping_body_staff(user, agreement):
    return agreement is not None and agreement.body_id in body_roles(user)


def partner_ids(agreement) -> set[int]:
    cached = getattr(agreement, "_partner_ids", None)
    if cached is None:
        cached = set(agreement.partner_links.values_list("organization_id", flat=True))
        agreement._partner_ids = cached
    return cached


def other_body_ids(agreement) -> set[int]:
    cached = getattr(agreement, "_other_body_ids", None)
    if cached is None:
        cached = set(agreement.other_bodies.values_list("pk", flat=True))
        agreement._other_body_ids = cached
    return cached


@rules.predicate
def is_partner_member(user, agreement):
    if agreement is None or not user.is_authenticated:
        return False
    mine = organization_roles(user)
    return bool(mine) and bool(partner_ids(agreement) & mine.keys())


@rules.predicate
def is_co_signing_body(user, agreement):
    if agreement is None or not user.is_authenticated:
        return False
    return any(has_body_role(user, body_id, *OVERSEERS) for body_id in other_body_ids(agreement))


is_party = is_partner_member | is_co_signing_body


@rules.predicate
def is_published(user, agreement):
    return agreement is not None and agreement.state in PUBLIC_STATES


@rules.predicate
def may_file(user, agreement):
    return agreement is not None and agreement.state in FILING_STATES


def in_state(*states):
    @rules.predicate(name=f"in_state({','.join(states)})")
    def predicate(user, agreement):
        return agreement is not None and agreement.state in states

    return predicate


rules.add_perm("agreements.create_agreement", is_body_desk_or_admin)
rules.add_perm(
    "agreements.view_agreement", is_published | is_keeping_body_staff | is_keeper | is_party
)
# Parties and the keeping body see drafts, internal files and draft memoranda.
rules.add_perm("agreements.view_internal", is_keeping_body_staff | is_keeper | is_party)
rules.add_perm("agreements.change_agreement", is_keeper & ~in_state("expired", "terminated"))
# Partners are named one by one while the agreement is a draft; once signed they are fixed.
rules.add_perm("agreements.change_partners", is_keeper & in_state("draft"))
rules.add_perm("agreements.sign_agreement", is_keeper & in_state("draft"))
rules.add_perm("agreements.activate_agreement", is_keeper & in_state("signed"))
rules.add_perm("agreements.renew_agreement", is_keeper & in_state("active", "renewed"))
rules.add_perm("agreements.terminate_agreement", is_keeper & in_state(*LIVE_STATES))
# A signed change of the terms (変更協定・変更覚書), while the agreement is in force or about to be.
rules.add_perm("agreements.amend_agreement", is_keeper & in_state(*LIVE_STATES))
rules.add_perm("agreements.file_document", (is_keeper | is_party) & may_file)
rules.add_perm("agreements.publish_document", is_keeper)
rules.add_perm("agreements.remove_document", is_keeper & may_file)
rules.add_perm("agreements.draft_memorandum", (is_keeper | is_party) & may_file)
rules.add_perm("agreements.sign_memorandum", is_keeper & may_file)
