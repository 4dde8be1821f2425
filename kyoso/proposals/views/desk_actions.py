"""What the desk and the departments do to a proposal, one POST each, through the services.

Each action has a page of its own: GET shows its form (and is the confirmation page of the
destructive ones), POST calls the service. Who may act is asked first: someone who may see the
proposal but is not the desk (or the deciding department) gets 403; a move the proposal's state
does not allow is refused with the service's own message, keeping what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from kyoso.core.forms import apply_errors

from .. import services
from ..models import Assignment, Decision, Proposal
from ..rules import (
    UNDER_CONSIDERATION,
    awaits_countersignature,
    is_assigned_staff,
    is_assignment_staff,
    is_proposal_desk,
)
from ..services import ProposalChangedError, ProposalTransitionError
from ..services._common import ACTIONS as ACTION_LABELS
from .desk import staff_proposal_for
from .forms_desk import (
    CloseForm,
    ConfirmForm,
    DecisionForm,
    ForwardForm,
    MeetingForm,
    MessageForm,
    OutOfScopeForm,
    PublishForm,
    ReassignForm,
    RefuseCountersignForm,
    ReturnForm,
    RouteForm,
)

S = Proposal.State


def not_possible(verb: str, proposal: Proposal) -> str:
    # The same words the services use, so that both refusals read alike.
    return _("“%(action)s” is not possible while the proposal is “%(state)s”.") % {
        "action": ACTION_LABELS[verb], "state": proposal.get_state_display()
    }


def refusal(action: Action, proposal: Proposal, target=None) -> str:
    """Why an action is not offered: the proposal's state, or else what became of its target
    (a decision already countersigned or sent back, an assignment already moved)."""
    if not action.states or proposal.state in action.states:
        if isinstance(target, Decision) and proposal.state in UNDER_CONSIDERATION and not (
            awaits_countersignature(None, target)
        ):
            return _("This decision does not wait for a countersignature.")
        if isinstance(target, Assignment) and target.state != Assignment.State.OPEN:
            return _("Only an assignment still waiting for its department can move.")
    return not_possible(action.verb, proposal)


def desk_only(user, proposal, target) -> bool:
    return is_proposal_desk(user, proposal)


def participant(user, proposal, target) -> bool:
    return is_proposal_desk(user, proposal) or is_assigned_staff(user, proposal)


@dataclass(frozen=True)
class Action:
    name: str  # URL name suffix and key of the services' action labels
    verb: str
    title: Promise
    button: Promise
    explanation: Promise
    done: Promise
    perm: str
    role: Callable
    form: Callable
    perform: Callable
    states: tuple = ()
    danger: bool = False


def offered(action: Action, user, proposal, target=None) -> bool:
    """Whether to show the action: the rule allows it and the state is one it starts from."""
    if action.states and proposal.state not in action.states:
        return False
    if action.name == "forward" and not ForwardForm(proposal=proposal).fields[
        "to_body"
    ].queryset.exists():
        return False
    return rules.has_perm(action.perm, user, target if target is not None else proposal)


def _proposal_form(form_class):
    return lambda data, proposal, target: form_class(data, proposal=proposal)


def _plain_form(form_class):
    return lambda data, proposal, target: form_class(data)


ACCEPT = Action(
    "accept", "accept", gettext_lazy("Accept for screening"), gettext_lazy("Accept"),
    gettext_lazy("The desk takes the proposal into screening (受付). The proposer sees that it "
                 "is being screened."),
    gettext_lazy("The proposal is being screened."),
    "proposals.screen_proposal", desk_only, _plain_form(ConfirmForm),
    lambda actor, proposal, target, data: services.proposal_accept(
        actor=actor, proposal=proposal),
    states=(S.SUBMITTED,),
)
RETURN = Action(
    "return", "return", gettext_lazy("Return for revision"), gettext_lazy("Return to the proposer"),
    gettext_lazy("The proposal goes back to the proposer, who revises and submits it again. "
                 "It keeps its reference number."),
    gettext_lazy("The proposal was returned for revision."),
    "proposals.screen_proposal", desk_only, _plain_form(ReturnForm),
    lambda actor, proposal, target, data: services.proposal_return(
        actor=actor, proposal=proposal, comments=data["comments"]),
    states=(S.SUBMITTED, S.SCREENING), danger=True,
)
OUT_OF_SCOPE = Action(
    "out_of_scope", "out_of_scope", gettext_lazy("Close as out of scope"),
    gettext_lazy("Close as out of scope"),
    gettext_lazy("The proposal is closed without being considered by a department. This cannot "
                 "be undone."),
    gettext_lazy("The proposal was closed as out of scope."),
    "proposals.screen_proposal", desk_only, _plain_form(OutOfScopeForm),
    lambda actor, proposal, target, data: services.proposal_close_out_of_scope(
        actor=actor, proposal=proposal, reason=data["reason"]),
    states=(S.SUBMITTED, S.SCREENING), danger=True,
)
FORWARD = Action(
    "forward", "forward", gettext_lazy("Forward to another body"), gettext_lazy("Forward"),
    gettext_lazy("A matter of the prefecture or of one of its municipalities goes to that body, "
                 "which gets a new proposal with its own reference and clock. This one closes."),
    gettext_lazy("The proposal was forwarded."),
    "proposals.screen_proposal", desk_only, _proposal_form(ForwardForm),
    lambda actor, proposal, target, data: services.proposal_forward(
        actor=actor, proposal=proposal, to_body=data["to_body"], reason=data["reason"]),
    states=(S.SUBMITTED, S.SCREENING), danger=True,
)
ROUTE = Action(
    "route", "route", gettext_lazy("Route to departments"), gettext_lazy("Route"),
    gettext_lazy("Each department chosen considers the proposal and records its own decision "
                 "by the due date."),
    gettext_lazy("The proposal was routed."),
    "proposals.route_proposal", desk_only, _proposal_form(RouteForm),
    lambda actor, proposal, target, data: services.proposal_route(
        actor=actor, proposal=proposal, departments=list(data["departments"]),
        due_days=data["due_days"]),
    states=(S.SCREENING, S.ROUTED, S.IN_CONSULTATION),
)
PUBLISH = Action(
    "publish", "publish", gettext_lazy("Publish the result"), gettext_lazy("Publish"),
    gettext_lazy("The title, the proposer, the outcome, the form of collaboration and the "
                 "reasons of each non-adoption appear on the body's public results page. Review "
                 "the reasons as the public will read them. Protected sections stay protected."),
    gettext_lazy("The result was published."),
    "proposals.publish_result", desk_only, _proposal_form(PublishForm),
    lambda actor, proposal, target, data: services.proposal_publish(
        actor=actor, proposal=proposal, public_reasons=data["public_reasons"]),
    states=(S.DECIDED,), danger=True,
)
CLOSE = Action(
    "close", "close", gettext_lazy("Close the proposal"), gettext_lazy("Close"),
    gettext_lazy("Closing ends the desk's work on this proposal. This cannot be undone."),
    gettext_lazy("The proposal was closed."),
    "proposals.close_proposal", desk_only, _plain_form(CloseForm),
    lambda actor, proposal, target, data: services.proposal_close(
        actor=actor, proposal=proposal, reason=data["reason"]),
    states=(S.DECIDED,), danger=True,
)
MESSAGE = Action(
    "message", "discuss", gettext_lazy("Write a message"), gettext_lazy("Send"),
    gettext_lazy("The proposer, the desk and the assigned departments read the thread."),
    gettext_lazy("Your message was added to the thread."),
    "proposals.discuss_proposal", participant, _plain_form(MessageForm),
    lambda actor, proposal, target, data: services.message_post(
        actor=actor, proposal=proposal, text=data["text"]),
)
MEETING = Action(
    "meeting", "meet", gettext_lazy("Record a meeting"), gettext_lazy("Record"),
    gettext_lazy("An on-site consultation or partnership meeting: when, where, who took part "
                 "and what was said."),
    gettext_lazy("The meeting was recorded."),
    "proposals.record_meeting", participant, _proposal_form(MeetingForm),
    lambda actor, proposal, target, data: services.meeting_record(
        actor=actor, proposal=proposal, held_at=data["held_at"], place=data["place"],
        attendees=data["attendees"], minutes=data["minutes"]),
)
REASSIGN = Action(
    "reassign", "reassign", gettext_lazy("Reassign to another department"),
    gettext_lazy("Reassign"),
    gettext_lazy("The new department gets the proposal with a fresh due date; the current one "
                 "no longer sees it."),
    gettext_lazy("The assignment was moved."),
    "proposals.reassign_assignment", desk_only,
    lambda data, proposal, target: ReassignForm(data, assignment=target),
    lambda actor, proposal, target, data: services.assignment_reassign(
        actor=actor, assignment=target, department=data["department"], reason=data["reason"]),
    danger=True,
)
COUNTERSIGN = Action(
    "countersign", "countersign", gettext_lazy("Countersign the non-adoption"),
    gettext_lazy("Countersign"),
    gettext_lazy("Under the principle of saying yes, a non-adoption takes effect only with the "
                 "desk's countersignature. Read the department's reasons before you sign."),
    gettext_lazy("The decision was countersigned and takes effect."),
    "proposals.countersign_decision", desk_only, _plain_form(ConfirmForm),
    lambda actor, proposal, target, data: services.decision_countersign(
        actor=actor, decision=target),
    danger=True,
)
REFUSE_COUNTERSIGN = Action(
    "countersign_refuse", "countersign", gettext_lazy("Do not countersign: ask to decide again"),
    gettext_lazy("Send back to the department"),
    gettext_lazy("Under the principle of saying yes, the desk may ask the department to look "
                 "again instead of countersigning. The decision is kept as replaced, and the "
                 "department records a new one."),
    gettext_lazy("The department was asked to decide again."),
    "proposals.countersign_decision", desk_only, _plain_form(RefuseCountersignForm),
    lambda actor, proposal, target, data: services.decision_countersign_refuse(
        actor=actor, decision=target, reason=data["reason"]),
)

# In the order the workspace offers them.
ACTIONS_ON_PROPOSAL = (ACCEPT, ROUTE, RETURN, OUT_OF_SCOPE, FORWARD, PUBLISH, CLOSE)


def run(request, action: Action, proposal: Proposal, target=None):
    user = request.user
    if not action.role(user, proposal, target):
        raise PermissionDenied
    if request.method == "GET" and not offered(action, user, proposal, target):
        messages.error(request, refusal(action, proposal, target))
        return redirect("proposals:desk_proposal", proposal.pk)
    form = action.form(request.POST if request.method == "POST" else None, proposal, target)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            action.perform(user, proposal, target, form.cleaned_data)
        except ProposalTransitionError as error:
            form.add_error(None, error)
            status = 409
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, action.done)
            return redirect("proposals:desk_proposal", proposal.pk)
    return render(
        request,
        "proposals/desk/action.html",
        {"action": action, "proposal": proposal, "target": target, "form": form},
        status=status,
    )


def _view(action: Action):
    @login_required
    @require_http_methods(["GET", "POST"])
    def view(request, pk):
        return run(request, action, staff_proposal_for(request.user, pk))

    view.__name__ = f"desk_{action.name}"
    return view


accept = _view(ACCEPT)
return_for_revision = _view(RETURN)
out_of_scope = _view(OUT_OF_SCOPE)
forward = _view(FORWARD)
route = _view(ROUTE)
publish = _view(PUBLISH)
close = _view(CLOSE)
message = _view(MESSAGE)
meeting = _view(MEETING)


@login_required
@require_http_methods(["GET", "POST"])
def reassign(request, pk, assignment_pk):
    proposal = staff_proposal_for(request.user, pk)
    assignment = get_object_or_404(
        Assignment.objects.select_related("department", "proposal__body"),
        pk=assignment_pk, proposal=proposal,
    )
    return run(request, REASSIGN, proposal, assignment)


def _on_decision(action: Action):
    """A desk action on one current decision of the proposal (countersign, or refuse to)."""

    @login_required
    @require_http_methods(["GET", "POST"])
    def view(request, pk, decision_pk):
        proposal = staff_proposal_for(request.user, pk)
        decision = get_object_or_404(
            Decision.objects.select_related("assignment__department",
                                            "assignment__proposal__body", "decided_by"),
            pk=decision_pk, assignment__proposal=proposal,
        )
        return run(request, action, proposal, decision)

    view.__name__ = f"desk_{action.name}"
    return view


countersign = _on_decision(COUNTERSIGN)
countersign_refuse = _on_decision(REFUSE_COUNTERSIGN)


def _decisions_now(proposal: Proposal) -> list[Decision]:
    return list(
        Decision.objects.current()
        .filter(assignment__proposal=proposal)
        .select_related("assignment__department", "decided_by")
        .order_by("decided_at", "pk")
    )


@login_required
@require_http_methods(["GET", "POST"])
def decide(request, pk, assignment_pk):
    """The department records its decision; a stale form shows what changed and keeps the text.

    The form carries the proposal's version the officer saw. If someone acted in between (another
    officer decided, the desk routed again, the consultation began), the service refuses; the
    page then shows the proposal as it is now, with the officer's text, and the current version,
    so that the officer decides again knowingly.
    """
    proposal = staff_proposal_for(request.user, pk)
    assignment = get_object_or_404(
        Assignment.objects.select_related("department", "proposal__body"),
        pk=assignment_pk, proposal=proposal,
    )
    user = request.user
    if not is_assignment_staff(user, assignment):
        raise PermissionDenied
    may_decide = rules.has_perm("proposals.decide_assignment", user, assignment)
    if request.method == "GET" and not may_decide:
        messages.error(request, not_possible("decide", proposal))
        return redirect("proposals:desk_proposal", proposal.pk)
    status, changed = 200, False
    if request.method == "POST":
        form = DecisionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.decision_record(
                    actor=user, assignment=assignment, outcome=data["outcome"],
                    form=data["form"], reasons=data["reasons"],
                    expected_version=data["expected_version"],
                    budget_reflected_yen=data["budget_reflected_yen"],
                    budget_fiscal_year=data["budget_fiscal_year"],
                )
            except ProposalChangedError as error:
                changed, status = True, 409
                proposal.refresh_from_db()
                assignment.refresh_from_db()
                posted = request.POST.copy()
                posted["expected_version"] = str(proposal.version)
                form = DecisionForm(posted)
                form.is_valid()
                form.add_error(None, error)
                may_decide = rules.has_perm("proposals.decide_assignment", user, assignment)
            except ProposalTransitionError as error:
                form.add_error(None, error)
                status = 409
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The decision was recorded."))
                return redirect("proposals:desk_proposal", proposal.pk)
    else:
        form = DecisionForm(initial={"expected_version": proposal.version})
    return render(
        request,
        "proposals/desk/decide.html",
        {
            "proposal": proposal,
            "assignment": assignment,
            "form": form,
            "changed": changed,
            "may_decide": may_decide,
            "decisions_now": _decisions_now(proposal) if changed else (),
            "needs_countersignature": proposal.body.principle_of_yes,
        },
        status=status,
    )
