"""Published results of proposals: what anyone may know of a decided proposal.

The same reads as the body's public results page (``kyoso.proposals.results``): the title, the
proposer, disclosed target projects, each department's effective decision (with its reasons
for anything but an adoption) and the content only where the proposer does not protect it.
No authentication; nothing confidential.
"""

from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from kyoso.core.fiscal import MAX_FISCAL_YEAR, MIN_FISCAL_YEAR
from kyoso.proposals import results as public_results
from kyoso.proposals.models import Proposal

from ..pagination import PageNumberPagination
from ..schemas import INVALID, NOT_FOUND, LanguageParam
from .bodies import CODE_PATTERN, active_body
from .proposal_schemas import ResultOut

router = Router(tags=["Published results"])


class ResultFilters(Schema):
    body: str = Field(
        ..., pattern=CODE_PATTERN, description="Local government code of a body, e.g. 410004."
    )
    fiscal_year: int | None = Field(
        None, ge=MIN_FISCAL_YEAR, le=MAX_FISCAL_YEAR, description="Fiscal year, e.g. 2026."
    )
    q: str | None = Field(
        None, max_length=100, description="Words in the title or the proposer's name."
    )


def with_decisions(proposals):
    for proposal in proposals:
        proposal.public_decisions = public_results.decisions_of(proposal)
    return proposals


class ResultPagination(PageNumberPagination):
    def paginate_queryset(self, queryset, pagination, request, **params):
        page = super().paginate_queryset(queryset, pagination, request, **params)
        with_decisions(page["results"])
        return page


@router.get(
    "/proposals/results",
    response={200: list[ResultOut], **NOT_FOUND, **INVALID},
    url_name="proposal_results",
    summary="Published results of a body",
)
@paginate(ResultPagination)
def results(request, filters: Query[ResultFilters], lang: LanguageParam = None):
    """The body's published results, newest decision first; as the body's results page."""
    body = active_body(filters.body)
    return public_results.published_results(
        body, fiscal_year=filters.fiscal_year, words=filters.q or ""
    )


@router.get(
    "/proposals/results/{int:proposal_id}",
    response={200: ResultOut, **NOT_FOUND},
    url_name="proposal_result",
    summary="One published result",
)
def result(request, proposal_id: int, lang: LanguageParam = None):
    """A published result; a proposal that is not published answers 404 like one that does not
    exist."""
    proposal = Proposal.objects.published().select_related("body").filter(pk=proposal_id).first()
    if proposal is None:
        raise Http404
    return with_decisions(
        list(public_results.published_results(proposal.body).filter(pk=proposal.pk))
    )[0]
