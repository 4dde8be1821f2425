"""What the partner's pages share: fetching a proposal as its proposer, the task list, the clock."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kyoso.core.text import join_names
from kyoso.organizations.predicates import organization_roles

from ..models import Proposal, ProposalPartner
from ..rules import EDITABLE, UNDER_CONSIDERATION, is_proposer
from ..selectors import proposal_for, proposals_visible_to

S = Proposal.State
NOT_STARTED, IN_PROGRESS, COMPLETED = "not_started", "in_progress", "completed"
STATUS_LABELS = {
    NOT_STARTED: _("Not started"),
    IN_PROGRESS: _("In progress"),
    COMPLETED: _("Completed"),
}


def own_proposal(user, pk) -> Proposal:
    """A proposal of the user's organization (or of a partner that agreed to take part).

    Anyone else answers 404, staff of the body included: these are the proposer's pages; the desk
    and the departments have theirs.
    """
    proposal = proposal_for(user, pk)
    if not is_proposer(user, proposal):
        raise Http404
    return proposal


def own_proposals(user):
    """Proposals of the user's organizations and of those they take part in as a partner."""
    organization_ids = list(organization_roles(user))
    if not organization_ids:
        return Proposal.objects.none()
    mine = Q(organization_id__in=organization_ids) | Q(
        partner_links__organization_id__in=organization_ids,
        partner_links__consented_at__isnull=False,
    )
    return proposals_visible_to(user).filter(
        pk__in=Proposal.objects.filter(mine).values("pk")
    )


def invitations_for(user):
    """Proposals naming one of the user's organizations as a partner, waiting for its consent."""
    return (
        ProposalPartner.objects.filter(
            organization_id__in=list(organization_roles(user)), consented_at__isnull=True,
            proposal__state__in=EDITABLE,
        )
        .select_related("proposal__body", "proposal__organization", "organization")
        .order_by("-proposal__updated_at")
    )


@dataclass(frozen=True)
class Clock:
    """Who the proposal waits on, and until when (``due`` is None when no deadline runs).

    ``waiting_on`` is None once the proposal waits on nobody (decided, withdrawn, closed).
    """

    waiting_on: Promise | str | None
    due: object = None
    overdue: bool = False


def clock_of(proposal: Proposal, now) -> Clock:
    if proposal.state in (S.DRAFT, S.RETURNED):
        return Clock(_("your organization"))
    if proposal.state in (S.SUBMITTED, S.SCREENING):
        due = proposal.due_at
        return Clock(_("the desk"), due, bool(due and due < now))
    if proposal.state in UNDER_CONSIDERATION:
        open_ = [a for a in proposal.assignments.all() if a.state == "open"]
        if not open_:
            return Clock(_("the desk"))
        due = min(a.due_at for a in open_)
        names = join_names(a.department.display_name for a in open_)
        return Clock(names, due, due < now)
    return Clock(None)


@dataclass(frozen=True)
class TaskSection:
    slug: str
    title: Promise
    required: bool
    status: str

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


SECTION_TITLES = {
    "about": _("About the proposal"),
    "background": _("Background"),
    "content": _("Content"),
    "effect": _("Expected effect"),
    "schedule": _("Schedule"),
    "budget": _("Budget and who pays"),
    "collaboration": _("Form of collaboration"),
    "partners": pgettext_lazy("proposal", "Partners"),
    "attachments": _("Attachments"),
}
# The written sections' slugs and the proposal fields behind them.
TEXT_SECTIONS = {
    "background": "background",
    "content": "content",
    "effect": "expected_effect",
    "schedule": "schedule",
}
REQUIRED = {"about", "background", "content", "effect", "collaboration"}


def _filled(value) -> bool:
    return bool(str(value or "").strip())


def task_sections(proposal: Proposal) -> list[TaskSection]:
    """The task list in order, each section with its status worked out from what is saved."""
    has_targets = proposal.target_projects.exists()
    about = (
        COMPLETED if _filled(proposal.title) and (has_targets or proposal.is_new_project)
        else IN_PROGRESS if _filled(proposal.title) or has_targets or proposal.is_new_project
        else NOT_STARTED
    )
    statuses = {"about": about}
    for slug, field in TEXT_SECTIONS.items():
        statuses[slug] = COMPLETED if _filled(getattr(proposal, field)) else NOT_STARTED
    statuses["budget"] = COMPLETED if proposal.budget_yen is not None else NOT_STARTED
    statuses["collaboration"] = COMPLETED if proposal.collaboration_form else NOT_STARTED
    links = list(proposal.partner_links.all())
    statuses["partners"] = (
        NOT_STARTED if not links
        else IN_PROGRESS if any(link.consented_at is None for link in links)
        else COMPLETED
    )
    statuses["attachments"] = COMPLETED if proposal.attachments.exists() else NOT_STARTED
    return [
        TaskSection(slug, title, slug in REQUIRED, statuses[slug])
        for slug, title in SECTION_TITLES.items()
    ]


def next_section(slug: str) -> str | None:
    slugs = list(SECTION_TITLES)
    index = slugs.index(slug)
    return slugs[index + 1] if index + 1 < len(slugs) else None
