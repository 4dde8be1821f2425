"""The desk (公民連携デスク) and the departments (担当課) in the API: inbox, queue, actions.

Each action calls the service the desk's pages call. The caller must be the body's desk (or,
to decide, staff of the assigned department): anyone else who may see the proposal is refused
with 403, anyone who may not see it gets 404. The service then checks the state (409).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Body, Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from kyoso.organizations.models import Department, GovernmentBody
from kyoso.proposals import services
from kyoso.proposals.models import Assignment, Decision, Proposal
from kyoso.proposals.rules import is_assignment_staff, is_proposal_desk
from kyoso.proposals.selectors import proposal_for
from kyoso.proposals.views.desk_clock import (
    INBOX_STATES,
    department_ids,
    desk_bodies,
    inbox_for,
    live_assignments_prefetch,
    queue_for,
)

from ..auth import AUTH
from ..pagination import PageNumberPagination
from ..schemas import LanguageParam
from .proposal_schemas import (
    AssignmentOut,
    CountersignRefusalIn,
    DecisionIn,
    DecisionOut,
    ForwardIn,
    ForwardOut,
    ProposalSummaryOut,
    PublishIn,
    QueueItemOut,
    ReasonIn,
    ReassignIn,
    RequiredReasonIn,
    ReturnIn,
    RouteIn,
)
from .proposals import READ_ERRORS, WRITE_ERRORS, stale_version_of, summary_of

router = Router(tags=["Desk and departments"], auth=AUTH)


def desk_proposal(request, proposal_id: int) -> Proposal:
    proposal = proposal_for(request.user, proposal_id)
    if not is_proposal_desk(request.user, proposal):
        raise PermissionDenied(_("Only the body's desk may do this."))
    return proposal


def assignment_of(proposal: Proposal, assignment_id: int) -> Assignment:
    try:
        return proposal.assignments.select_related("proposal__body", "department").get(
            pk=assignment_id
        )
    except Assignment.DoesNotExist:
        raise Http404 from None


class InboxFilters(Schema):
    body: str | None = Field(
        None, pattern=r"^\d{6}$", description="Only this body (one whose desk you staff)."
    )
    state: Proposal.State | None = Field(
        None, description="Only proposals in this state (submitted … decided)."
    )


@router.get(
    "/proposals/inbox",
    response={200: list[ProposalSummaryOut], **READ_ERRORS},
    url_name="desk_inbox",
    summary="The desk's inbox",
)
@paginate(PageNumberPagination)
def inbox(request, filters: Query[InboxFilters], lang: LanguageParam = None):
    """What the desk's inbox page shows: every proposal of the caller's bodies that is not
    done, the most urgent first (overdue, then due soonest, then those without a clock)."""
    bodies = list(desk_bodies(request.user))
    if not bodies:
        raise PermissionDenied(_("Only the staff of a body's desk have an inbox."))
    if filters.body:
        bodies = [body for body in bodies if body.code == filters.body]
        if not bodies:
            raise PermissionDenied(_("You are not on the desk of this body."))
    state = filters.state or ""
    if state and state not in INBOX_STATES:
        return Proposal.objects.none()
    return inbox_for(request.user, bodies=bodies, state=state)


class QueueFilters(Schema):
    answered: bool = Field(
        False, description="`true`: assignments already answered, newest first."
    )


@router.get(
    "/proposals/assignments",
    response={200: list[QueueItemOut], **READ_ERRORS},
    url_name="department_queue",
    summary="A department's queue",
)
@paginate(PageNumberPagination)
def queue(request, filters: Query[QueueFilters], lang: LanguageParam = None):
    """Proposals routed to the caller's departments and waiting for their decision, the one due
    soonest first (or, with `answered=true`, those answered)."""
    if not department_ids(request.user):
        raise PermissionDenied(_("Only the staff of a department have a queue."))
    # Each proposal's clock reads its live assignments: fetch them for the whole page at once.
    clocks = live_assignments_prefetch()
    clocks.add_prefix("proposal")
    return queue_for(request.user, answered=filters.answered).prefetch_related(clocks)


# ---- Desk actions -----------------------------------------------------------------------------


@router.post(
    "/proposals/{int:proposal_id}/accept",
    response={200: ProposalSummaryOut, **WRITE_ERRORS},
    url_name="proposal_accept",
    summary="Accept for screening",
)
def accept(request, proposal_id: int, lang: LanguageParam = None):
    """The desk takes a submitted proposal into screening (受付)."""
    proposal = desk_proposal(request, proposal_id)
    services.proposal_accept(actor=request.user, proposal=proposal)
    return summary_of(proposal)


@router.post(
    "/proposals/{int:proposal_id}/return",
    response={200: ProposalSummaryOut, **WRITE_ERRORS},
    url_name="proposal_return",
    summary="Return for revision",
)
def return_for_revision(request, proposal_id: int, payload: ReturnIn, lang: LanguageParam = None):
    """Back to the proposer with comments, which also start the thread. It keeps its reference."""
    proposal = desk_proposal(request, proposal_id)
    services.proposal_return(actor=request.user, proposal=proposal, comments=payload.comments)
    return summary_of(proposal)


@router.post(
    "/proposals/{int:proposal_id}/out-of-scope",
    response={200: ProposalSummaryOut, **WRITE_ERRORS},
    url_name="proposal_out_of_scope",
    summary="Close as out of scope",
)
def out_of_scope(request, proposal_id: int, payload: RequiredReasonIn,
                 lang: LanguageParam = None):
    """Close a proposal the body cannot consider; the reason is required and the proposer
    reads it."""
    proposal = desk_proposal(request, proposal_id)
    services.proposal_close_out_of_scope(
        actor=request.user, proposal=proposal, reason=payload.reason
    )
    return summary_of(proposal)


@router.post(
    "/proposals/{int:proposal_id}/forward",
    response={200: ForwardOut, **WRITE_ERRORS},
    url_name="proposal_forward",
    summary="Forward to another body",
)
def forward(request, proposal_id: int, payload: ForwardIn, lang: LanguageParam = None):
    """Between a prefecture and one of its municipalities: the receiving body gets a new
    submitted proposal with its own reference and clock; this one closes."""
    proposal = desk_proposal(request, proposal_id)
    to_body = GovernmentBody.objects.filter(code=payload.to_body).first()
    if to_body is None:
        raise ValidationError({"to_body": _("No government body with this code is on Kyoso.")})
    copy = services.proposal_forward(
        actor=request.user, proposal=proposal, to_body=to_body, reason=payload.reason
    )
    return {"proposal": summary_of(proposal), "forwarded_to_body": to_body,
            "forwarded_to_reference": copy.reference}


@router.post(
    "/proposals/{int:proposal_id}/route",
    response={200: ProposalSummaryOut, **WRITE_ERRORS},
    url_name="proposal_route",
    summary="Route to departments",
)
def route(request, proposal_id: int, payload: RouteIn, lang: LanguageParam = None):
    """Each department chosen considers the proposal and decides by the due date (the body's
    rule unless `due_days` says otherwise). Routing again while under consideration adds
    departments."""
    proposal = desk_proposal(request, proposal_id)
    ids = list(dict.fromkeys(payload.departments))
    departments = list(Department.objects.filter(pk__in=ids))
    if len(departments) != len(ids):
        raise ValidationError({"departments": _("Choose departments of this body.")})
    services.proposal_route(
        actor=request.user, proposal=proposal, departments=departments,
        due_days=payload.due_days,
    )
    return summary_of(proposal)


@router.post(
    "/proposals/{int:proposal_id}/assignments/{int:assignment_id}/reassign",
    response={200: AssignmentOut, **WRITE_ERRORS},
    url_name="assignment_reassign",
    summary="Reassign to another department",
)
def reassign(request, proposal_id: int, assignment_id: int, payload: ReassignIn,
             lang: LanguageParam = None):
    """Move an assignment still waiting for its department to another one, with a fresh clock.
    Answers the new assignment."""
    proposal = desk_proposal(request, proposal_id)
    assignment = assignment_of(proposal, assignment_id)
    department = Department.objects.filter(pk=payload.department).first()
    if department is None:
        raise ValidationError({"department": _("Choose departments of this body.")})
    new = services.assignment_reassign(
        actor=request.user, assignment=assignment, department=department, reason=payload.reason
    )
    new.api_decision, new.api_actions = None, []
    return new


@router.post(
    "/proposals/{int:proposal_id}/decisions/{int:decision_id}/countersign",
    response={200: DecisionOut, **WRITE_ERRORS},
    url_name="decision_countersign",
    summary="Countersign a non-adoption",
)
def countersign(request, proposal_id: int, decision_id: int, lang: LanguageParam = None):
    """Under the principle of saying yes, a non-adoption takes effect only when the desk
    countersigns it."""
    proposal = desk_proposal(request, proposal_id)
    decision = Decision.objects.filter(pk=decision_id, assignment__proposal=proposal).first()
    if decision is None:
        raise Http404
    return services.decision_countersign(actor=request.user, decision=decision)


@router.post(
    "/proposals/{int:proposal_id}/decisions/{int:decision_id}/refuse-countersignature",
    response={200: DecisionOut, **WRITE_ERRORS},
    url_name="decision_countersign_refuse",
    summary="Refuse to countersign a non-adoption",
)
def refuse_countersignature(request, proposal_id: int, decision_id: int,
                            payload: CountersignRefusalIn, lang: LanguageParam = None):
    """Under the principle of saying yes, send a non-adoption back to its department with the
    desk's reason: the decision is kept as superseded and the department decides again."""
    proposal = desk_proposal(request, proposal_id)
    decision = Decision.objects.filter(pk=decision_id, assignment__proposal=proposal).first()
    if decision is None:
        raise Http404
    return services.decision_countersign_refuse(
        actor=request.user, decision=decision, reason=payload.reason
    )


