"""Files attached to a proposal: the proposer adds and removes them; the people taking part in
the proposal download them.

A confidential file is protected like a confidential section (idea protection): only the
proposer, the body's desk and the departments the proposal is routed to may open it, until the
proposer releases the ideas, and every opening is recorded.
"""

from __future__ import annotations

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kyoso.core.audit import audit_record
from kyoso.core.forms import apply_errors

from .. import rules as proposal_rules
from ..forms_partner import AttachmentForm
from ..models import ProposalAttachment
from ..rules import EDITABLE, UNDER_CONSIDERATION
from ..selectors import proposal_for
from ..services.attachments import attachment_add, attachment_remove
from .partner_common import SECTION_TITLES, own_proposal

# Who works on a proposal (not the public, even once its result is published): the proposer,
# the body's desk and administrators once it is submitted, the departments it is routed to.
takes_part = (
    proposal_rules.is_proposer
    | proposal_rules.desk_of_submitted
    | (proposal_rules.is_proposal_body_admin & proposal_rules.was_submitted)
    | proposal_rules.is_assigned_staff
)


def _attachable(proposal) -> bool:
    return proposal.state in (*EDITABLE, *UNDER_CONSIDERATION)


@login_required
@require_http_methods(["GET", "POST"])
def attachments(request, pk):
    proposal = own_proposal(request.user, pk)
    if not _attachable(proposal):
        messages.info(request, _("The proposal can no longer be changed."))
        return redirect("proposals:task_list", proposal.pk)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            attachment = attachment_add(
                actor=request.user, proposal=proposal, upload=form.cleaned_data["file"],
                confidential=form.cleaned_data["confidential"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(
                request, _("“%(name)s” was attached.") % {"name": attachment.original_name}
            )
            return redirect("proposals:attachments", proposal.pk)
    return render(request, "proposals/partner/attachments.html", {
        "proposal": proposal,
        "form": form,
        "files": proposal.attachments.all(),
        "title": SECTION_TITLES["attachments"],
        "back": "proposals:revise" if proposal.state in UNDER_CONSIDERATION else
                "proposals:task_list",
    }, status=400 if form.errors else 200)


@login_required
@require_POST
def attachment_delete(request, pk, attachment_pk):
    proposal = own_proposal(request.user, pk)
    attachment = get_object_or_404(proposal.attachments, pk=attachment_pk)
    try:
        attachment_remove(actor=request.user, attachment=attachment)
    except (ValidationError, PermissionDenied):
        messages.error(request, _("The file cannot be removed now."))
    else:
        messages.success(
            request, _("“%(name)s” was removed.") % {"name": attachment.original_name}
        )
    return redirect("proposals:attachments", proposal.pk)


@login_required
def attachment_download(request, pk, attachment_pk):
    """The file itself, to the people taking part; a protected one only to those who may read
    protected sections. Anyone else gets 404, as if it did not exist."""
    return attachment_file(request.user, proposal_for(request.user, pk), attachment_pk)


def attachment_file(user, proposal, attachment_pk) -> FileResponse:
    """One attached file as a download, by the rule above (also the API's download): a protected
    file's download is logged. Http404 for anyone else, and for a file missing from storage."""
    if not takes_part(user, proposal):
        raise Http404
    attachment = get_object_or_404(ProposalAttachment, pk=attachment_pk, proposal=proposal)
    if attachment.is_protected():
        if not rules.has_perm("proposals.view_confidential", user, proposal):
            raise Http404
        audit_record(
            actor=user, action="proposals.confidential.read", target=proposal,
            body_code=proposal.body.code, changes={"attachments": [attachment.pk]},
        )
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    # The type was decided by the content on upload; browsers must not guess another one, and
    # nothing on the way may keep a copy.
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
