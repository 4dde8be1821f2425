"""A partner writes a proposal: the list of its proposals, a new draft, the task list and its
sections. Submitting, revising and withdrawing are in ``partner_submit``; files in
``partner_files``.

Every section is its own page and every submit saves the draft through
``proposal_update_draft`` — also when part of the input is wrong: what is valid is saved, the rest
comes back with its error and what was typed.
"""

from __future__ import annotations

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from kyoso.catalog.models import CatalogProject
from kyoso.core.forms import apply_errors, create_once, earlier_submission
from kyoso.core.text import normalize, search_terms
from kyoso.organizations.models import Organization
from kyoso.organizations.predicates import organization_roles
from kyoso.organizations.selectors import body_choice_groups

from .. import services
from ..forms_partner import (
    AboutForm,
    BudgetForm,
    CollaborationFormForm,
    NewProposalForm,
    PartnerAddForm,
    TextSectionForm,
    ascii_digits,
)
from ..models import Proposal, ProposalPartner
from ..rules import EDITABLE, UNDER_CONSIDERATION, is_proposer
from ..services.drafting import proposal_partner_decline, proposal_partner_remove
from .partner_common import (
    SECTION_TITLES,
    TEXT_SECTIONS,
    clock_of,
    invitations_for,
    next_section,
    own_proposal,
    own_proposals,
    task_sections,
)
from .partner_thread import follow_up

SEARCH_RESULTS = 20
# Lazy: the help is read in the language of each request, not the one active at import.
SECTION_HELP = {
    "background": gettext_lazy("What problem do you see, and why does it matter now?"),
    "content": gettext_lazy("What would you do, with whom, and what would the body do?"),
    "expected_effect": gettext_lazy("What would change for residents, and how would you know?"),
    "schedule": gettext_lazy("When would each step happen? For example: April, preparation; "
                             "July, first event."),
}


def editable_proposal(request, pk) -> Proposal:
    """The proposer's proposal, while it may be edited; otherwise back to its page."""
    proposal = own_proposal(request.user, pk)
    if proposal.state not in EDITABLE:
        raise _NotEditable(proposal)
    return proposal


class _NotEditable(Exception):
    def __init__(self, proposal):
        self.proposal = proposal


def _back_to_overview(request, proposal):
    if proposal.state in UNDER_CONSIDERATION:
        messages.info(request, _("The proposal is being considered: change it by revising it."))
        return redirect("proposals:revise", proposal.pk)
    messages.info(request, _("The proposal can no longer be changed."))
    return redirect("proposals:task_list", proposal.pk)


@login_required
def my_proposals(request):
    proposals = (
        own_proposals(request.user)
        .select_related("body", "organization")
        .prefetch_related("assignments__department")
        .order_by("-updated_at", "-id")
    )
    page = Paginator(proposals, 20).get_page(request.GET.get("page"))
    now = timezone.now()
    rows = [(proposal, clock_of(proposal, now)) for proposal in page.object_list]
    return render(request, "proposals/partner/my_proposals.html", {
        "page": page,
        "rows": rows,
        "invitations": invitations_for(request.user),
        "has_organization": bool(organization_roles(request.user)),
    })


