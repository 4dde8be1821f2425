"""An earlier version of a proposal, in full: for the proposer and for the government side."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ..models import Proposal, ProposalRevision
from ..models.proposals import EDITABLE_FIELDS
from ..rules import is_assigned_staff, is_proposal_body_admin, is_proposal_desk, is_proposer
from ..selectors import proposal_for, revision_sections

# Fields that are not sections: shown plainly (titles, amounts, choices) for every reader.
PLAIN_FIELDS = ("title", "budget_yen", "funding", "collaboration_form", "is_new_project")


@login_required
@require_GET
def revision_detail(request, pk, number):
    proposal = proposal_for(request.user, pk)
    user = request.user
    is_own = is_proposer(user, proposal)
    if not (is_own or is_proposal_desk(user, proposal) or is_proposal_body_admin(user, proposal)
            or is_assigned_staff(user, proposal)):
        raise Http404
    revision = get_object_or_404(ProposalRevision, proposal=proposal, number=number)
    snapshot = revision.snapshot
    labels = {name: Proposal._meta.get_field(name).verbose_name for name in EDITABLE_FIELDS}
    plain = []
    for name in PLAIN_FIELDS:
        value = snapshot.get(name)
        field = Proposal._meta.get_field(name)
        if field.choices and value:
            value = dict(field.flatchoices).get(value, value)
        elif isinstance(value, bool):
            value = _("Yes") if value else _("No")
        plain.append((labels[name], value, name))
    changed = [str(labels.get(name, name)) for name in revision.changes]
    return render(request, "proposals/revision_detail.html", {
        "proposal": proposal, "revision": revision, "plain": plain, "changed": changed,
        "sections": revision_sections(user, proposal, revision), "is_own": is_own,
        "newer": proposal.revisions.filter(number__gt=revision.number).order_by("number").first(),
        "older": proposal.revisions.filter(number__lt=revision.number).order_by("-number").first(),
    })
