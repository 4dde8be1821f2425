"""What the proposer does: write, submit, revise, withdraw, protect and release ideas."""

from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kyoso.catalog.counting import bump_catalog_version
from kyoso.core.choices import CollaborationForm
from kyoso.core.fiscal import fiscal_year_of
from kyoso.core.text import join_names
from kyoso.organizations.predicates import organization_roles

from ..models import CONFIDENTIAL_SECTIONS, Proposal, ProposalPartner, ProposalRevision
from ..models.proposals import EDITABLE_FIELDS
from ..rules import EDITABLE, UNDER_CONSIDERATION, WITHDRAWABLE
from ._common import (
    ProposalTransitionError,
    allocate_reference,
    audit,
    bump,
    due_from,
    lock,
    masked_changes,
    may,
    move,
    now,
    require_perm,
    require_state,
    require_version,
    snapshot,
)

S = Proposal.State

# Sections that must be filled in before a proposal can be submitted (not while drafting).
REQUIRED_AT_SUBMIT = ("title", "background", "content", "expected_effect")


def _clean_fields(fields: dict) -> dict:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not an editable field: {sorted(unknown)}")
    if "confidential_sections" in fields:
        sections = list(dict.fromkeys(fields["confidential_sections"] or []))
        if set(sections) - set(CONFIDENTIAL_SECTIONS):
            raise ValidationError(
                {"confidential_sections": _("Only the written sections can be kept confidential.")}
            )
        fields["confidential_sections"] = sections
    if fields.get("budget_yen") is not None and fields["budget_yen"] < 0:
        raise ValidationError({"budget_yen": _("The budget cannot be negative.")})
    return fields


def _set_targets(proposal: Proposal, target_projects) -> None:
    projects = list(target_projects)
    if any(project.body_id != proposal.body_id or not project.disclosed for project in projects):
        raise ValidationError(
            {"target_projects": _("Choose projects from this body's disclosed catalog.")}
        )
    proposal.target_projects.set(projects)


@transaction.atomic
def proposal_create_draft(
    *, actor, body, organization, title: str = "", target_projects=(), **fields
) -> Proposal:
    """Start a proposal as a member of the proposing organization. Nothing is checked but who."""
    require_perm(actor, "proposals.create_proposal", organization)
    if not body.is_active:
        raise ValidationError({"body": _("This body does not take proposals on Kyoso.")})
    fields = _clean_fields(fields)
    proposal = Proposal.objects.create(
        body=body, organization=organization, author=actor, title=(title or "").strip(), **fields
    )
    if target_projects:
        _set_targets(proposal, target_projects)
    audit(proposal, actor=actor, verb="create_draft", to_state=S.DRAFT)
    return proposal


def _apply(proposal: Proposal, fields: dict, target_projects) -> tuple[dict, dict]:
    """Set the proposer's fields (and targets) on a locked proposal; returns the cleaned fields
    and a snapshot of what was there before, for the audit record."""
    fields = _clean_fields(fields)
    before = snapshot(proposal)
    for name, value in fields.items():
        setattr(proposal, name, value.strip() if isinstance(value, str) else value)
    if target_projects is not None:
        _set_targets(proposal, target_projects)
    bump(proposal, *fields)
    return fields, before


@transaction.atomic
def proposal_update_draft(
    *, actor, proposal: Proposal, expected_version: int | None = None, target_projects=None,
    **fields,
) -> Proposal:
    """Save what the proposer typed, complete or not: a draft can be saved any number of times."""
    proposal = lock(proposal)
    require_state(proposal, "update", *EDITABLE)
    require_perm(actor, "proposals.change_proposal", proposal)
    require_version(proposal, expected_version)
    fields, before = _apply(proposal, fields, target_projects)
    audit(proposal, actor=actor, verb="update_draft",
          changes=masked_changes(before, snapshot(proposal)))
    return proposal


