"""``{% project_proposals project %}``: the published results of proposals on a catalog project.

A tag rather than a plain include, so that the catalog's page needs no change to its view (the
catalog app knows nothing of proposals; this app reads the catalog, not the other way round).
"""

from django import template

from .. import results

register = template.Library()


@register.inclusion_tag("proposals/public/_project_proposals.html")
def project_proposals(project):
    proposals = list(results.published_proposals_for_project(project))
    for proposal in proposals:
        proposal.public_decisions = results.decisions_of(proposal)
        proposal.public_content = results.public_content(proposal)
    return {"proposals": proposals}
