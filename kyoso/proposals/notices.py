"""Who is told what about a proposal, and in which words.

Every audited proposal event passes through :func:`proposal_event_told` (called by the services'
``audit`` helper, inside their transaction); the notices it writes are e-mailed only after the
transaction commits. Notices carry the reference, the title, the body's name and dates — never the
text of a section, a message or minutes, which may hold protected ideas: the reader follows the
link and the page shows what that person may see.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from kyoso.notifications import kinds
from kyoso.notifications.services import notify
from kyoso.organizations.models import BodyMembership, OrganizationMembership

from .models import Assignment, Decision, Proposal
from .rules import proposer_organization_ids

User = get_user_model()

R = "%(reference)s"
T = "“%(title)s”"

kinds.register(
    "proposals.arrived",
    subject=_("New proposal %(reference)s"),
    text=_("%(body)s received the proposal “%(title)s” (%(reference)s). It waits for the desk "
           "to accept it, return it or close it; the answer is due by %(due)s."),
    date_params=["due"],
)
kinds.register(
    "proposals.received",
    subject=_("Your proposal %(reference)s was received"),
    text=_("%(body)s received your proposal “%(title)s” with the reference number "
           "%(reference)s. The desk checks it first; you will hear by %(due)s."),
    date_params=["due"],
)
kinds.register(
    "proposals.resubmitted",
    subject=_("Proposal %(reference)s was submitted again"),
    text=_("The proposer revised and submitted “%(title)s” (%(reference)s) again."),
)
kinds.register(
    "proposals.accepted",
    subject=_("Your proposal %(reference)s is being screened"),
    text=_("The desk of %(body)s accepted “%(title)s” (%(reference)s) and is now finding the "
           "departments that will consider it."),
)
kinds.register(
    "proposals.returned",
    subject=_("Your proposal %(reference)s was returned for revision"),
    text=_("The desk of %(body)s returned “%(title)s” (%(reference)s) with comments. Read them, "
           "revise the proposal and submit it again."),
)
kinds.register(
    "proposals.out_of_scope",
    subject=_("Your proposal %(reference)s was closed as out of scope"),
    text=_("The desk of %(body)s closed “%(title)s” (%(reference)s) as out of scope and gave "
           "its reason."),
)
kinds.register(
    "proposals.forwarded",
    subject=_("Your proposal %(reference)s was forwarded"),
    text=_("The desk forwarded “%(title)s” (%(reference)s) to %(to_body)s, which will answer "
           "it."),
)
kinds.register(
    "proposals.routed",
    subject=_("Your proposal %(reference)s went to the departments"),
    text=_("The desk of %(body)s routed “%(title)s” (%(reference)s) to the departments "
           "concerned. They answer by %(due)s."),
    date_params=["due"],
)
kinds.register(
    "proposals.assigned",
    subject=_("Proposal %(reference)s for %(department)s"),
    text=_("The desk asks %(department)s to consider “%(title)s” (%(reference)s) and to record "
           "its decision by %(due)s."),
    date_params=["due"],
)
kinds.register(
    "proposals.message",
    subject=_("New message on proposal %(reference)s"),
    text=_("%(author)s wrote in the thread of “%(title)s” (%(reference)s)."),
)
kinds.register(
    "proposals.meeting",
    subject=_("Meeting recorded on proposal %(reference)s"),
    text=_("%(author)s recorded a meeting on “%(title)s” (%(reference)s)."),
)
kinds.register(
    "proposals.revised",
    subject=_("Proposal %(reference)s was revised"),
    text=_("The proposer revised “%(title)s” (%(reference)s); the earlier version stays "
           "readable with what changed."),
)
kinds.register(
    "proposals.withdrawn",
    subject=_("Proposal %(reference)s was withdrawn"),
    text=_("The proposer withdrew “%(title)s” (%(reference)s). Nothing more is needed."),
)
kinds.register(
    "proposals.decision_recorded",
    subject=_("%(department)s decided on proposal %(reference)s"),
    text=_("%(department)s recorded its decision on “%(title)s” (%(reference)s): %(outcome)s."),
    choice_params={"outcome": Decision.Outcome},
)
kinds.register(
    "proposals.countersign_needed",
    subject=_("Countersignature needed: proposal %(reference)s"),
    text=_("%(department)s does not adopt “%(title)s” (%(reference)s). Under the principle of "
           "saying yes this takes effect only when the desk countersigns it, or sends it back."),
)
kinds.register(
    "proposals.countersign_refused",
    subject=_("The desk did not countersign: proposal %(reference)s"),
    text=_("The desk did not countersign the non-adoption of “%(title)s” (%(reference)s) and "
           "asks %(department)s to decide again."),
)
kinds.register(
    "proposals.decided",
    subject=_("A decision on your proposal %(reference)s"),
    text=_("%(body)s decided on “%(title)s” (%(reference)s). The decisions and their reasons "
           "are on the proposal's page."),
)
kinds.register(
    "proposals.ready_to_publish",
    subject=_("Proposal %(reference)s is decided"),
    text=_("Every department has decided on “%(title)s” (%(reference)s). Review what may be "
           "disclosed and publish the result."),
)
kinds.register(
    "proposals.published",
    subject=_("The result of your proposal %(reference)s is public"),
    text=_("%(body)s published the result of “%(title)s” (%(reference)s) on its results page."),
)
kinds.register(
    "proposals.partner_invited",
    subject=_("%(organization)s is named as a partner of a proposal"),
    text=_("%(proposer)s names %(organization)s as a partner of the proposal “%(title)s”. It "
           "counts only once a member of %(organization)s consents."),
)
kinds.register(
    "proposals.due_soon",
    subject=_("Reminder: proposal %(reference)s is due on %(due)s"),
    text=_("%(department)s has not yet recorded its decision on “%(title)s” (%(reference)s). "
           "It is due on %(due)s."),
    date_params=["due"],
)
kinds.register(
    "proposals.overdue",
    subject=_("Overdue: proposal %(reference)s was due on %(due)s"),
    text=_("%(department)s has not recorded its decision on “%(title)s” (%(reference)s), due on "
           "%(due)s. The desk has been told."),
    date_params=["due"],
)
kinds.register(
    "proposals.escalated",
    subject=_("Escalation: %(department)s is late on proposal %(reference)s"),
    text=_("%(department)s has not decided on “%(title)s” (%(reference)s), due on %(due)s. "
           "Follow it up or reassign it."),
    date_params=["due"],
)
kinds.register(
    "proposals.desk_overdue",
    subject=_("Overdue at the desk: proposal %(reference)s"),
    text=_("“%(title)s” (%(reference)s) still waits at the desk; its answer was due on %(due)s."),
    date_params=["due"],
)


# People ---------------------------------------------------------------------------------------

def proposer_people(proposal: Proposal):
    """Active members of the proposing organization and of every consenting partner."""
    return User.objects.filter(
        is_active=True,
        organization_memberships__organization_id__in=proposer_organization_ids(proposal),
        organization_memberships__status=OrganizationMembership.Status.ACTIVE,
    ).distinct()


def desk_people(body):
    return User.objects.filter(
        is_active=True, body_memberships__body=body,
        body_memberships__role=BodyMembership.Role.DESK,
    ).distinct()


def department_people(department_ids):
    return User.objects.filter(
        is_active=True, body_memberships__department_id__in=list(department_ids),
        body_memberships__role=BodyMembership.Role.DEPARTMENT,
    ).distinct()


def live_department_ids(proposal: Proposal) -> set[int]:
    return set(
        proposal.assignments.filter(
            state__in=[Assignment.State.OPEN, Assignment.State.ANSWERED]
        ).values_list("department_id", flat=True)
    )


# Words and places -----------------------------------------------------------------------------

def _path(name: str, pk: int) -> str:
    # Stored in the default language; each reader gets it in theirs.
    with translation.override(settings.LANGUAGE_CODE):
        return reverse(name, args=[pk])


def partner_url(proposal: Proposal) -> str:
    return _path("proposals:task_list", proposal.pk)


def staff_url(proposal: Proposal) -> str:
    return _path("proposals:desk_proposal", proposal.pk)


def queue_url() -> str:
    """A department's queue: where its staff go once a proposal is no longer theirs."""
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("proposals:desk_queue")