@login_required
@require_http_methods(["GET", "POST"])
def proposal_new(request):
    organizations = Organization.objects.filter(
        pk__in=list(organization_roles(request.user))
    ).order_by("name_kana", "name")
    if not organizations.exists():
        return render(request, "proposals/partner/no_organization.html")
    project = None
    # NFKC first: a full-width id (「１２」) is read as 12; other scripts' digits are not ids.
    project_id = normalize(request.GET.get("project") or request.POST.get("project"))
    if project_id:
        project = (
            CatalogProject.objects.disclosed().select_related("body", "department")
            .filter(pk=int(project_id) if ascii_digits(project_id) else 0).first()
        )
    earlier = earlier_submission(request, "proposals.create")
    if earlier is not None:
        return redirect("proposals:task_list", earlier)
    form = NewProposalForm(
        request.POST or None, organizations=organizations, body_choices=body_choice_groups(),
        project=project,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            pk, replayed = create_once(
                user=request.user, key=data["submission_key"], operation="proposals.create",
                create=lambda: services.proposal_create_draft(
                    actor=request.user, body=data["body"], organization=data["organization"],
                    title=data["title"], kind=data["kind"], is_new_project=data["is_new_project"],
                    target_projects=data.get("target_projects") or (),
                ),
            )
        except PermissionDenied:
            form.add_error("organization", _("You are not a member of this organization."))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if not replayed:
                messages.success(request, _("Your draft was created. Fill in each section."))
            return redirect("proposals:task_list", pk)
    return render(request, "proposals/partner/new.html", {"form": form, "project": project})


@login_required
def task_list(request, pk):
    proposal = own_proposal(request.user, pk)
    context = {
        "proposal": proposal,
        "clock": clock_of(proposal, timezone.now()),
        "editable": proposal.state in EDITABLE,
        "sections": task_sections(proposal),
        "attachments": proposal.attachments.all(),
        "partners": proposal.partner_links.select_related("organization"),
        "targets": proposal.target_projects.select_related("department"),
        "revisions": proposal.revisions.order_by("-number")[:1],
        "can_withdraw": rules.has_perm("proposals.withdraw_proposal", request.user, proposal),
        "can_revise": rules.has_perm("proposals.revise_proposal", request.user, proposal),
        **follow_up(request.user, proposal),
    }
    return render(request, "proposals/partner/task_list.html", context)


def _section_form(slug, proposal, data=None, shown_projects=()):
    if slug == "about":
        initial = {
            "title": proposal.title, "kind": proposal.kind,
            "is_new_project": proposal.is_new_project,
            "target_projects": [p.pk for p in proposal.target_projects.all()],
        }
        return AboutForm(data, initial=initial, proposal=proposal, shown_projects=shown_projects)
    if slug in TEXT_SECTIONS:
        field = TEXT_SECTIONS[slug]
        initial = {field: getattr(proposal, field), "confidential": proposal.is_confidential(field)}
        return TextSectionForm(
            data, initial=initial, field_name=field, label=SECTION_TITLES[slug],
            help_text=SECTION_HELP[field],
        )
    if slug == "budget":
        initial = {"budget_yen": proposal.budget_yen, "funding": proposal.funding}
        return BudgetForm(data, initial=initial)
    if slug == "collaboration":
        initial = {"collaboration_form": proposal.collaboration_form}
        return CollaborationFormForm(data, initial=initial)
    raise Http404


def _shown_projects(proposal, query: str):
    chosen = list(proposal.target_projects.select_related("department"))
    found = []
    if query:
        found = list(
            CatalogProject.objects.disclosed().filter(body=proposal.body)
            .search(search_terms(query)).exclude(pk__in=[p.pk for p in chosen])
            .select_related("department")[:SEARCH_RESULTS]
        )
    return chosen, found


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request, pk, slug):
    if slug not in SECTION_TITLES or slug in ("partners", "attachments"):
        raise Http404
    try:
        proposal = editable_proposal(request, pk)
    except _NotEditable as refused:
        return _back_to_overview(request, refused.proposal)
    query = request.GET.get("q", "").strip()[:100]
    chosen, found = _shown_projects(proposal, query) if slug == "about" else ([], [])
    form = _section_form(slug, proposal, request.POST or None, [*chosen, *found])
    if request.method == "POST":
        valid = form.is_valid()
        values = {
            name: form.cleaned_data[name] for name in form.fields_saved
            if name in form.cleaned_data
        }
        targets = values.pop("target_projects", None)
        if slug in TEXT_SECTIONS and "confidential" in form.cleaned_data:
            field = TEXT_SECTIONS[slug]
            protected = [s for s in (proposal.confidential_sections or []) if s != field]
            if form.cleaned_data["confidential"]:
                protected.append(field)
            values["confidential_sections"] = protected
        try:
            services.proposal_update_draft(
                actor=request.user, proposal=proposal, target_projects=targets, **values
            )
        except ValidationError as error:
            apply_errors(form, error)
            valid = False
        if valid:
            action = request.POST.get("action", "")
            if action == "search":
                term = request.POST.get("search", "").strip()[:100]
                url = reverse("proposals:section", args=[proposal.pk, slug])
                return redirect(f"{url}?{urlencode({'q': term})}#targets" if term else url)
            messages.success(request, _("Saved."))
            following = next_section(slug)
            if action == "continue" and following:
                if following in ("partners", "attachments"):
                    return redirect(f"proposals:{following}", proposal.pk)
                return redirect("proposals:section", proposal.pk, following)
            return redirect("proposals:task_list", proposal.pk)
        messages.warning(
            request, _("What could be saved was saved as your draft. Correct the rest below.")
        )
    return render(request, "proposals/partner/section.html", {
        "proposal": proposal,
        "slug": slug,
        "title": SECTION_TITLES[slug],
        "form": form,
        "query": query,
        "found": found,
        "is_text": slug in TEXT_SECTIONS,
    })


