"""Public reads of published results: what anyone may see of a decided proposal.

A published result shows the title, the proposer, the target projects (disclosed ones only), and
for each department that decided: the outcome, the form of collaboration and the reasons given
for anything but an adoption (Saga and Ibaraki publish these; the reasons are the department's
own words, not the proposer's protected ideas). Of the proposer's written sections only the
content is shown, and only when it is not protected (アイデア保護): nothing confidential ever
reaches a public page, the API or an export.
"""

from __future__ import annotations

from django.db.models import Prefetch, Q

from kyoso.catalog.models import CatalogProject

from .models import Assignment, Decision, Proposal


def _with_result(queryset):
    answered = (
        Assignment.objects.filter(state=Assignment.State.ANSWERED)
        .select_related("department")
        .prefetch_related(
            Prefetch("decisions", queryset=Decision.objects.effective(), to_attr="effective")
        )
        .order_by("department__bureau", "department__name", "id")
    )
    return queryset.select_related("organization", "body").prefetch_related(
        Prefetch(
            "target_projects",
            queryset=CatalogProject.objects.disclosed().order_by("code", "id"),
            to_attr="public_targets",
        ),
        Prefetch("assignments", queryset=answered, to_attr="answered"),
    )


def published_results(body, *, fiscal_year: int | None = None, words: str = ""):
    """The body's published results, newest decision first, ready for display; ``words`` must
    each occur in the title or the proposer's name."""
    queryset = Proposal.objects.published().filter(body=body)
    if fiscal_year is not None:
        queryset = queryset.for_fiscal_year(fiscal_year)
    for word in words.split()[:10]:
        queryset = queryset.filter(
            Q(title__icontains=word) | Q(organization__name__icontains=word)
        )
    return _with_result(queryset.order_by("-decided_at", "-id"))


def published_proposals_for_project(project: CatalogProject):
    """Published results of the proposals made on a catalog project (none if it is not
    disclosed: an undisclosed project's page is staff-only, and so is what was proposed on it)."""
    if not project.disclosed:
        return Proposal.objects.none()
    queryset = Proposal.objects.published().filter(target_projects=project)
    return _with_result(queryset.order_by("-decided_at", "-id"))


def published_fiscal_years(body) -> list[int]:
    return list(
        Proposal.objects.published().filter(body=body)
        .order_by("-fiscal_year").values_list("fiscal_year", flat=True).distinct()
    )


def decisions_of(proposal: Proposal) -> list[Decision]:
    """The effective decision of each department that answered, from the prefetched rows."""
    decisions = []
    for assignment in getattr(proposal, "answered", []):
        for decision in assignment.effective:
            decision.department = assignment.department
            decisions.append(decision)
    return decisions


def public_content(proposal: Proposal) -> str:
    """The proposal's content when it may be read by anyone, else an empty string."""
    return "" if proposal.is_confidential("content") else proposal.content