def _local_date(moment: dt.datetime | None) -> str:
    return timezone.localtime(moment).date().isoformat() if moment else ""


def _params(proposal: Proposal, **extra) -> dict:
    """Plain values only: names in both languages (``x``/``x_en``), dates as ISO, choices as
    codes, so that each reader gets them in their own language."""
    return {
        "reference": proposal.reference or "—",
        "title": proposal.title,
        "body": proposal.body.name,
        "body_en": proposal.body.name_en,
        "due": _local_date(proposal.due_at),
        **extra,
    }


def _department(department) -> dict:
    return {"department": department.name, "department_en": department.name_en}


def _name(user) -> str:
    return str(user) if user is not None else ""


# Events ---------------------------------------------------------------------------------------

def proposal_event_told(
    proposal: Proposal, *, verb: str, actor, event, target=None, changes: dict | None = None
) -> None:
    """Tell the people concerned by one audited event on ``proposal``."""
    handler = _HANDLERS.get(verb)
    if handler is None:
        return
    if verb == "partner.add":
        target = proposal.partner_links.select_related("organization").get(
            organization_id=(changes or {})["partner"][1]
        )
    elif verb == "route":
        # The assignments this routing made (routing again adds departments to earlier ones).
        target = list(proposal.assignments.filter(
            state=Assignment.State.OPEN, department_id__in=(changes or {}).get("departments", ())
        ))
    handler(proposal, actor=actor, key=f"audit:{event.pk}", target=target)


