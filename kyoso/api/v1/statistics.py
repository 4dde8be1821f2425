"""Statistics of proposals and adoption per fiscal year and level, as JSON or CSV.

The figures and their definitions are those of ``kyoso.proposals.statistics`` (Saga's way of
counting: once per deciding department). They hold counts only: nothing confidential.
"""

from typing import Literal

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema

from kyoso.proposals.statistics import proposal_statistics, statistics_csv

from ..schemas import INVALID, NOT_FOUND, BodyRef, LanguageParam
from .bodies import CODE_PATTERN, active_body

router = Router(tags=["Statistics"])


class StatisticsRowOut(Schema):
    fiscal_year: int = Field(..., description="Fiscal year (April–March) of the proposals.")
    fiscal_year_label: str = Field(..., description="e.g. `2009年度(平成21年度)`.")
    level: Literal["prefecture", "municipal", "agency"] = Field(
        ...,
        description="`prefecture`: the prefecture itself; `municipal`: its municipalities "
        "(or the municipality asked for); `agency`: an agency asked for.",
    )
    level_label: str
    participating_bodies: int = Field(
        ..., description="Bodies of the level that received at least one proposal that year."
    )
    proposing_organizations: int = Field(
        ..., description="Distinct organizations behind the counted proposals."
    )
    proposals: int = Field(
        ..., description="Decided proposals, counted once per department that decided them."
    )
    adopted: int = Field(..., description="Of those, adopted (in any of the three ways).")
    adoption_rate: int | None = Field(
        ..., description="Whole percent of `proposals` adopted; null without proposals."
    )


class ProposalStatisticsOut(Schema):
    body: BodyRef
    results: list[StatisticsRowOut] = Field(..., description="By fiscal year, then level.")


class StatisticsQuery(Schema):
    body: str = Field(
        ..., pattern=CODE_PATTERN, description="Local government code of a body, e.g. 410004."
    )
    format: Literal["json", "csv"] = Field(
        "json", description="`csv` answers the same rows as CSV (UTF-8 with BOM, for Excel)."
    )


@router.get(
    "/statistics/proposals",
    response={200: ProposalStatisticsOut, **NOT_FOUND, **INVALID},
    url_name="statistics_proposals",
    summary="Proposals and adoption per fiscal year",
)
def proposal_statistics_view(
    request, query: Query[StatisticsQuery], lang: LanguageParam = None
):
    """Per fiscal year and level: participating bodies, proposing organizations, proposals
    (once per deciding department), adopted and adoption rate. For a prefecture, the levels
    `prefecture` and `municipal`; `?format=csv` gives the same as CSV."""
    body = active_body(query.body)
    rows = proposal_statistics(body)
    if query.format == "csv":
        response = HttpResponse(statistics_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="proposal-statistics-{body.code}.csv"'
        )
        return response
    return {
        "body": body,
        "results": [
            {**row.as_dict(), "fiscal_year_label": row.fiscal_year_label,
             "level_label": row.level_label}
            for row in rows
        ],
    }