@login_required
@require_http_methods(["GET", "POST"])
def partners(request, pk):
    try:
        proposal = editable_proposal(request, pk)
    except _NotEditable as refused:
        return _back_to_overview(request, refused.proposal)
    query = (request.GET.get("q") or request.POST.get("q") or "").strip()[:100]
    form = PartnerAddForm(request.POST or None, proposal=proposal, query=query)
    if request.method == "POST" and form.is_valid():
        try:
            link = services.proposal_partner_add(
                actor=request.user, proposal=proposal,
                organization=form.cleaned_data["organization"], role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if link.has_consented:
                messages.success(request, _("The partner was added."))
            else:
                messages.success(request, _(
                    "The partner was added. A member of it must agree before you can submit."
                ))
            return redirect("proposals:partners", proposal.pk)
    return render(request, "proposals/partner/partners.html", {
        "proposal": proposal,
        "form": form,
        "links": proposal.partner_links.select_related("organization"),
        "title": SECTION_TITLES["partners"],
    })


@login_required
@require_POST
def partner_remove(request, pk, link_pk):
    """Take a partner off the proposal (one that never agrees would otherwise block it).

    Safe to repeat: a partner already taken off is not an error."""
    try:
        proposal = editable_proposal(request, pk)
    except _NotEditable as refused:
        return _back_to_overview(request, refused.proposal)
    link = proposal.partner_links.select_related("organization").filter(pk=link_pk).first()
    if link is None:
        messages.info(request, _("This partner is no longer on the proposal."))
        return redirect("proposals:partners", proposal.pk)
    try:
        proposal_partner_remove(actor=request.user, proposal=proposal, link=link)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("proposals:task_list", proposal.pk)
    messages.success(request, _("%(name)s was taken off the proposal.") % {
        "name": link.organization.display_name
    })
    if not is_proposer(request.user, proposal):
        # The person took their own organization off: the proposal is no longer theirs to see.
        return redirect("proposals:my_proposals")
    return redirect("proposals:partners", proposal.pk)


@login_required
@require_http_methods(["GET", "POST"])
def partner_consent(request, link_pk):
    """A member of a named partner sees what it is asked to join, and agrees."""
    link = get_object_or_404(
        ProposalPartner.objects.select_related("proposal__body", "proposal__organization",
                                               "organization"),
        pk=link_pk, organization_id__in=list(organization_roles(request.user)),
    )
    if request.method == "POST" and link.consented_at is None:
        try:
            services.proposal_partner_consent(actor=request.user, link=link)
        except (ValidationError, PermissionDenied):
            raise Http404 from None
        messages.success(request, _("You agreed to take part. The proposal is now in your list."))
        return redirect("proposals:task_list", link.proposal_id)
    return render(request, "proposals/partner/consent.html", {
        "link": link, "can_decline": link.proposal.state in EDITABLE,
    })


@login_required
@require_POST
def partner_decline(request, link_pk):
    """A member of a named partner declines: the proposal no longer waits for its agreement.

    Safe to repeat: an invitation already declined (or withdrawn by the proposer) answers with
    the list of proposals, as if it were done now."""
    link = (
        ProposalPartner.objects.select_related(
            "proposal__body", "proposal__organization", "organization"
        )
        .filter(pk=link_pk, organization_id__in=list(organization_roles(request.user))).first()
    )
    if link is None:
        messages.info(request, _("This invitation is no longer open."))
        return redirect("proposals:my_proposals")
    try:
        proposal_partner_decline(actor=request.user, link=link)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("proposals:partner_consent", link.pk)
    messages.success(request, _(
        "You declined to take part. %(proposer)s can go on without your organization."
    ) % {"proposer": link.proposal.organization.display_name})
    return redirect("proposals:my_proposals")
