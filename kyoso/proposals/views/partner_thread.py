"""What the proposer follows once a proposal is submitted: the departments' decisions, the
meetings and the thread with the desk and the departments (read, and write while the rules let
the proposer discuss it).

Only what the proposer may see: a decision once it has taken effect (a non-adoption waiting for
the desk's countersignature may still be sent back, and one sent back is replaced), with the
department's own reasons but nothing the desk noted internally; the thread and the minutes to
those who may read protected ideas (they may repeat them).
"""

from __future__ import annotations

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kyoso.core.forms import apply_errors, create_once, earlier_submission

from .. import services
from ..forms_partner import MessageForm
from ..models import Assignment, Decision, Proposal
from ..services import ProposalTransitionError
from ..services._common import ACTIONS
from .partner_common import own_proposal

MESSAGE_OPERATION = "proposals.message"


def decisions_in_effect(proposal: Proposal) -> list[Decision]:
    """Each department's decision that has taken effect, oldest first, department attached."""
    return list(
        Decision.objects.effective()
        .filter(assignment__proposal=proposal, assignment__state=Assignment.State.ANSWERED)
        .select_related("assignment__department")
        .order_by("effective_at", "pk")
    )


def follow_up(user, proposal: Proposal, message_form: MessageForm | None = None) -> dict:
    """The decisions, the meetings and the thread, as this proposer may see them."""
    reads_thread = proposal.submitted_at is not None and rules.has_perm(
        "proposals.view_confidential", user, proposal
    )
    may_write = reads_thread and rules.has_perm("proposals.discuss_proposal", user, proposal)
    if may_write and message_form is None:
        message_form = MessageForm()
    return {
        "decisions": decisions_in_effect(proposal) if proposal.submitted_at else [],
        "reads_thread": reads_thread,
        "thread": (
            proposal.messages.select_related("author", "department").order_by("created_at", "pk")
            if reads_thread else ()
        ),
        "meetings": proposal.meetings.order_by("held_at", "pk") if reads_thread else (),
        "message_form": message_form if may_write else None,
    }


def _thread_url(proposal: Proposal) -> str:
    return reverse("proposals:task_list", args=[proposal.pk]) + "#thread-heading"


@login_required
@require_http_methods(["GET", "POST"])
def message(request, pk):
    """Write in the thread. The form is on the proposal's page; this page shows it again with
    what was typed when something is wrong. Safe to repeat: a form sent twice adds one message."""
    proposal = own_proposal(request.user, pk)
    if earlier_submission(request, MESSAGE_OPERATION) is not None:
        return redirect(_thread_url(proposal))
    if not rules.has_perm("proposals.discuss_proposal", request.user, proposal):
        messages.error(request, _("“%(action)s” is not possible while the proposal is “%(state)s”.")
                       % {"action": ACTIONS["discuss"], "state": proposal.get_state_display()})
        return redirect("proposals:task_list", proposal.pk)
    form = MessageForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                create_once(
                    user=request.user, key=form.cleaned_data["submission_key"],
                    operation=MESSAGE_OPERATION,
                    create=lambda: services.message_post(
                        actor=request.user, proposal=proposal, text=form.cleaned_data["text"]
                    ),
                )
            except ProposalTransitionError as error:
                form.add_error(None, error)
                status = 409
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Your message was added to the thread."))
                return redirect(_thread_url(proposal))
    return render(request, "proposals/partner/message.html", {
        "proposal": proposal, "form": form,
    }, status=status)
