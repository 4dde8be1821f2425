"""What the body's desk (公民連携デスク) does: screen, return, close, route, forward, publish."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kyoso.catalog.counting import bump_catalog_version
from kyoso.core.text import join_names
from kyoso.organizations.models import GovernmentBody

from ..models import (
    Assignment,
    Decision,
    Message,
    Proposal,
    ProposalAttachment,
    ProposalPartner,
    ProposalRevision,
)
from ..models.attachments import ATTACHMENT_TYPES
from ._common import (
    allocate_reference,
    audit,
    due_from,
    lock,
    move,
    now,
    require_perm,
    require_state,
    require_text,
    snapshot,
)

S = Proposal.State
LIVE = (Assignment.State.OPEN, Assignment.State.ANSWERED)


@transaction.atomic
def proposal_accept(*, actor, proposal: Proposal) -> Proposal:
    """The desk takes a submitted proposal into screening (受付)."""
    proposal = lock(proposal)
    require_state(proposal, "accept", S.SUBMITTED)
    require_perm(actor, "proposals.screen_proposal", proposal)
    return move(proposal, actor=actor, to_state=S.SCREENING, verb="accept")


@transaction.atomic
def proposal_return(*, actor, proposal: Proposal, comments: str) -> Proposal:
    """The desk sends the proposal back for revision; its comments also open the thread."""
    proposal = lock(proposal)
    require_state(proposal, "return", S.SUBMITTED, S.SCREENING)
    require_perm(actor, "proposals.screen_proposal", proposal)
    comments = require_text(comments, "comments", _("Tell the proposer what to revise."))
    Message.objects.create(proposal=proposal, author=actor, side=Message.Side.DESK, text=comments)
    return move(proposal, actor=actor, to_state=S.RETURNED, verb="return", reason=comments)


@transaction.atomic
def proposal_close_out_of_scope(*, actor, proposal: Proposal, reason: str) -> Proposal:
    """The desk closes a proposal the body cannot consider, saying why."""
    proposal = lock(proposal)
    require_state(proposal, "out_of_scope", S.SUBMITTED, S.SCREENING)
    require_perm(actor, "proposals.screen_proposal", proposal)
    reason = require_text(reason, "reason", _("Give the reason the proposal is out of scope."))
    return move(proposal, actor=actor, to_state=S.OUT_OF_SCOPE, verb="out_of_scope", reason=reason)


def _check_departments(proposal: Proposal, departments) -> list:
    departments = list(dict.fromkeys(departments))
    if not departments:
        raise ValidationError({"departments": _("Choose at least one department.")})
    if any(department.body_id != proposal.body_id for department in departments):
        raise ValidationError({"departments": _("Choose departments of this body.")})
    held = set(
        proposal.assignments.filter(state__in=LIVE, department__in=departments).values_list(
            "department__name", flat=True
        )
    )
    if held:
        raise ValidationError(
            {"departments": _("Already routed to: %(names)s") % {"names": join_names(sorted(held))}}
        )
    return departments


@transaction.atomic
def proposal_route(
    *, actor, proposal: Proposal, departments, due_days: int | None = None
) -> Proposal:
    """Route to one or more departments, due after the body's days unless the desk says so.

    Routing again while under consideration adds departments; each department decides once.
    """
    proposal = lock(proposal)
    require_state(proposal, "route", S.SCREENING, S.ROUTED, S.IN_CONSULTATION)
    require_perm(actor, "proposals.route_proposal", proposal)
    departments = _check_departments(proposal, departments)
    days = proposal.body.answer_days if due_days is None else due_days
    if days < 1:
        raise ValidationError({"due_days": _("The department needs at least one day.")})
    due_at = due_from(now(), days)
    Assignment.objects.bulk_create(
        Assignment(proposal=proposal, department=department, assigned_by=actor, due_at=due_at)
        for department in departments
    )
    to_state = S.ROUTED if proposal.state == S.SCREENING else proposal.state
    return move(proposal, actor=actor, to_state=to_state, verb="route",
                changes={"departments": [d.pk for d in departments], "due_at": due_at})


def _related(one: GovernmentBody, other: GovernmentBody) -> bool:
    return one.parent_id == other.pk or other.parent_id == one.pk


@transaction.atomic
def proposal_forward(
    *, actor, proposal: Proposal, to_body: GovernmentBody, reason: str
) -> Proposal:
    """Hand a matter over between a prefecture and one of its municipalities.

    The receiving body gets its own proposal (its own reference and clock, without catalog
    targets, which belong to the sender, with copies of the attached files); this one closes,
    pointing to it.
    """
    proposal = lock(proposal)
    require_state(proposal, "forward", S.SUBMITTED, S.SCREENING)
    require_perm(actor, "proposals.screen_proposal", proposal)
    reason = require_text(reason, "reason", _("Say why the proposal goes to the other body."))
    if not (to_body.is_active and _related(proposal.body, to_body)):
        raise ValidationError(
            {"to_body": _("A proposal can go only between a prefecture and its municipalities.")}
        )
    moment = now()
    fiscal_year = proposal.fiscal_year
    fields = {name: value for name, value in snapshot(proposal).items()
              if name not in ("target_projects", "is_new_project")}
    copy = Proposal.objects.create(
        body=to_body, organization=proposal.organization, author=proposal.author, **fields,
        is_new_project=True, released_at=proposal.released_at, state=S.SUBMITTED,
        fiscal_year=fiscal_year, reference=allocate_reference(to_body, fiscal_year),
        submitted_at=moment, due_at=due_from(moment, to_body.answer_days),
        forwarded_from=proposal,
    )
    ProposalPartner.objects.bulk_create(
        ProposalPartner(proposal=copy, organization_id=link.organization_id, role=link.role,
                        consented_at=link.consented_at, consented_by_id=link.consented_by_id)
        for link in proposal.partner_links.all()
    )
    ProposalRevision.objects.create(proposal=copy, number=1, snapshot=snapshot(copy),
                                    created_by=actor, note=reason)
    copied, missing, stored = _copy_attachments(proposal, copy)
    try:
        changes = {"forwarded_from": proposal.reference, "attachments": [a.pk for a in copied]}
        if missing:
            changes["attachments_missing"] = missing
        audit(copy, actor=actor, verb="receive_forwarded", to_state=S.SUBMITTED, reason=reason,
              changes=changes)
        move(proposal, actor=actor, to_state=S.CLOSED, verb="forward", reason=reason,
             changes={"forwarded_to": [to_body.code, copy.reference]})
    except Exception:
        # Nothing will point at the copied files: do not leave them on disk.
        _remove_stored(stored)
        raise
    return copy


def _copy_attachments(
    proposal: Proposal, copy: Proposal
) -> tuple[list[ProposalAttachment], list[int], list]:
    """The files of ``proposal`` as files of its forwarded ``copy``.

    Each is stored again under a new name of the copy (never shared: removing one must not
    remove the other), keeping its name, type, protection, uploader and upload time. Returns the
    copies, the ids of files missing from storage (not copied) and what was stored, for the
    caller to remove should the forward fail.
    """
    copies, missing, stored = [], [], []
    try:
        for attachment in proposal.attachments.order_by("uploaded_at", "pk"):
            new = ProposalAttachment(
                proposal=copy, token=secrets.token_hex(16),
                original_name=attachment.original_name, content_type=attachment.content_type,
                size=attachment.size, confidential=attachment.confidential,
                uploaded_by_id=attachment.uploaded_by_id,
            )
            try:
                handle = attachment.file.open("rb")
            except FileNotFoundError:
                missing.append(attachment.pk)
                continue
            with handle:
                new.file.save(new.token + ATTACHMENT_TYPES[attachment.content_type],
                              File(handle), save=False)
            stored.append((new.file.storage, new.file.name))
            new.save()
            # Uploaded when the proposer uploaded it, not when it was forwarded.
            ProposalAttachment.objects.filter(pk=new.pk).update(
                uploaded_at=attachment.uploaded_at
            )
            copies.append(new)
    except Exception:
        _remove_stored(stored)
        raise
    return copies, missing, stored


def _remove_stored(stored) -> None:
    for storage, name in stored:
        storage.delete(name)


@transaction.atomic
def assignment_reassign(
    *, actor, assignment: Assignment, department, reason: str = ""
) -> Assignment:
    """Move an open assignment to another department of the body, with a fresh clock."""
    proposal = lock(assignment.proposal)
    assignment = Assignment.objects.select_for_update().select_related("proposal__body").get(
        pk=assignment.pk
    )
    if assignment.state != Assignment.State.OPEN:
        raise ValidationError(_("Only an assignment still waiting for its department can move."))
    require_state(proposal, "reassign", S.ROUTED, S.IN_CONSULTATION)
    require_perm(actor, "proposals.reassign_assignment", assignment)
    if department.pk == assignment.department_id:
        raise ValidationError({"department": _("Choose a different department.")})
    _check_departments(proposal, [department])
    assignment.state = Assignment.State.REASSIGNED
    assignment.save(update_fields=["state"])
    new = Assignment.objects.create(
        proposal=proposal, department=department, assigned_by=actor,
        due_at=due_from(now(), proposal.body.answer_days),
    )
    assignment.reassigned_to = new
    assignment.save(update_fields=["reassigned_to"])
    move(proposal, actor=actor, to_state=proposal.state, verb="reassign", reason=reason.strip(),
         changes={"department": [assignment.department_id, department.pk]})
    return new


@transaction.atomic
def proposal_publish(
    *, actor, proposal: Proposal, public_reasons: dict[int, str] | None = None
) -> Proposal:
    """Put a decided proposal on the body's public results page, after the desk's disclosure
    review: ``public_reasons`` maps a decision's id to the wording of its reasons the public
    reads (e.g. without personal data or a company's business information; "" withholds them).
    Decisions not named are published with their reasons as the department wrote them."""
    proposal = lock(proposal)
    require_state(proposal, "publish", S.DECIDED)
    require_perm(actor, "proposals.publish_result", proposal)
    reviewed = []
    if public_reasons:
        decisions = {
            decision.pk: decision
            for decision in Decision.objects.current().filter(assignment__proposal=proposal)
        }
        for pk, text in public_reasons.items():
            decision = decisions.get(pk)
            if decision is None or decision.is_adopted:
                raise ValidationError(
                    _("Only the reasons of this proposal's current decisions can be reviewed.")
                )
            decision.public_reasons = (text or "").strip()
            decision.save(update_fields=["public_reasons"])
            if decision.public_reasons != decision.reasons:
                reviewed.append(pk)
    proposal.published_at = now()
    # Catalog project pages list their published proposals: renew the shared public pages.
    transaction.on_commit(bump_catalog_version)
    return move(proposal, actor=actor, to_state=proposal.state, verb="publish",
                fields=("published_at",),
                changes={"reasons_edited_for_publication": reviewed} if reviewed else None)


@transaction.atomic
def proposal_close(*, actor, proposal: Proposal, reason: str = "") -> Proposal:
    """The desk closes a decided proposal (after implementation, or when nothing follows)."""
    proposal = lock(proposal)
    require_state(proposal, "close", S.DECIDED)
    require_perm(actor, "proposals.close_proposal", proposal)
    return move(proposal, actor=actor, to_state=S.CLOSED, verb="close", reason=reason.strip())