@router.post(
    "/proposals/{int:proposal_id}/publish",
    response={200: ProposalSummaryOut, **WRITE_ERRORS},
    url_name="proposal_publish",
    summary="Publish the result",
)
def publish(request, proposal_id: int, payload: Body[PublishIn] = None,
            lang: LanguageParam = None):
    """The decided proposal appears among the body's public results (protected sections stay
    protected). The body is optional: the disclosure review may reword or withhold the reasons
    of non-adoptions as the public reads them (`public_reasons`)."""
    proposal = desk_proposal(request, proposal_id)
    services.proposal_publish(
        actor=request.user, proposal=proposal,
        public_reasons=(payload.public_reasons if payload else None) or None,
    )
    return summary_of(proposal)


@router.post(
    "/proposals/{int:proposal_id}/close",
    response={200: ProposalSummaryOut, **WRITE_ERRORS},
    url_name="proposal_close",
    summary="Close a decided proposal",
)
def close(request, proposal_id: int, payload: ReasonIn, lang: LanguageParam = None):
    """Ends the desk's work on a decided proposal."""
    proposal = desk_proposal(request, proposal_id)
    services.proposal_close(actor=request.user, proposal=proposal, reason=payload.reason)
    return summary_of(proposal)


# ---- Departments ------------------------------------------------------------------------------