def _check_complete(proposal: Proposal) -> None:
    errors = {}
    for name in REQUIRED_AT_SUBMIT:
        if not str(getattr(proposal, name) or "").strip():
            errors[name] = _("Fill in this section before you submit.")
    if not proposal.is_new_project and not proposal.target_projects.exists():
        errors["target_projects"] = _(
            "Choose at least one project from the catalog, or say that you propose a new one."
        )
    if proposal.collaboration_form not in CollaborationForm.values:
        errors["collaboration_form"] = _("Choose the form of collaboration you ask for.")
    waiting = [
        link.organization.name
        for link in proposal.partner_links.select_related("organization")
        if link.consented_at is None
    ]
    if waiting:
        errors["partners"] = _("Waiting for these partners to agree: %(names)s") % {
            "names": join_names(waiting)
        }
    if errors:
        raise ValidationError(errors)


def _keep_revision(proposal: Proposal, *, actor, note: str = "") -> ProposalRevision:
    previous = proposal.revisions.order_by("-number").first()
    current = snapshot(proposal)
    return ProposalRevision.objects.create(
        proposal=proposal,
        number=(previous.number + 1) if previous else 1,
        snapshot=current,
        changes=masked_changes(previous.snapshot, current) if previous else {},
        created_by=actor,
        note=note,
    )


@transaction.atomic
def proposal_submit(*, actor, proposal: Proposal, submission_key: uuid.UUID) -> Proposal:
    """Send the proposal to the body's desk; the answer is due after the body's own days.

    Idempotent: the form carries a key, and a second request with the same key (a double click,
    a retry after a lost connection) gets the proposal already submitted, not a second one. The
    first submission gives the reference number; a resubmission after a return keeps it.
    """
    submission_key = uuid.UUID(str(submission_key))
    proposal = lock(proposal)
    if proposal.submission_key == submission_key:
        return proposal
    if Proposal.objects.filter(submission_key=submission_key).exists():
        raise ProposalTransitionError(
            _("This form was already used for another proposal. Reload the page."),
            code="key_reused",
        )
    require_state(proposal, "submit", *EDITABLE)
    require_perm(actor, "proposals.submit_proposal", proposal)
    _check_complete(proposal)
    moment = now()
    fields = ["submission_key", "due_at"]
    if proposal.submitted_at is None:
        proposal.fiscal_year = fiscal_year_of(moment)
        proposal.reference = allocate_reference(proposal.body, proposal.fiscal_year)
        proposal.submitted_at = moment
        fields += ["fiscal_year", "reference", "submitted_at"]
    proposal.submission_key = submission_key
    proposal.due_at = due_from(moment, proposal.body.answer_days)
    from_state = proposal.state
    move(proposal, actor=actor, to_state=S.SUBMITTED,
         verb="resubmit" if from_state == S.RETURNED else "submit", fields=tuple(fields))
    _keep_revision(proposal, actor=actor)
    return proposal


@transaction.atomic
def proposal_revise(
    *, actor, proposal: Proposal, expected_version: int, note: str = "", target_projects=None,
    **fields,
) -> Proposal:
    """The proposer revises a proposal under consultation; the earlier version stays readable."""
    proposal = lock(proposal)
    require_state(proposal, "revise", *UNDER_CONSIDERATION)
    require_perm(actor, "proposals.revise_proposal", proposal)
    require_version(proposal, expected_version)
    fields, before = _apply(proposal, fields, target_projects)
    _keep_revision(proposal, actor=actor, note=note.strip())
    audit(proposal, actor=actor, verb="revise", reason=note.strip(),
          changes=masked_changes(before, snapshot(proposal)))
    return proposal


@transaction.atomic
def proposal_withdraw(*, actor, proposal: Proposal, reason: str = "") -> Proposal:
    """The proposer takes the proposal back; open assignments are cancelled."""
    proposal = lock(proposal)
    require_state(proposal, "withdraw", *WITHDRAWABLE)
    require_perm(actor, "proposals.withdraw_proposal", proposal)
    proposal.assignments.filter(state="open").update(state="cancelled")
    return move(proposal, actor=actor, to_state=S.WITHDRAWN, verb="withdraw",
                reason=(reason or "").strip())


@transaction.atomic
def proposal_release_confidential(*, actor, proposal: Proposal) -> Proposal:
    """The proposer lifts idea protection: the sections become as public as the proposal."""
    proposal = lock(proposal)
    require_perm(actor, "proposals.release_confidential", proposal)
    if proposal.released_at is None:
        proposal.released_at = now()
        bump(proposal, "released_at")
        audit(proposal, actor=actor, verb="confidential.release",
              changes={"confidential_sections": proposal.confidential_sections})
        if proposal.published_at is not None:
            # Catalog project pages show a published proposal's content once it is not
            # protected: renew the shared public pages.
            transaction.on_commit(bump_catalog_version)
    return proposal


