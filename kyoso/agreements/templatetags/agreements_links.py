"""Links to agreements from other apps' pages, kept here so those pages need one include."""

import rules
from django import template

register = template.Library()


@register.inclusion_tag("agreements/_proposal_link_inner.html", takes_context=True)
def proposal_agreement_link(context, proposal):
    """On the desk's proposal workspace: the agreements prepared from it, and the way to prepare
    one once the proposal is adopted."""
    from ..services import is_adopted

    user = context["request"].user
    may_create = rules.has_perm("agreements.create_agreement", user, proposal.body)
    adopted = may_create and is_adopted(proposal)
    return {
        "proposal": proposal,
        "may_create": adopted,
        "existing": list(proposal.agreements.all()) if may_create else [],
    }