def _to_proposer(kind):
    def handler(proposal, *, actor, key, target):
        notify(recipients=proposer_people(proposal), kind=kind, key=key,
               url=partner_url(proposal), params=_params(proposal), exclude=actor)
    return handler


def _on_submit(proposal, *, actor, key, target):
    notify(recipients=desk_people(proposal.body), kind="proposals.arrived", key=key,
           url=staff_url(proposal), params=_params(proposal))
    # The person who submitted gets the confirmation too: it is their receipt.
    notify(recipients=proposer_people(proposal), kind="proposals.received", key=key,
           url=partner_url(proposal), params=_params(proposal))


def _on_resubmit(proposal, *, actor, key, target):
    notify(recipients=desk_people(proposal.body), kind="proposals.resubmitted", key=key,
           url=staff_url(proposal), params=_params(proposal), exclude=actor)


def _on_receive_forwarded(proposal, *, actor, key, target):
    notify(recipients=desk_people(proposal.body), kind="proposals.arrived", key=key,
           url=staff_url(proposal), params=_params(proposal), exclude=actor)


def _on_forward(proposal, *, actor, key, target):
    copy = _forwarded_copy(proposal)
    to_body = {"to_body": copy.body.name, "to_body_en": copy.body.name_en} if copy else {}
    notify(recipients=proposer_people(proposal), kind="proposals.forwarded", key=key,
           url=partner_url(proposal), params=_params(proposal, **({"to_body": ""} | to_body)),
           exclude=actor)


def _forwarded_copy(proposal):
    return Proposal.objects.filter(forwarded_from=proposal).select_related("body").first()


def _on_route(proposal, *, actor, key, target):
    _tell_assigned(proposal)
    # The proposer hears when the departments answer, not the desk's own (past) deadline.
    params = _params(proposal)
    if target:
        params["due"] = _local_date(max(assignment.due_at for assignment in target))
    notify(recipients=proposer_people(proposal), kind="proposals.routed", key=key,
           url=partner_url(proposal), params=params, exclude=actor)


def _tell_assigned(proposal):
    """Each open assignment's department hears once that the proposal is theirs."""
    for assignment in proposal.assignments.filter(
        state=Assignment.State.OPEN
    ).select_related("department"):
        notify(
            recipients=department_people([assignment.department_id]),
            kind="proposals.assigned", key=f"assignment:{assignment.pk}:assigned",
            url=staff_url(proposal),
            params=_params(proposal, **_department(assignment.department),
                           due=_local_date(assignment.due_at)),
        )


def _on_reassign(proposal, *, actor, key, target):
    _tell_assigned(proposal)


def _staff_on_it(proposal, departments=None) -> list:
    """The body's desk and the staff of the departments working on the proposal (or those
    given)."""
    if departments is None:
        departments = live_department_ids(proposal)
    return list(desk_people(proposal.body)) + list(department_people(departments))