@transaction.atomic
def proposal_partner_add(*, actor, proposal: Proposal, organization, role: str) -> ProposalPartner:
    """Name a co-proposer or the supporting intermediary. It counts once a member agrees."""
    proposal = lock(proposal)
    require_state(proposal, "partners", *EDITABLE)
    require_perm(actor, "proposals.manage_partners", proposal)
    if organization.pk == proposal.organization_id:
        raise ValidationError({"organization": _("The proposer is already on the proposal.")})
    if role == ProposalPartner.Role.INTERMEDIARY and not organization.is_intermediary:
        raise ValidationError(
            {"organization": _("This organization is not an intermediary support organization.")}
        )
    if proposal.partner_links.filter(organization=organization).exists():
        raise ValidationError({"organization": _("This organization is already on the proposal.")})
    link = ProposalPartner(proposal=proposal, organization=organization, role=role)
    # A member of the partner who adds it agrees by doing so.
    if may(actor, "proposals.consent_partnership", link):
        link.consented_at, link.consented_by = now(), actor
    link.save()
    bump(proposal)
    audit(proposal, actor=actor, verb="partner.add",
          changes={"partner": [None, organization.pk], "role": [None, role]})
    return link


@transaction.atomic
def proposal_partner_consent(*, actor, link: ProposalPartner) -> ProposalPartner:
    """A member of a named partner agrees to be on the proposal (and to see it)."""
    proposal = lock(link.proposal)
    link = ProposalPartner.objects.select_for_update().get(pk=link.pk)
    require_perm(actor, "proposals.consent_partnership", link)
    if link.consented_at is None:
        link.consented_at, link.consented_by = now(), actor
        link.save(update_fields=["consented_at", "consented_by"])
        bump(proposal)
        audit(proposal, actor=actor, verb="partner.consent",
              changes={"partner": link.organization_id})
    return link


def _locked_link(proposal: Proposal, link_pk: int) -> ProposalPartner | None:
    return (
        ProposalPartner.objects.select_for_update().select_related("organization")
        .filter(pk=link_pk, proposal=proposal).first()
    )


@transaction.atomic
def proposal_partner_remove(*, actor, proposal: Proposal, link: ProposalPartner) -> bool:
    """Take a partner off the proposal while it may be changed, whether it agreed or not.

    Safe to repeat: a partner that is no longer on the proposal is left as it is (``False``).
    """
    proposal = lock(proposal)
    require_state(proposal, "partners", *EDITABLE)
    require_perm(actor, "proposals.manage_partners", proposal)
    link = _locked_link(proposal, link.pk)
    if link is None:
        return False
    roles = organization_roles(actor)
    if proposal.organization_id not in roles and link.organization_id not in roles:
        # A consenting partner acts for the proposer, but takes only itself off.
        raise PermissionDenied
    audit(proposal, actor=actor, verb="partner.remove",
          changes={"partner": [link.organization_id, None], "role": [link.role, None],
                   "consented": link.consented_at is not None})
    link.delete()
    bump(proposal)
    return True


@transaction.atomic
def proposal_partner_decline(*, actor, link: ProposalPartner) -> bool:
    """A member of a named partner declines the invitation: the partner is taken off the
    proposal, which no longer waits for it. Only an invitation not yet agreed to is declined.

    Safe to repeat: an invitation already declined (or withdrawn) is left as it is (``False``).
    """
    proposal = lock(link.proposal)
    require_perm(actor, "proposals.consent_partnership", link)
    link = _locked_link(proposal, link.pk)
    if link is None:
        return False
    if link.consented_at is not None:
        raise ProposalTransitionError(
            _("Your organization already agreed to take part. Ask the proposer to take it off "
              "the proposal."),
            code="already_consented",
        )
    require_state(proposal, "partners", *EDITABLE)
    audit(proposal, actor=actor, verb="partner.decline",
          changes={"partner": [link.organization_id, None], "role": [link.role, None]})
    link.delete()
    bump(proposal)
    return True
