"""Shapes of the proposal endpoints: what goes in, what comes out.

Codes (``state``, ``kind``, ``outcome``, ``collaboration_form``…) never change with the language;
``*_label`` follow it. Sections a viewer may not read come with ``text: null`` and
``hidden: true``: their text is never in an answer to anyone outside the proposal.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from django.utils import timezone
from ninja import Field, Schema

from kyoso.core.choices import CollaborationForm
from kyoso.core.fiscal import MAX_FISCAL_YEAR, MIN_FISCAL_YEAR, format_fiscal_year
from kyoso.core.money import MAX_YEN
from kyoso.proposals.models import Assignment, Decision, Message, Proposal, ProposalPartner
from kyoso.proposals.views.desk_clock import clock_of

from ..schemas import BodyRef, DepartmentRef, api_url

SectionName = Literal["background", "content", "expected_effect", "schedule"]
TEXT_MAX = 20_000


class ProblemOut(Schema):
    detail: str = Field(..., description="What went wrong, in the language of the request.")
    code: str = Field(
        ...,
        description="Machine-readable reason: `not_authenticated`, `invalid_token`, `revoked`, "
        "`expired`, `second_factor`, `csrf_failed`, `permission_denied`, `invalid`, "
        "`invalid_transition`, `stale_version`, `already_decided`, `key_reused`, "
        "`idempotency_key_reused`, …",
    )
    errors: dict[str, list[str]] | None = Field(
        None,
        description="Messages by field (the names of the request's fields); `__all__` for "
        "those of no particular field.",
    )
    current_version: int | None = Field(
        None, description="With `stale_version`: the proposal's version now."
    )


class OrganizationRef(Schema):
    id: int
    name: str
    display_name: str


class ClockOut(Schema):
    waiting_on: list[str] = Field(
        ..., description="Who the proposal waits on now (the desk, departments, the proposer)."
    )
    due_at: dt.datetime | None = Field(..., description="When the answer is due, if a clock runs.")
    days_left: int | None = Field(..., description="Days until `due_at` (negative: overdue).")
    overdue: bool


class ProposalSummaryOut(Schema):
    id: int
    reference: str = Field(..., description="e.g. `410004-2026-0001`; empty for a draft.")
    title: str
    state: Proposal.State
    state_label: str
    kind: Proposal.Kind
    body: BodyRef
    organization: OrganizationRef = Field(..., description="The proposing organization.")
    fiscal_year: int | None = Field(..., description="Fiscal year of the first submission.")
    version: int = Field(
        ..., description="Grows with every change; send it back as `expected_version`."
    )
    submitted_at: dt.datetime | None
    due_at: dt.datetime | None = Field(..., description="When the desk's answer is due.")
    decided_at: dt.datetime | None
    published_at: dt.datetime | None
    updated_at: dt.datetime
    clock: ClockOut
    api_url: str

    @staticmethod
    def resolve_state_label(obj) -> str:
        return str(obj.get_state_display())

    @staticmethod
    def resolve_clock(obj) -> dict:
        clock = clock_of(obj)
        return {
            "waiting_on": [str(label) for label in clock.waiting_on],
            "due_at": clock.due_at,
            "days_left": clock.days_left,
            "overdue": clock.overdue,
        }

    @staticmethod
    def resolve_api_url(obj, context) -> str:
        return api_url(context["request"], "proposal", proposal_id=obj.pk)


class SectionOut(Schema):
    name: SectionName
    label: str
    text: str | None = Field(..., description="Null when the section is hidden from the caller.")
    confidential: bool = Field(..., description="Protected as an idea (アイデア保護).")
    hidden: bool


class PartnerOut(Schema):
    id: int
    organization: OrganizationRef
    role: ProposalPartner.Role
    role_label: str
    consented_at: dt.datetime | None = Field(
        ..., description="When a member of the partner agreed; until then it does not count."
    )

    @staticmethod
    def resolve_role_label(obj) -> str:
        return str(obj.get_role_display())


class TargetProjectOut(Schema):
    id: int
    name: str
    display_name: str
    fiscal_year: int
    api_url: str

    @staticmethod
    def resolve_api_url(obj, context) -> str:
        return api_url(context["request"], "catalog_project", project_id=obj.pk)


class DecisionOut(Schema):
    id: int
    outcome: Decision.Outcome
    outcome_label: str
    collaboration_form: CollaborationForm | None
    reasons: str
    budget_reflected_yen: int | None
    budget_fiscal_year: int | None
    decided_at: dt.datetime
    needs_countersignature: bool
    countersigned_at: dt.datetime | None
    effective_at: dt.datetime | None = Field(..., description="Null until the decision counts.")
    superseded_at: dt.datetime | None = Field(
        ..., description="Set when the decision was replaced (or sent back by the desk)."
    )
    countersign_refusal: str = Field(
        ..., description="Why the desk did not countersign it (the department decides again)."
    )

    @staticmethod
    def resolve_outcome_label(obj) -> str:
        return str(obj.get_outcome_display())

    @staticmethod
    def resolve_collaboration_form(obj):
        return obj.collaboration_form or None


class AssignmentOut(Schema):
    id: int
    department: DepartmentRef
    state: Assignment.State
    state_label: str
    assigned_at: dt.datetime
    due_at: dt.datetime
    answered_at: dt.datetime | None
    decision: DecisionOut | None = Field(..., description="The current decision, if any.")
    allowed_actions: list[str] = Field(
        ..., description="What the caller may do to it now: `decide`, `reassign`, `countersign`."
    )

    @staticmethod
    def resolve_state_label(obj) -> str:
        return str(obj.get_state_display())

    # Worked out per caller by the endpoint (see v1/proposals.py ``with_details``).
    @staticmethod
    def resolve_decision(obj):
        return obj.api_decision

    @staticmethod
    def resolve_allowed_actions(obj) -> list[str]:
        return obj.api_actions


class AttachmentOut(Schema):
    id: int
    name: str = Field(..., description="The file's name as the proposer uploaded it.")
    content_type: str = Field(..., description="Decided by the file's content on upload.")
    size: int = Field(..., description="In bytes.")
    confidential: bool = Field(
        ..., description="Protected as an idea (アイデア保護) until the proposer releases it."
    )
    uploaded_at: dt.datetime
    uploaded_by_name: str
    download_url: str = Field(
        ..., description="The file itself (same authentication as this answer)."
    )

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.original_name

    @staticmethod
    def resolve_confidential(obj) -> bool:
        return obj.is_protected()

    @staticmethod
    def resolve_uploaded_by_name(obj) -> str:
        return obj.uploaded_by.display_name if obj.uploaded_by_id else ""

    @staticmethod
    def resolve_download_url(obj, context) -> str:
        return api_url(context["request"], "proposal_attachment", proposal_id=obj.proposal_id,
                       attachment_id=obj.pk)


class ProposalOut(ProposalSummaryOut):
    is_new_project: bool
    target_projects: list[TargetProjectOut]
    collaboration_form: CollaborationForm | None
    funding: Proposal.Funding
    budget_yen: int | None
    sections: list[SectionOut] = Field(
        ..., description="The written sections; protected ones hidden unless the caller may read "
        "them (each read of a protected section is logged)."
    )
    confidential_sections: list[SectionName]
    released_at: dt.datetime | None = Field(
        ..., description="When the proposer lifted idea protection."
    )
    state_reason: str | None = Field(
        ..., description="The reason given with the last move (return comments, out-of-scope "
        "reason…); null for callers outside the proposal."
    )
    partners: list[PartnerOut]
    attachments: list[AttachmentOut] = Field(
        ..., description="Files attached to the proposal, for those taking part in it (not for "
        "readers of a published result); protected ones only for those who may read protected "
        "sections. Each download of a protected file is logged."
    )
    assignments: list[AssignmentOut] = Field(
        ..., description="Departments the proposal was routed to, with their decisions. Callers "
        "outside the proposal see only the answered ones with effective decisions."
    )
    forwarded_from: str | None = Field(
        ..., description="Reference of the proposal this one was forwarded from."
    )
    allowed_actions: list[str] = Field(
        ..., description="What the caller may do now, e.g. `update`, `submit`, `withdraw`, "
        "`accept`, `route`, `post_message`…"
    )

    @staticmethod
    def resolve_collaboration_form(obj):
        return obj.collaboration_form or None

    @staticmethod
    def resolve_forwarded_from(obj):
        return obj.forwarded_from.reference if obj.forwarded_from_id else None

    # Worked out per caller by the endpoint (see v1/proposals.py ``with_details``): the names
    # differ from the model's own (``partners`` is a many-to-many of organizations there).
    @staticmethod
    def resolve_target_projects(obj):
        return obj.api_targets

    @staticmethod
    def resolve_sections(obj):
        return obj.api_sections

    @staticmethod
    def resolve_state_reason(obj):
        return obj.api_state_reason

    @staticmethod
    def resolve_partners(obj):
        return obj.api_partners

    @staticmethod
    def resolve_attachments(obj):
        return obj.api_attachments

    @staticmethod
    def resolve_assignments(obj):
        return obj.api_assignments

    @staticmethod
    def resolve_allowed_actions(obj) -> list[str]:
        return obj.api_actions


class RevisionOut(Schema):
    number: int
    created_at: dt.datetime
    note: str
    changed_fields: list[str] = Field(
        ..., description="Fields changed since the previous revision (their texts are not given)."
    )


class RevisionDetailOut(RevisionOut):
    title: str
    sections: list[SectionOut] = Field(
        ..., description="The sections as they read in this version, protected ones hidden from "
        "callers who may not read them (each read of a protected section is logged)."
    )


class MessageOut(Schema):
    id: int
    side: Message.Side
    side_label: str
    department: DepartmentRef | None
    author_name: str
    text: str
    created_at: dt.datetime

    @staticmethod
    def resolve_side_label(obj) -> str:
        return str(obj.get_side_display())

    @staticmethod
    def resolve_author_name(obj) -> str:
        return obj.author.display_name if obj.author_id else ""


class MeetingOut(Schema):
    id: int
    held_at: dt.datetime
    place: str
    attendees: str
    minutes: str
    created_at: dt.datetime


class QueueItemOut(Schema):
    """One assignment in a department's queue."""

    id: int
    department: DepartmentRef
    state: Assignment.State
    assigned_at: dt.datetime
    due_at: dt.datetime
    answered_at: dt.datetime | None
    days_left: int | None
    proposal: ProposalSummaryOut
    decision: DecisionOut | None

    @staticmethod
    def resolve_days_left(obj) -> int | None:
        if obj.state != Assignment.State.OPEN:
            return None
        return (timezone.localdate(obj.due_at) - timezone.localdate()).days

    @staticmethod
    def resolve_decision(obj):
        current = getattr(obj, "current_decisions", None)
        if current is None:
            current = list(obj.decisions.current())
        return current[0] if current else None