def _everyone_on_it(proposal, *, actor, key, kind):
    params = _params(proposal, author=_name(actor))
    notify(recipients=proposer_people(proposal), kind=kind, key=key,
           url=partner_url(proposal), params=params, exclude=actor)
    notify(recipients=_staff_on_it(proposal), kind=kind, key=key, url=staff_url(proposal),
           params=params, exclude=actor)


def _on_message(proposal, *, actor, key, target):
    _everyone_on_it(proposal, actor=actor, key=key, kind="proposals.message")


def _on_meeting(proposal, *, actor, key, target):
    _everyone_on_it(proposal, actor=actor, key=key, kind="proposals.meeting")


def _to_staff(kind):
    def handler(proposal, *, actor, key, target):
        if proposal.submitted_at is None:
            return  # a draft withdrawn was never the government's business
        notify(recipients=_staff_on_it(proposal), kind=kind, key=key, url=staff_url(proposal),
               params=_params(proposal), exclude=actor)
    return handler


def _on_withdraw(proposal, *, actor, key, target):
    if proposal.submitted_at is None:
        return
    # The desk still opens the proposal's workspace.
    notify(recipients=desk_people(proposal.body), kind="proposals.withdrawn", key=key,
           url=staff_url(proposal), params=_params(proposal), exclude=actor)
    # The assignments are cancelled by now, so the departments that held one no longer see the
    # proposal: they are sent to their queue, which they can open (someone on the desk too was
    # told above, once per key, with the workspace).
    departments = proposal.assignments.values_list("department_id", flat=True)
    notify(recipients=department_people(departments), kind="proposals.withdrawn", key=key,
           url=queue_url(), params=_params(proposal), exclude=actor)


def _on_decision_record(proposal, *, actor, key, target):
    decision = target
    department = decision.assignment.department
    params = _params(proposal, **_department(department), outcome=decision.outcome)
    kind = ("proposals.countersign_needed" if decision.needs_countersignature
            else "proposals.decision_recorded")
    notify(recipients=desk_people(proposal.body), kind=kind, key=key,
           url=staff_url(proposal), params=params, exclude=actor)


def _on_countersign_refuse(proposal, *, actor, key, target):
    department = target.assignment.department
    notify(recipients=department_people([department.pk]), kind="proposals.countersign_refused",
           key=key, url=staff_url(proposal),
           params=_params(proposal, **_department(department)), exclude=actor)


def _on_decide(proposal, *, actor, key, target):
    notify(recipients=proposer_people(proposal), kind="proposals.decided", key=key,
           url=partner_url(proposal), params=_params(proposal), exclude=actor)
    notify(recipients=desk_people(proposal.body), kind="proposals.ready_to_publish", key=key,
           url=staff_url(proposal), params=_params(proposal), exclude=actor)


def _on_partner_add(proposal, *, actor, key, target):
    link = target
    members = User.objects.filter(
        is_active=True, organization_memberships__organization=link.organization,
        organization_memberships__status=OrganizationMembership.Status.ACTIVE,
    ).distinct()
    notify(recipients=members, kind="proposals.partner_invited", key=key,
           url=_path("proposals:partner_consent", link.pk),
           params=_params(proposal, organization=link.organization.name,
                          organization_en=link.organization.name_en,
                          proposer=proposal.organization.name,
                          proposer_en=proposal.organization.name_en), exclude=actor)


_HANDLERS = {
    "submit": _on_submit,
    "resubmit": _on_resubmit,
    "receive_forwarded": _on_receive_forwarded,
    "forward": _on_forward,
    "accept": _to_proposer("proposals.accepted"),
    "return": _to_proposer("proposals.returned"),
    "out_of_scope": _to_proposer("proposals.out_of_scope"),
    "route": _on_route,
    "reassign": _on_reassign,
    "message": _on_message,
    "meeting": _on_meeting,
    "revise": _to_staff("proposals.revised"),
    "withdraw": _on_withdraw,
    "decision.record": _on_decision_record,
    "decision.countersign_refuse": _on_countersign_refuse,
    "decide": _on_decide,
    "publish": _to_proposer("proposals.published"),
    "partner.add": _on_partner_add,
}
