"""The proposal lifecycle for the proposer: drafts, submission, revision, the thread.

Every write calls the service the pages call (``kyoso.proposals.services``), so rules, state
checks, the audit trail and notifications are the same; every read goes through the selectors
(``proposal_for``, ``visible_sections``), so a proposal the caller may not see is a 404 and a
protected section is shown only to those allowed, each read logged.

Before a service runs, the caller's role is checked (a department officer asking to submit is
refused with 403, not told about the state); the service then checks the state (409) and the
rest (400 with the fields).
"""

from typing import Annotated

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from ninja import Header, Query, Router, Schema, Status
from ninja.pagination import paginate

from kyoso.catalog.models import CatalogProject
from kyoso.organizations.models import GovernmentBody, Organization
from kyoso.proposals import services
from kyoso.proposals.models import Proposal
from kyoso.proposals.rules import (
    is_assigned_staff,
    is_proposal_body_admin,
    is_proposal_desk,
    is_proposer,
)
from kyoso.proposals.selectors import proposal_for, revision_sections, visible_sections
from kyoso.proposals.views.desk import attachments_for
from kyoso.proposals.views.desk_clock import live_assignments_prefetch
from kyoso.proposals.views.forms_desk import meeting_time_problem
from kyoso.proposals.views.partner_common import own_proposals
from kyoso.proposals.views.partner_files import attachment_file

from ..auth import AUTH
from ..idempotency import create_once
from ..pagination import PageNumberPagination
from ..schemas import LanguageParam
from .proposal_schemas import (
    DraftIn,
    DraftUpdateIn,
    MeetingIn,
    MeetingOut,
    MessageIn,
    MessageOut,
    PartnerIn,
    PartnerOut,
    ProblemOut,
    ProposalOut,
    ProposalSummaryOut,
    ReasonIn,
    ReviseIn,
    RevisionDetailOut,
    RevisionOut,
    SubmitIn,
)

router = Router(tags=["Proposals"], auth=AUTH)

# Answers every authenticated operation on a proposal may give, for the OpenAPI document.
READ_ERRORS = {401: ProblemOut, 403: ProblemOut, 404: ProblemOut}
WRITE_ERRORS = {400: ProblemOut, **READ_ERRORS, 409: ProblemOut}

# (permission, action code) offered in ``allowed_actions``; order is the lifecycle's.
PROPOSAL_ACTIONS = (
    ("proposals.change_proposal", "update"),
    ("proposals.manage_partners", "add_partner"),
    ("proposals.submit_proposal", "submit"),
    ("proposals.revise_proposal", "revise"),
    ("proposals.withdraw_proposal", "withdraw"),
    ("proposals.screen_proposal", "accept"),
    ("proposals.screen_proposal", "return"),
    ("proposals.screen_proposal", "out_of_scope"),
    ("proposals.screen_proposal", "forward"),
    ("proposals.route_proposal", "route"),
    ("proposals.discuss_proposal", "post_message"),
    ("proposals.record_meeting", "record_meeting"),
    ("proposals.publish_result", "publish"),
    ("proposals.close_proposal", "close"),
)
ACTION_STATES = {"accept": (Proposal.State.SUBMITTED,)}


def is_participant(user, proposal) -> bool:
    """Takes part in the proposal (rather than reading a published result)."""
    return bool(
        is_proposer(user, proposal)
        or is_proposal_desk(user, proposal)
        or is_proposal_body_admin(user, proposal)
        or is_assigned_staff(user, proposal)
    )


def require_proposer(user, proposal) -> None:
    if not is_proposer(user, proposal):
        raise PermissionDenied(_("Only the proposer may do this."))


def allowed_actions(user, proposal) -> list[str]:
    actions = []
    for perm, code in PROPOSAL_ACTIONS:
        states = ACTION_STATES.get(code)
        if states and proposal.state not in states:
            continue
        if rules.has_perm(perm, user, proposal):
            actions.append(code)
    if (
        proposal.confidential_sections and proposal.released_at is None
        and rules.has_perm("proposals.release_confidential", user, proposal)
    ):
        actions.append("release_confidential")
    return actions