class CountersignRefusalIn(Schema):
    reason: str = Field(
        ..., max_length=TEXT_MAX, description="Why the department should decide again."
    )


class PublishIn(Schema):
    public_reasons: dict[int, str] | None = Field(
        None,
        description="Disclosure review: for a non-adoption's decision id, the wording of its "
        "reasons the public reads (`\"\"` withholds them). Decisions not named are published "
        "with their reasons as written.",
    )


class ForwardOut(Schema):
    proposal: ProposalSummaryOut = Field(..., description="This proposal, now closed.")
    forwarded_to_body: BodyRef
    forwarded_to_reference: str


# ---- Public results ---------------------------------------------------------------------------


class PublicDecisionOut(Schema):
    department: DepartmentRef
    outcome: Decision.Outcome
    outcome_label: str
    collaboration_form: CollaborationForm | None
    collaboration_form_label: str | None
    reasons: str | None = Field(..., description="Reasons given for anything but an adoption.")

    @staticmethod
    def resolve_outcome_label(obj) -> str:
        return str(obj.get_outcome_display())

    # Only an adoption is carried out in a form (a non-adoption recorded with one before the
    # services refused it must not be published as "Not adopted | Subsidy").
    @staticmethod
    def resolve_collaboration_form(obj):
        return (obj.collaboration_form or None) if obj.is_adopted else None

    @staticmethod
    def resolve_collaboration_form_label(obj):
        if not (obj.is_adopted and obj.collaboration_form):
            return None
        return str(obj.get_collaboration_form_display())

    @staticmethod
    def resolve_reasons(obj):
        return obj.published_reasons


