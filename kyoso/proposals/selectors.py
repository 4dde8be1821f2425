"""Reads of proposals, already scoped to the viewer. A proposal one may not see is a 404."""

from __future__ import annotations

from dataclasses import dataclass

import rules
from django.db.models import Count, Q
from django.http import Http404

from kyoso.core.audit import audit_record
from kyoso.organizations.models import BodyMembership
from kyoso.organizations.predicates import body_roles, organization_roles

from .models import CONFIDENTIAL_SECTIONS, Assignment, Decision, Proposal

LIVE = (Assignment.State.OPEN, Assignment.State.ANSWERED)


def proposals_visible_to(user):
    """Published results for everyone; more for the people who take part in a proposal.

    The proposer's organization (and consenting partners) see their own, drafts included; the
    desk and the administrators of a body see its submitted proposals; a department sees those
    routed to it. Other bodies' staff see only what is public.
    """
    public = Q(published_at__isnull=False)
    if not user.is_authenticated:
        return Proposal.objects.filter(public)
    if user.is_superuser:
        return Proposal.objects.all()
    condition = public
    organization_ids = list(organization_roles(user))
    if organization_ids:
        condition |= Q(organization_id__in=organization_ids) | Q(
            partner_links__organization_id__in=organization_ids,
            partner_links__consented_at__isnull=False,
        )
    overseen, departments = [], []
    for body_id, roles in body_roles(user).items():
        for role, department_id in roles:
            if role in (BodyMembership.Role.DESK, BodyMembership.Role.BODY_ADMIN):
                overseen.append(body_id)
            elif role == BodyMembership.Role.DEPARTMENT:
                departments.append(department_id)
    if overseen:
        condition |= Q(body_id__in=overseen, submitted_at__isnull=False)
    if departments:
        condition |= Q(
            pk__in=Assignment.objects.filter(
                department_id__in=departments, state__in=LIVE
            ).values("proposal_id")
        )
    # partner_links is a join that can repeat rows; filter by primary key instead of distinct().
    return Proposal.objects.filter(pk__in=Proposal.objects.filter(condition).values("pk"))


def proposal_for(user, pk) -> Proposal:
    try:
        return proposals_visible_to(user).select_related("body", "organization").get(pk=pk)
    except (Proposal.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


@dataclass(frozen=True)
class Section:
    name: str
    label: str
    text: str | None  # None when hidden from this viewer
    confidential: bool

    @property
    def hidden(self) -> bool:
        return self.text is None


def visible_sections(user, proposal: Proposal) -> list[Section]:
    """The written sections as this viewer may read them; protected ones hidden, reads logged.

    Idea protection (Ibaraki's アイデア保護の原則): a protected section is shown only to the
    proposer, the body's desk and assigned departments, and each time it is shown an audit event
    ``proposals.confidential.read`` says who read which sections.
    """
    return _sections(user, proposal, {name: getattr(proposal, name) for name in
                                      CONFIDENTIAL_SECTIONS})


def revision_sections(user, proposal: Proposal, revision) -> list[Section]:
    """The sections of an earlier version, in full, under the same protection as today's: a
    section protected then or now stays hidden from those who may not read it (until the
    proposer releases the proposal), and each read is logged with the version read."""
    snapshot = revision.snapshot
    protected_then = set(snapshot.get("confidential_sections") or ())
    if proposal.released_at is not None:
        protected_then = set()
    return _sections(
        user, proposal, {name: snapshot.get(name, "") for name in CONFIDENTIAL_SECTIONS},
        also_protected=protected_then, revision=revision.number,
    )


def _sections(user, proposal, values: dict, *, also_protected=(), revision=None):
    # rules.has_perm, not user.has_perm: a superuser is not let into protected ideas.
    may_read = user.is_authenticated and rules.has_perm(
        "proposals.view_confidential", user, proposal
    )
    sections, read = [], []
    for name in CONFIDENTIAL_SECTIONS:
        label = str(Proposal._meta.get_field(name).verbose_name)
        protected = proposal.is_confidential(name) or name in also_protected
        if protected and not may_read:
            sections.append(Section(name, label, None, True))
            continue
        if protected:
            read.append(name)
        sections.append(Section(name, label, values[name], protected))
    if read:
        changes = {"sections": read}
        if revision is not None:
            changes["revision"] = revision
        audit_record(
            actor=user, action="proposals.confidential.read", target=proposal,
            body_code=proposal.body.code, changes=changes,
        )
    return sections


def decided_counts(body, fiscal_year: int) -> dict:
    """Statistics of a body's decided proposals in a fiscal year, counted Saga's way.

    A proposal decided by several departments counts once per department (FY2006: 361 documents,
    371 proposals). ``proposals`` is that count, ``adopted`` those adopted in any of the three
    ways, ``proposing_organizations`` the distinct proposers, ``adoption_rate`` a whole percent.
    """
    decisions = Decision.objects.effective().filter(
        assignment__proposal__body=body, assignment__proposal__fiscal_year=fiscal_year,
        assignment__state=Assignment.State.ANSWERED,
    )
    totals = decisions.aggregate(
        proposals=Count("pk"),
        adopted=Count("pk", filter=Q(outcome__in=Decision.ADOPTED)),
        proposing_organizations=Count("assignment__proposal__organization", distinct=True),
    )
    proposals = totals["proposals"]
    totals["adoption_rate"] = round(100 * totals["adopted"] / proposals) if proposals else None
    return totals
