"""Public pages of the collaboration desk: a body's published results and its statistics.

Anyone may read them; nothing on them depends on who is signed in, and nothing confidential is
ever on them (see ``kyoso.proposals.results``).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kyoso.core.fiscal import format_fiscal_year
from kyoso.core.text import normalize, to_halfwidth_digits
from kyoso.organizations.selectors import body_public

from .. import results as public_results
from ..statistics import levels_of, proposal_statistics, statistics_csv, statistics_table

PAGE_SIZE = 20


def _chosen_year(request, years: list[int]) -> tuple[int | None, str]:
    """The fiscal year asked for, or None for all; an unknown one is named in an error."""
    # Full-width digits (「２０２６」) become ASCII; other scripts' digits (「፩」) are not a
    # year: str.isdigit() says yes to them, and int() then fails.
    raw = to_halfwidth_digits(request.GET.get("fiscal_year", "")).strip()
    if not raw:
        return None, ""
    if raw.isascii() and raw.isdigit() and int(raw) in years:
        return int(raw), ""
    return None, _("There are no published results for this fiscal year. Choose one from the list.")


@require_safe
def results(request, code):
    body = body_public(code)
    years = public_results.published_fiscal_years(body)
    year, error = _chosen_year(request, years)
    words = normalize(request.GET.get("q", ""))[:100]
    found = public_results.published_results(body, fiscal_year=year, words=words)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    for proposal in page:
        proposal.public_decisions = public_results.decisions_of(proposal)
        proposal.public_content = public_results.public_content(proposal)
    return render(request, "proposals/public/results.html", {
        "body": body,
        "page": page,
        "year": year,
        "year_error": error,
        "typed_year": request.GET.get("fiscal_year", ""),
        "words": words,
        "fiscal_years": [(y, format_fiscal_year(y)) for y in years],
    })


@require_safe
def statistics(request, code):
    body = body_public(code)
    rows = proposal_statistics(body)
    return render(request, "proposals/public/statistics.html", {
        "body": body,
        "lines": statistics_table(rows),
        "levels": levels_of(body),
        "level_count": len(levels_of(body)),
    })


@require_safe
def statistics_download(request, code):
    body = body_public(code)
    response = HttpResponse(
        statistics_csv(proposal_statistics(body)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="proposal-statistics-{body.code}.csv"'
    )
    return response