def assignment_details(user, proposal, *, participant: bool) -> list:
    assignments = list(
        proposal.assignments.select_related("department").prefetch_related("decisions")
        .order_by("assigned_at", "pk")
    )
    government = participant and not (
        is_proposer(user, proposal) and not (
            is_proposal_desk(user, proposal) or is_proposal_body_admin(user, proposal)
            or is_assigned_staff(user, proposal)
        )
    )
    shown = []
    for assignment in assignments:
        current = [d for d in assignment.decisions.all() if d.superseded_at is None]
        decision = current[0] if current else None
        if not participant:
            # Outside the proposal: what the published result shows, nothing pending.
            if assignment.state != "answered" or decision is None or not decision.is_effective:
                continue
            # The reasons as the desk reviewed them for publication; nothing internal.
            decision.reasons = decision.published_reasons or ""
            decision.budget_reflected_yen = decision.budget_fiscal_year = None
            decision.countersign_refusal = ""
        elif not government and decision is not None:
            # The proposer sees a decision once it counts: a non-adoption waiting for the desk's
            # countersignature may still be sent back. The desk's internal notes stay internal.
            if not decision.is_effective:
                decision = None
            else:
                decision.countersign_refusal = ""
        actions = []
        if participant:
            if rules.has_perm("proposals.decide_assignment", user, assignment):
                actions.append("decide")
            if rules.has_perm("proposals.reassign_assignment", user, assignment):
                actions.append("reassign")
            if decision and rules.has_perm("proposals.countersign_decision", user, decision):
                actions += ["countersign", "refuse_countersignature"]
        assignment.api_decision = decision
        assignment.api_actions = actions
        shown.append(assignment)
    return shown


def with_details(user, proposal: Proposal) -> Proposal:
    """Everything ``ProposalOut`` shows, as this caller may see it (protected reads logged)."""
    participant = is_participant(user, proposal)
    proposal.api_sections = [
        {"name": s.name, "label": s.label, "text": s.text, "confidential": s.confidential,
         "hidden": s.hidden}
        for s in visible_sections(user, proposal)
    ]
    targets = proposal.target_projects.order_by("pk")
    if not participant:
        targets = targets.filter(disclosed=True)
    proposal.api_targets = list(targets)
    partners = proposal.partner_links.select_related("organization").order_by("pk")
    if not participant:
        partners = partners.filter(consented_at__isnull=False)  # only those taking part
    proposal.api_partners = list(partners)
    # Files: the same rule as their download (protected ones for those who read protected ideas).
    proposal.api_attachments, _hidden = attachments_for(user, proposal)
    proposal.api_assignments = assignment_details(user, proposal, participant=participant)
    proposal.api_state_reason = proposal.state_reason if participant else None
    proposal.api_actions = allowed_actions(user, proposal)
    return proposal


def summary_of(proposal: Proposal) -> Proposal:
    """A proposal fresh from the database, as lists show it (no sections, nothing logged)."""
    return (
        Proposal.objects.select_related("body", "organization")
        .prefetch_related(live_assignments_prefetch())
        .get(pk=proposal.pk)
    )


def stale_version_of(proposal: Proposal, error: services.ProposalChangedError):
    error.current_version = (
        Proposal.objects.filter(pk=proposal.pk).values_list("version", flat=True).first()
    )
    return error


def catalog_projects(ids: list[int] | None):
    if ids is None:
        return None
    ids = list(dict.fromkeys(ids))
    projects = list(CatalogProject.objects.filter(pk__in=ids, disclosed=True))
    missing = sorted(set(ids) - {project.pk for project in projects})
    if missing:
        raise ValidationError({"target_projects": _(
            "No disclosed catalog project has the id %(ids)s."
        ) % {"ids": ", ".join(map(str, missing))}})
    return projects


def proposer_fields(payload, *, exclude=()) -> tuple[dict, list | None]:
    """The fields the client sent (left-out ones stay as they are) and the target projects."""
    fields = payload.model_dump(exclude_unset=True, exclude=set(exclude))
    targets = catalog_projects(fields.pop("target_projects", None))
    for name in ("collaboration_form",):
        if name in fields and fields[name] is None:
            fields[name] = ""
    for name in ("title", "background", "content", "expected_effect", "schedule"):
        if name in fields and fields[name] is None:
            fields[name] = ""
    for name in ("kind", "funding", "is_new_project", "confidential_sections"):
        if name in fields and fields[name] is None:
            del fields[name]
    return fields, targets


# ---- Reads ------------------------------------------------------------------------------------