class ResultOut(Schema):
    """A published result: what anyone may know of a decided proposal."""

    id: int
    reference: str
    title: str
    body: BodyRef
    proposer: OrganizationRef
    fiscal_year: int
    fiscal_year_label: str
    is_new_project: bool
    target_projects: list[TargetProjectOut] = Field(..., description="Disclosed projects only.")
    content: str | None = Field(
        ..., description="The proposal's content, unless the proposer protects it (then null)."
    )
    decided_at: dt.datetime
    published_at: dt.datetime
    decisions: list[PublicDecisionOut]
    api_url: str

    @staticmethod
    def resolve_fiscal_year_label(obj) -> str:
        return format_fiscal_year(obj.fiscal_year)

    @staticmethod
    def resolve_proposer(obj):
        return obj.organization

    @staticmethod
    def resolve_target_projects(obj):
        return getattr(obj, "public_targets", [])

    @staticmethod
    def resolve_decisions(obj):
        return obj.public_decisions

    @staticmethod
    def resolve_content(obj):
        return None if obj.is_confidential("content") else obj.content

    @staticmethod
    def resolve_api_url(obj, context) -> str:
        return api_url(context["request"], "proposal_result", proposal_id=obj.pk)


# ---- Input ------------------------------------------------------------------------------------


class ProposalFieldsIn(Schema):
    """The proposer's fields; any may be left out (a draft need not be complete)."""

    title: str | None = Field(None, max_length=200)
    kind: Proposal.Kind | None = None
    is_new_project: bool | None = Field(
        None, description="True: proposes a new project rather than catalog projects."
    )
    target_projects: list[int] | None = Field(
        None, max_length=50, description="Ids of disclosed catalog projects of the body."
    )
    collaboration_form: CollaborationForm | None = None
    funding: Proposal.Funding | None = None
    budget_yen: int | None = Field(None, ge=0, le=MAX_YEN)
    background: str | None = Field(None, max_length=TEXT_MAX)
    content: str | None = Field(None, max_length=TEXT_MAX)
    expected_effect: str | None = Field(None, max_length=TEXT_MAX)
    schedule: str | None = Field(None, max_length=TEXT_MAX)
    confidential_sections: list[SectionName] | None = Field(
        None, description="Sections only the proposer, the desk and assigned departments read."
    )


