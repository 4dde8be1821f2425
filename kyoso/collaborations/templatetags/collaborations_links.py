"""``{% collaboration_link proposal %}``: on the desk's proposal workspace, the way to the
proposal's collaboration, or to start one, for those who may. A tag, so that the proposals app
needs no knowledge of collaborations (this app reads proposals, not the other way round)."""

import rules
from django import template

from ..models import Collaboration
from ..rules import adopting_decisions

register = template.Library()


@register.inclusion_tag("collaborations/_proposal_link.html", takes_context=True)
def collaboration_link(context, proposal):
    user = context["request"].user
    budgets = [
        decision for decision in adopting_decisions(proposal).select_related(
            "assignment__department", "assignment__proposal__body")
        if rules.has_perm("collaborations.record_budget", user, decision)
    ]
    collaboration = Collaboration.objects.filter(proposal=proposal).first()
    if collaboration is not None:
        if not rules.has_perm("collaborations.view_workspace", user, collaboration):
            collaboration = None
        return {"collaboration": collaboration, "proposal": proposal, "may_start": False,
                "budgets": budgets}
    return {
        "collaboration": None, "proposal": proposal, "budgets": budgets,
        "may_start": rules.has_perm("collaborations.start_from_proposal", user, proposal),
    }
