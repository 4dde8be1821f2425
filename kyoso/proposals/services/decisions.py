"""Departments decide; under the principle of saying yes the desk countersigns non-adoptions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kyoso.core.choices import CollaborationForm

from ..models import Assignment, Decision, Proposal
from ..rules import UNDER_CONSIDERATION
from ._common import (
    ProposalTransitionError,
    audit,
    bump,
    lock,
    move,
    now,
    require_perm,
    require_state,
    require_text,
    require_version,
)

S = Proposal.State


def _conclude_if_all_decided(proposal: Proposal, *, actor) -> None:
    """The proposal is decided when every department still holding it has an effective decision."""
    live = proposal.assignments.filter(
        state__in=[Assignment.State.OPEN, Assignment.State.ANSWERED]
    )
    if live.exists() and not live.filter(state=Assignment.State.OPEN).exists():
        proposal.decided_at = now()
        move(proposal, actor=actor, to_state=S.DECIDED, verb="decide", fields=("decided_at",))


def _take_effect(decision: Decision, moment) -> None:
    decision.effective_at = moment
    assignment = decision.assignment
    assignment.state = Assignment.State.ANSWERED
    assignment.answered_at = moment
    assignment.save(update_fields=["state", "answered_at"])


@transaction.atomic
def decision_record(
    *, actor, assignment: Assignment, outcome: str, form: str = "", reasons: str = "",
    expected_version: int, budget_reflected_yen: int | None = None,
    budget_fiscal_year: int | None = None,
) -> Decision:
    """Record the decision of the assigned department, with reasons unless it adopts.

    ``expected_version`` is the proposal's version the officer saw: if another officer acted in
    between, this one is refused and sees what changed. Where the body follows the principle of
    saying yes, a non-adoption waits for the desk's countersignature before it takes effect;
    until then the department may decide again (the earlier decision is kept, superseded).
    """
    proposal = lock(assignment.proposal)
    assignment = Assignment.objects.select_for_update().select_related(
        "proposal__body", "department"
    ).get(pk=assignment.pk)
    require_state(proposal, "decide", *UNDER_CONSIDERATION)
    require_version(proposal, expected_version)
    if assignment.state != Assignment.State.OPEN:
        raise ProposalTransitionError(
            _("This department's decision on the proposal has already been made."),
            code="already_decided",
        )
    require_perm(actor, "proposals.decide_assignment", assignment)
    if outcome not in Decision.Outcome.values:
        raise ValidationError({"outcome": _("Choose an outcome.")})
    adopted = outcome in Decision.ADOPTED
    reasons = (reasons or "").strip()
    if not adopted and not reasons:
        raise ValidationError({"reasons": _("Give the reasons: they are required unless adopted.")})
    if form and form not in CollaborationForm.values:
        raise ValidationError({"form": _("Choose a form of collaboration.")})
    if adopted and not form:
        raise ValidationError({"form": _("Say in which form the proposal is adopted.")})
    if form and not adopted:
        # Only an adoption is carried out in some form; a non-adoption or an opinion taken
        # would otherwise be published as e.g. "Not adopted | Subsidy".
        raise ValidationError({"form": _(
            "Only an adoption has a form of collaboration: leave it empty for this outcome."
        )})
    if budget_reflected_yen is not None and not budget_fiscal_year:
        raise ValidationError(
            {"budget_fiscal_year": _("Say in which fiscal year the budget is.")}
        )
    moment = now()
    previous = assignment.decisions.filter(superseded_at__isnull=True).first()
    if previous is not None:
        previous.superseded_at = moment
        previous.save(update_fields=["superseded_at"])
    decision = Decision(
        assignment=assignment, outcome=outcome, collaboration_form=form, reasons=reasons,
        budget_reflected_yen=budget_reflected_yen, budget_fiscal_year=budget_fiscal_year,
        decided_by=actor, decided_at=moment,
        needs_countersignature=proposal.body.principle_of_yes and not adopted,
    )
    if not decision.needs_countersignature:
        _take_effect(decision, moment)
    decision.save()
    bump(proposal)
    audit(proposal, actor=actor, verb="decision.record", target=decision,
          to_state=outcome, reason=reasons,
          changes={"department": assignment.department_id, "form": form,
                   "awaiting_countersignature": decision.needs_countersignature})
    _conclude_if_all_decided(proposal, actor=actor)
    return decision


@transaction.atomic
def decision_countersign(*, actor, decision: Decision) -> Decision:
    """The desk countersigns a non-adoption under the principle of saying yes; it takes effect."""
    proposal = lock(decision.assignment.proposal)
    decision = Decision.objects.select_for_update().select_related(
        "assignment__proposal__body"
    ).get(pk=decision.pk)
    require_state(proposal, "countersign", *UNDER_CONSIDERATION)
    if not (decision.needs_countersignature and decision.countersigned_at is None
            and decision.superseded_at is None):
        raise ProposalTransitionError(
            _("This decision does not wait for a countersignature."), code="no_countersignature"
        )
    require_perm(actor, "proposals.countersign_decision", decision)
    moment = now()
    decision.countersigned_by, decision.countersigned_at = actor, moment
    _take_effect(decision, moment)
    decision.save(update_fields=["countersigned_by", "countersigned_at", "effective_at"])
    bump(proposal)
    audit(proposal, actor=actor, verb="decision.countersign", target=decision,
          to_state=decision.outcome, reason=decision.reasons)
    _conclude_if_all_decided(proposal, actor=actor)
    return decision


@transaction.atomic
def decision_countersign_refuse(*, actor, decision: Decision, reason: str) -> Decision:
    """The desk does not countersign a non-adoption: under the principle of saying yes the
    department must look again. The decision is superseded (kept, with the desk's reason) and
    the assignment stays open for a new decision."""
    proposal = lock(decision.assignment.proposal)
    decision = Decision.objects.select_for_update().select_related(
        "assignment__proposal__body", "assignment__department"
    ).get(pk=decision.pk)
    require_state(proposal, "countersign", *UNDER_CONSIDERATION)
    if not (decision.needs_countersignature and decision.countersigned_at is None
            and decision.superseded_at is None):
        raise ProposalTransitionError(
            _("This decision does not wait for a countersignature."), code="no_countersignature"
        )
    require_perm(actor, "proposals.countersign_decision", decision)
    reason = require_text(reason, "reason",
                          _("Say why the department should decide again."))
    decision.superseded_at = now()
    decision.countersign_refusal = reason
    decision.save(update_fields=["superseded_at", "countersign_refusal"])
    bump(proposal)
    audit(proposal, actor=actor, verb="decision.countersign_refuse", target=decision,
          from_state=decision.outcome, reason=reason)
    return decision