class MineFilters(Schema):
    state: Proposal.State | None = None


@router.get(
    "/proposals/mine",
    response={200: list[ProposalSummaryOut], **READ_ERRORS},
    url_name="my_proposals",
    summary="My proposals",
)
@paginate(PageNumberPagination)
def my_proposals(request, filters: Query[MineFilters], lang: LanguageParam = None):
    """Proposals of the caller's organizations and of those they take part in as a consenting
    partner, drafts included, most recently changed first, each with its state, reference and
    clock (who it waits on, and until when)."""
    found = own_proposals(request.user)
    if filters.state:
        found = found.filter(state=filters.state)
    return (
        found.select_related("body", "organization")
        .prefetch_related(live_assignments_prefetch())
        .order_by("-updated_at", "-id")
    )


@router.get(
    "/proposals/{int:proposal_id}",
    response={200: ProposalOut, **READ_ERRORS},
    url_name="proposal",
    summary="One proposal",
)
def get_proposal(request, proposal_id: int, lang: LanguageParam = None):
    """A proposal the caller may see: their own, one their desk or department handles, or a
    published result. Protected sections are given only to the proposer, the desk and assigned
    departments (each such read is logged); to anyone else they are `hidden`."""
    proposal = proposal_for(request.user, proposal_id)
    return with_details(request.user, summary_of(proposal))


@router.get(
    "/proposals/{int:proposal_id}/revisions",
    response={200: list[RevisionOut], **READ_ERRORS},
    url_name="proposal_revisions",
    summary="Revisions of a proposal",
)
def get_revisions(request, proposal_id: int, lang: LanguageParam = None):
    """One revision is kept at each submission and revision: when, the proposer's note and
    which fields changed (not their text). For the proposer, the desk, the body's
    administrators and assigned departments."""
    proposal = proposal_for(request.user, proposal_id)
    if not is_participant(request.user, proposal):
        raise PermissionDenied
    return [
        {"number": r.number, "created_at": r.created_at, "note": r.note,
         "changed_fields": sorted(r.changes or {})}
        for r in proposal.revisions.order_by("number")
    ]


@router.get(
    "/proposals/{int:proposal_id}/revisions/{int:number}",
    response={200: RevisionDetailOut, **READ_ERRORS},
    url_name="proposal_revision",
    summary="One revision of a proposal, in full",
)
def get_revision(request, proposal_id: int, number: int, lang: LanguageParam = None):
    """A kept version in full: its title and sections as they read then, under today's idea
    protection (a section protected then or now is hidden from callers who may not read it)."""
    proposal = proposal_for(request.user, proposal_id)
    if not is_participant(request.user, proposal):
        raise PermissionDenied
    revision = proposal.revisions.filter(number=number).first()
    if revision is None:
        raise Http404
    return {
        "number": revision.number, "created_at": revision.created_at, "note": revision.note,
        "changed_fields": sorted(revision.changes or {}),
        "title": revision.snapshot.get("title", ""),
        "sections": [
            {"name": s.name, "label": s.label, "text": s.text, "confidential": s.confidential,
             "hidden": s.hidden}
            for s in revision_sections(request.user, proposal, revision)
        ],
    }


def thread_reader(user, proposal_id: int) -> Proposal:
    """Messages and minutes may repeat protected ideas: those who may read them only."""
    proposal = proposal_for(user, proposal_id)
    if not rules.has_perm("proposals.view_confidential", user, proposal):
        raise PermissionDenied
    return proposal


@router.get(
    "/proposals/{int:proposal_id}/messages",
    response={200: list[MessageOut], **READ_ERRORS},
    url_name="proposal_messages",
    summary="The consultation thread",
)
def get_messages(request, proposal_id: int, lang: LanguageParam = None):
    """Messages between the proposer, the desk and assigned departments, oldest first."""
    proposal = thread_reader(request.user, proposal_id)
    return proposal.messages.select_related("author", "department").order_by("created_at", "pk")


@router.get(
    "/proposals/{int:proposal_id}/meetings",
    response={200: list[MeetingOut], **READ_ERRORS},
    url_name="proposal_meetings",
    summary="Meetings on a proposal",
)
def get_meetings(request, proposal_id: int, lang: LanguageParam = None):
    """Records of consultation meetings: when, where, who took part, the minutes."""
    proposal = thread_reader(request.user, proposal_id)
    return proposal.meetings.order_by("held_at", "pk")