class DraftIn(ProposalFieldsIn):
    body: str = Field(..., pattern=r"^\d{6}$", description="Local government code, e.g. 410004.")
    organization: int = Field(..., description="Id of the proposing organization (yours).")


class DraftUpdateIn(ProposalFieldsIn):
    expected_version: int | None = Field(
        None, ge=1, description="If given, refused with 409 when the proposal changed meanwhile."
    )


class ReviseIn(ProposalFieldsIn):
    expected_version: int = Field(..., ge=1, description="The version you revised.")
    note: str = Field("", max_length=2000, description="What you changed and why.")


class PartnerIn(Schema):
    organization: int = Field(..., description="Id of the partner organization.")
    role: ProposalPartner.Role


class SubmitIn(Schema):
    submission_key: uuid.UUID = Field(
        ...,
        description="A UUID you make once per submission. Sending the same key again (a retry) "
        "answers with the proposal already submitted, not a second submission.",
    )


class ReasonIn(Schema):
    reason: str = Field("", max_length=TEXT_MAX)


class RequiredReasonIn(Schema):
    reason: str = Field(..., max_length=TEXT_MAX)


class ReturnIn(Schema):
    comments: str = Field(..., max_length=TEXT_MAX, description="What the proposer should revise.")


class ForwardIn(Schema):
    to_body: str = Field(..., pattern=r"^\d{6}$", description="Code of the receiving body.")
    reason: str = Field(..., max_length=TEXT_MAX)


class RouteIn(Schema):
    departments: list[int] = Field(..., max_length=50, description="Department ids of the body.")
    due_days: int | None = Field(
        None, ge=1, le=365, description="Days to answer; the body's own rule when absent."
    )


class ReassignIn(Schema):
    department: int
    reason: str = Field("", max_length=TEXT_MAX)


class MessageIn(Schema):
    text: str = Field(..., max_length=TEXT_MAX)


class MeetingIn(Schema):
    held_at: dt.datetime
    place: str = Field(..., max_length=200)
    attendees: str = Field(..., max_length=TEXT_MAX)
    minutes: str = Field("", max_length=TEXT_MAX)


class DecisionIn(Schema):
    outcome: Decision.Outcome
    form: CollaborationForm | None = Field(None, description="Required for an adoption.")
    reasons: str = Field("", max_length=TEXT_MAX, description="Required unless adopted.")
    expected_version: int = Field(..., ge=1, description="The proposal's version you decided on.")
    budget_reflected_yen: int | None = Field(None, ge=0, le=MAX_YEN)
    budget_fiscal_year: int | None = Field(None, ge=MIN_FISCAL_YEAR, le=MAX_FISCAL_YEAR)
