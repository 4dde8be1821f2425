"""Pages of the body's desk and of its departments: inbox, queue and a proposal's workspace.

The actions on a proposal (accept, route, decide …) are in ``desk_actions``; they post to their
own URLs and come back here.
"""

from __future__ import annotations

import rules
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kyoso.core.text import join_names, list_separator

from ..models import Assignment, Decision, Proposal
from ..models.proposals import EDITABLE_FIELDS
from ..rules import is_assigned_staff, is_proposal_body_admin, is_proposal_desk
from ..selectors import proposal_for, visible_sections
from .desk_clock import (
    INBOX_STATES,
    assignment_clock,
    clock_of,
    department_ids,
    desk_bodies,
    inbox_for,
    queue_for,
)
from .forms_desk import MeetingForm, MessageForm
from .partner_files import takes_part

PAGE_SIZES = (20, 50, 100)


def page_size_from(request) -> int:
    try:
        size = int(request.GET.get("page_size", PAGE_SIZES[0]))
    except ValueError:
        return PAGE_SIZES[0]
    return size if size in PAGE_SIZES else PAGE_SIZES[0]


def staff_proposal_for(user, pk) -> Proposal:
    """A proposal as the government sees it: its desk, its administrators, assigned departments.

    Anyone else (a department it was not routed to, another body's staff) gets a 404, as for a
    record that does not exist; the proposer follows it on the partner pages.
    """
    proposal = proposal_for(user, pk)
    if not (
        is_proposal_desk(user, proposal)
        or is_proposal_body_admin(user, proposal)
        or is_assigned_staff(user, proposal)
    ):
        raise Http404
    return proposal


@login_required
@require_GET
def inbox(request):
    """The desk's inbox: every proposal of its body that is not done, with its clock."""
    bodies = list(desk_bodies(request.user))
    if not bodies:
        raise PermissionDenied
    chosen = bodies
    body_code = request.GET.get("body", "")
    if body_code:
        chosen = [body for body in bodies if body.code == body_code] or bodies
        body_code = chosen[0].code if len(chosen) == 1 else ""
    state = request.GET.get("state", "")
    if state not in INBOX_STATES:
        state = ""
    paginator = Paginator(
        inbox_for(request.user, bodies=chosen, state=state), page_size_from(request)
    )
    page = paginator.get_page(request.GET.get("page"))
    rows = [(proposal, clock_of(proposal)) for proposal in page]
    return render(
        request,
        "proposals/desk/inbox.html",
        {
            "page": page,
            "rows": rows,
            "bodies": bodies,
            "body_code": body_code,
            "state": state,
            "states": [(value, Proposal.State(value).label) for value in INBOX_STATES],
        },
    )


@login_required
@require_GET
def queue(request):
    """A department's queue: proposals routed to it, the answer due soonest first."""
    if not department_ids(request.user):
        raise PermissionDenied
    answered = request.GET.get("show") == "answered"
    paginator = Paginator(queue_for(request.user, answered=answered), page_size_from(request))
    page = paginator.get_page(request.GET.get("page"))
    rows = [(assignment, assignment_clock(assignment)) for assignment in page]
    return render(
        request,
        "proposals/desk/queue.html",
        {"page": page, "rows": rows, "answered": answered},
    )


def field_label(name: str) -> str:
    if name == "target_projects":
        return str(Proposal._meta.get_field("target_projects").verbose_name)
    if name in EDITABLE_FIELDS:
        return str(Proposal._meta.get_field(name).verbose_name)
    return name


def attachments_for(user, proposal: Proposal) -> tuple[list, int]:
    """The proposal's files this viewer may download, and how many protected ones are not
    shown. The same rule as the download itself (``partner_files.attachment_download``): those
    taking part in the proposal, a protected file only to those who read protected ideas —
    whose names may tell the idea, so the others see neither the file nor its name."""
    if not takes_part(user, proposal):
        return [], 0
    files = list(proposal.attachments.select_related("uploaded_by").order_by("uploaded_at", "pk"))
    if rules.has_perm("proposals.view_confidential", user, proposal):
        return files, 0
    shown = [attachment for attachment in files if not attachment.is_protected()]
    return shown, len(files) - len(shown)


def workspace_context(request, proposal: Proposal) -> dict:
    """Everything the workspace shows, and which actions this viewer is offered."""
    from .desk_actions import ACTIONS_ON_PROPOSAL, offered

    user = request.user
    assignments = list(
        proposal.assignments.select_related("department", "reassigned_to__department")
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=Decision.objects.select_related("decided_by", "countersigned_by"),
                to_attr="all_decisions",
            )
        )
        .order_by("assigned_at", "pk")
    )
    for assignment in assignments:
        assignment.current_decisions = [
            d for d in assignment.all_decisions if d.superseded_at is None
        ]
        assignment.clock = assignment_clock(assignment)
        assignment.may_reassign = rules.has_perm(
            "proposals.reassign_assignment", user, assignment
        )
        assignment.may_decide = rules.has_perm("proposals.decide_assignment", user, assignment)
        for decision in assignment.all_decisions:
            decision.may_countersign = rules.has_perm(
                "proposals.countersign_decision", user, decision
            )
    proposal.live_assignments = [a for a in assignments if a.is_live]
    # Messages and minutes may repeat protected ideas: only those who may read them see them.
    reads_thread = rules.has_perm("proposals.view_confidential", user, proposal)
    revisions = [
        (revision, join_names(field_label(name) for name in (revision.changes or {})))
        for revision in proposal.revisions.select_related("created_by").order_by("number")
    ]
    attachments, protected_hidden = attachments_for(user, proposal)
    return {
        "proposal": proposal,
        "clock": clock_of(proposal),
        "sections": visible_sections(user, proposal),
        "partners": proposal.partner_links.select_related("organization").order_by("pk"),
        "targets": proposal.target_projects.select_related("department").order_by("pk"),
        "revisions": revisions,
        "attachments": attachments,
        "protected_attachments_hidden": protected_hidden,
        "list_separator": list_separator(),
        "assignments": assignments,
        "reads_thread": reads_thread,
        "thread": proposal.messages.select_related("author", "department") if reads_thread else (),
        "meetings": proposal.meetings.select_related("recorded_by") if reads_thread else (),
        "actions": [
            action for action in ACTIONS_ON_PROPOSAL if offered(action, user, proposal)
        ],
        "message_form": (
            MessageForm() if rules.has_perm("proposals.discuss_proposal", user, proposal)
            else None
        ),
        "meeting_form": (
            MeetingForm(proposal=proposal)
            if rules.has_perm("proposals.record_meeting", user, proposal) else None
        ),
        "is_desk": is_proposal_desk(user, proposal),
        "open_state": Assignment.State.OPEN,
    }


@login_required
@require_GET
def workspace(request, pk):
    proposal = staff_proposal_for(request.user, pk)
    return render(request, "proposals/desk/workspace.html", workspace_context(request, proposal))