@router.get(
    "/proposals/{int:proposal_id}/attachments/{int:attachment_id}",
    response={200: None, **READ_ERRORS},
    url_name="proposal_attachment",
    summary="Download an attached file",
    openapi_extra={"responses": {"200": {
        "description": "The file, with its own content type and name.",
        "content": {"application/octet-stream": {"schema": {"type": "string",
                                                              "format": "binary"}}},
    }}},
)
def download_attachment(request, proposal_id: int, attachment_id: int,
                        lang: LanguageParam = None):
    """A file listed in the proposal's `attachments`: to those taking part in the proposal (not
    to readers of a published result); a protected file only to those who may read protected
    sections, and each such download is logged. Anyone else gets 404."""
    return attachment_file(request.user, proposal_for(request.user, proposal_id), attachment_id)


# ---- The proposer's writes --------------------------------------------------------------------

IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        None,
        alias="Idempotency-Key",
        description="Any unique string (a UUID is best). A retry with the same key answers "
        "with the draft the first request made, not a second draft.",
    ),
]


@router.post(
    "/proposals",
    response={201: ProposalSummaryOut, **WRITE_ERRORS},
    url_name="proposal_create",
    summary="Start a draft",
)
def create_draft(
    request, payload: DraftIn, response: HttpResponse, idempotency_key: IdempotencyKeyHeader = None,
    lang: LanguageParam = None,
):
    """A new draft of the caller's organization to a body, on catalog projects
    (`target_projects`) or a new project (`is_new_project`). Nothing else is required yet.
    With an `Idempotency-Key` a retry answers the same draft (header `Idempotent-Replayed`)."""
    user = request.user
    body = GovernmentBody.objects.filter(code=payload.body, is_active=True).first()
    if body is None:
        raise ValidationError({"body": _("No government body with this code is on Kyoso.")})
    organization = Organization.objects.filter(pk=payload.organization).first()
    if organization is None:
        raise ValidationError({"organization": _("No organization has this id.")})
    fields, targets = proposer_fields(payload, exclude=("body", "organization"))

    def create():
        return services.proposal_create_draft(
            actor=user, body=body, organization=organization, target_projects=targets or (),
            **fields,
        )

    proposal, replay = create_once(
        user=user, operation="proposals.create", key=idempotency_key,
        payload=payload.model_dump(mode="json", exclude_unset=True), create=create,
    )
    if replay:
        response["Idempotent-Replayed"] = "true"
    return Status(201, summary_of(proposal))


def own(request, proposal_id: int) -> Proposal:
    proposal = proposal_for(request.user, proposal_id)
    require_proposer(request.user, proposal)
    return proposal


@router.patch(
    "/proposals/{int:proposal_id}",
    response={200: ProposalSummaryOut, **WRITE_ERRORS},
    url_name="proposal_update",
    summary="Save the draft",
)
def update_draft(request, proposal_id: int, payload: DraftUpdateIn, lang: LanguageParam = None):
    """Change any of the proposer's fields of a draft (or a returned proposal); fields left out
    stay as they are. With `expected_version`, a change made meanwhile is refused (409)."""
    proposal = own(request, proposal_id)
    fields, targets = proposer_fields(payload, exclude=("expected_version",))
    try:
        services.proposal_update_draft(
            actor=request.user, proposal=proposal, expected_version=payload.expected_version,
            target_projects=targets, **fields,
        )
    except services.ProposalChangedError as error:
        raise stale_version_of(proposal, error) from None
    return summary_of(proposal)


@router.post(
    "/proposals/{int:proposal_id}/partners",
    response={201: PartnerOut, **WRITE_ERRORS},
    url_name="proposal_partner_add",
    summary="Add a co-proposer or the intermediary",
)
def add_partner(request, proposal_id: int, payload: PartnerIn, lang: LanguageParam = None):
    """Name a partner organization. It counts (and sees the proposal) once one of its members
    agrees; a caller who is a member of it agrees by adding it."""
    proposal = own(request, proposal_id)
    organization = Organization.objects.filter(pk=payload.organization).first()
    if organization is None:
        raise ValidationError({"organization": _("No organization has this id.")})
    link = services.proposal_partner_add(
        actor=request.user, proposal=proposal, organization=organization, role=payload.role
    )
    return Status(201, link)