@router.post(
    "/proposals/{int:proposal_id}/assignments/{int:assignment_id}/decision",
    response={201: DecisionOut, **WRITE_ERRORS},
    url_name="decision_record",
    summary="Record the department's decision",
)
def decide(request, proposal_id: int, assignment_id: int, payload: DecisionIn,
           lang: LanguageParam = None):
    """The assigned department's decision: reasons are required unless it adopts, the form of
    collaboration for an adoption. `expected_version` is the proposal's version the officer
    saw: if someone acted meanwhile the decision is refused (409 `stale_version`). Where the
    body follows the principle of saying yes, a non-adoption waits for the desk's
    countersignature."""
    proposal = proposal_for(request.user, proposal_id)
    assignment = assignment_of(proposal, assignment_id)
    if not is_assignment_staff(request.user, assignment):
        raise PermissionDenied(_("Only staff of the assigned department may decide."))
    try:
        decision = services.decision_record(
            actor=request.user, assignment=assignment, outcome=payload.outcome,
            form=payload.form or "", reasons=payload.reasons,
            expected_version=payload.expected_version,
            budget_reflected_yen=payload.budget_reflected_yen,
            budget_fiscal_year=payload.budget_fiscal_year,
        )
    except services.ProposalChangedError as error:
        raise stale_version_of(proposal, error) from None
    return Status(201, decision)
