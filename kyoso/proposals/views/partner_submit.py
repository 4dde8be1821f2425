"""A partner checks and submits a proposal, prints it, revises it under consideration, withdraws.

Submitting is safe to repeat: the check page carries a fresh ``submission_key`` and
``proposal_submit`` answers the same key with the proposal already submitted, so a double click
or a retry lands on the same confirmation with the same reference number.
"""

from __future__ import annotations

import uuid

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kyoso.core.forms import apply_errors
from kyoso.core.text import list_separator

from .. import services
from ..forms_partner import ReviseForm, WithdrawForm
from ..models import CONFIDENTIAL_SECTIONS, Proposal
from ..models.proposals import EDITABLE_FIELDS
from ..rules import EDITABLE, UNDER_CONSIDERATION
from ..selectors import visible_sections
from .partner_common import (
    SECTION_TITLES,
    TEXT_SECTIONS,
    clock_of,
    own_proposal,
    task_sections,
)

S = Proposal.State
FIELD_SECTIONS = {field: slug for slug, field in TEXT_SECTIONS.items()} | {
    "title": "about", "kind": "about", "target_projects": "about", "is_new_project": "about",
    "budget_yen": "budget", "funding": "budget", "collaboration_form": "collaboration",
    "partners": "partners",
}


def _summary(request, proposal):
    """Everything written, as the proposer may read it (their own protected sections too)."""
    return {
        "proposal": proposal,
        "sections": [
            (section, FIELD_SECTIONS[section.name])
            for section in visible_sections(request.user, proposal)
        ],
        "targets": proposal.target_projects.select_related("department"),
        "partners": proposal.partner_links.select_related("organization"),
        "attachments": proposal.attachments.all(),
        "clock": clock_of(proposal, timezone.now()),
    }


def _submission_errors(error: ValidationError) -> list[tuple[str, str, str]]:
    """(section slug, section title, message) for each thing that stops the submission."""
    rows = []
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            slug = FIELD_SECTIONS.get(field, "about")
            for message in errors:
                rows.append((slug, SECTION_TITLES[slug], " ".join(message.messages)))
    else:
        rows.extend(("", "", message) for message in error.messages)
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def check_answers(request, pk):
    proposal = own_proposal(request.user, pk)
    problems = []
    if request.method == "POST":
        try:
            key = uuid.UUID(request.POST.get("submission_key", ""))
        except ValueError:
            messages.error(request, _("The form has expired. Check your answers and submit again."))
            return redirect("proposals:check", proposal.pk)
        # No state check here: a repeated request (the same key) must reach the service, which
        # answers it with the proposal already submitted.
        try:
            proposal = services.proposal_submit(
                actor=request.user, proposal=proposal, submission_key=key
            )
        except PermissionDenied:
            messages.error(request, _("You may not submit this proposal."))
            return redirect("proposals:task_list", proposal.pk)
        except ValidationError as error:
            problems = _submission_errors(error)
            proposal.refresh_from_db()
        else:
            return redirect("proposals:submitted", proposal.pk)
    if proposal.state not in EDITABLE:
        return redirect("proposals:task_list", proposal.pk)
    context = _summary(request, proposal)
    context.update({
        "problems": problems,
        "task_sections": task_sections(proposal),
        "submission_key": uuid.uuid4(),
    })
    return render(request, "proposals/partner/check.html", context, status=400 if problems else 200)


@login_required
def submitted(request, pk):
    proposal = own_proposal(request.user, pk)
    if proposal.submitted_at is None:
        return redirect("proposals:task_list", proposal.pk)
    return render(request, "proposals/partner/submitted.html", {
        "proposal": proposal, "clock": clock_of(proposal, timezone.now()),
    })


@login_required
def print_copy(request, pk):
    proposal = own_proposal(request.user, pk)
    context = _summary(request, proposal)
    context["printed_at"] = timezone.now()
    return render(request, "proposals/partner/print.html", context)


def _revise_initial(proposal):
    values = {name: getattr(proposal, name) for name in EDITABLE_FIELDS}
    values["version"] = proposal.version
    return values


@login_required
@require_http_methods(["GET", "POST"])
def revise(request, pk):
    proposal = own_proposal(request.user, pk)
    if proposal.state not in UNDER_CONSIDERATION or not rules.has_perm(
        "proposals.revise_proposal", request.user, proposal
    ):
        if proposal.state in EDITABLE:
            return redirect("proposals:task_list", proposal.pk)
        messages.info(request, _("The proposal cannot be revised now."))
        return redirect("proposals:task_list", proposal.pk)
    form = ReviseForm(request.POST or None, initial=_revise_initial(proposal))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        values = {name: data[name] for name in form.fields_saved}
        try:
            services.proposal_revise(
                actor=request.user, proposal=proposal, expected_version=data["version"],
                note=data["note"], **values,
            )
        except services.ProposalChangedError as error:
            apply_errors(form, error)
            # Let the next save go through, now that the proposer is told.
            form.data = form.data.copy()
            form.data["version"] = Proposal.objects.get(pk=proposal.pk).version
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Your revision was saved. The desk and the departments "
                                        "can see what changed."))
            return redirect("proposals:revisions", proposal.pk)
    return render(request, "proposals/partner/revise.html", {
        "proposal": proposal, "form": form,
        "confidential_names": CONFIDENTIAL_SECTIONS,
    })


@login_required
def revisions(request, pk):
    proposal = own_proposal(request.user, pk)
    labels = {name: str(Proposal._meta.get_field(name).verbose_name) for name in EDITABLE_FIELDS}
    labels["target_projects"] = _("Target projects")
    rows = []
    for revision in proposal.revisions.select_related("created_by").order_by("-number"):
        changed = [labels.get(name, name) for name in revision.changes]
        rows.append((revision, changed))
    return render(request, "proposals/partner/revisions.html", {
        "proposal": proposal, "rows": rows, "separator": list_separator(),
    })


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    proposal = own_proposal(request.user, pk)
    if not rules.has_perm("proposals.withdraw_proposal", request.user, proposal):
        messages.info(request, _("The proposal cannot be withdrawn now."))
        return redirect("proposals:task_list", proposal.pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_withdraw(
                actor=request.user, proposal=proposal, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The proposal was withdrawn."))
            return redirect("proposals:my_proposals")
    return render(request, "proposals/partner/withdraw.html", {"proposal": proposal, "form": form})


@login_required
@require_POST
def release_confidential(request, pk):
    proposal = own_proposal(request.user, pk)
    services.proposal_release_confidential(actor=request.user, proposal=proposal)
    messages.success(request, _("The confidential sections were released."))
    return redirect("proposals:task_list", proposal.pk)