@router.post(
    "/proposals/{int:proposal_id}/submit",
    response={200: ProposalSummaryOut, **WRITE_ERRORS},
    url_name="proposal_submit",
    summary="Submit to the desk",
)
def submit(request, proposal_id: int, payload: SubmitIn, lang: LanguageParam = None):
    """Send the proposal to the body's desk: it gets its reference number and the desk's clock
    starts. Refused (400, by field) while a required section is empty. The same
    `submission_key` again answers with the proposal already submitted."""
    proposal = own(request, proposal_id)
    proposal = services.proposal_submit(
        actor=request.user, proposal=proposal, submission_key=payload.submission_key
    )
    return summary_of(proposal)


@router.post(
    "/proposals/{int:proposal_id}/revise",
    response={200: ProposalSummaryOut, **WRITE_ERRORS},
    url_name="proposal_revise",
    summary="Revise under consultation",
)
def revise(request, proposal_id: int, payload: ReviseIn, lang: LanguageParam = None):
    """Change the proposal while departments consider it; a revision is kept. The
    `expected_version` must be the proposal's current version (else 409 `stale_version`)."""
    proposal = own(request, proposal_id)
    fields, targets = proposer_fields(payload, exclude=("expected_version", "note"))
    try:
        services.proposal_revise(
            actor=request.user, proposal=proposal, expected_version=payload.expected_version,
            note=payload.note, target_projects=targets, **fields,
        )
    except services.ProposalChangedError as error:
        raise stale_version_of(proposal, error) from None
    return summary_of(proposal)


@router.post(
    "/proposals/{int:proposal_id}/withdraw",
    response={200: ProposalSummaryOut, **WRITE_ERRORS},
    url_name="proposal_withdraw",
    summary="Withdraw",
)
def withdraw(request, proposal_id: int, payload: ReasonIn, lang: LanguageParam = None):
    """Take the proposal back, from a draft until a decision; departments stop considering it."""
    proposal = own(request, proposal_id)
    services.proposal_withdraw(actor=request.user, proposal=proposal, reason=payload.reason)
    return summary_of(proposal)


@router.post(
    "/proposals/{int:proposal_id}/release-confidential",
    response={200: ProposalSummaryOut, **WRITE_ERRORS},
    url_name="proposal_release",
    summary="Release the protected sections",
)
def release_confidential(request, proposal_id: int, lang: LanguageParam = None):
    """Lift idea protection: the sections become as public as the proposal. Cannot be undone."""
    proposal = own(request, proposal_id)
    services.proposal_release_confidential(actor=request.user, proposal=proposal)
    return summary_of(proposal)


@router.post(
    "/proposals/{int:proposal_id}/messages",
    response={201: MessageOut, **WRITE_ERRORS},
    url_name="proposal_message_post",
    summary="Write in the thread",
)
def post_message(request, proposal_id: int, payload: MessageIn, lang: LanguageParam = None):
    """As the proposer, the desk or an assigned department; the first message after routing
    starts the consultation."""
    proposal = proposal_for(request.user, proposal_id)
    if not (is_proposer(request.user, proposal) or is_proposal_desk(request.user, proposal)
            or is_assigned_staff(request.user, proposal)):
        raise PermissionDenied
    message = services.message_post(actor=request.user, proposal=proposal, text=payload.text)
    return Status(201, message)


@router.post(
    "/proposals/{int:proposal_id}/meetings",
    response={201: MeetingOut, **WRITE_ERRORS},
    url_name="proposal_meeting_record",
    summary="Record a meeting",
)
def record_meeting(request, proposal_id: int, payload: MeetingIn, lang: LanguageParam = None):
    """An on-site consultation or partnership meeting, recorded by the proposer, the desk or an
    assigned department while the proposal is under consideration."""
    proposal = proposal_for(request.user, proposal_id)
    if not is_participant(request.user, proposal):
        raise PermissionDenied
    # The same range the desk's form accepts: from the submission until today.
    problem = meeting_time_problem(proposal, payload.held_at)
    if problem and rules.has_perm("proposals.record_meeting", request.user, proposal):
        raise ValidationError({"held_at": problem})
    meeting = services.meeting_record(
        actor=request.user, proposal=proposal, held_at=payload.held_at, place=payload.place,
        attendees=payload.attendees, minutes=payload.minutes,
    )
    return Status(201, meeting)
