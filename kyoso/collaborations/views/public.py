"""Public pages: the searchable list of published collaborations and each one's page with its
outcomes, timeline and published evaluations. The parties may preview an unpublished page."""

from __future__ import annotations

import rules
from django.db.models import F, Max, Min
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from kyoso.catalog.counting import CachedCountPaginator
from kyoso.core.fiscal import fiscal_year_of, format_fiscal_year
from kyoso.organizations.selectors import body_choices

from ..figures import progress_of, timeline_of
from ..filters import CollaborationFilter, public_collaborations
from ..models import Collaboration
from ..selectors import collaboration_for

PAGE_SIZE = 20
# The list's order (public_collaborations) in a form no index gives: for a search with few
# matches, those are found through the search index and sorted (kyoso.catalog.counting).
SEARCH_ORDER = ((F("start_fiscal_year") + 0).desc(), F("published_at").desc(), F("pk").desc())


def fiscal_year_choices():
    """From the first published year to the last one; an open-ended collaboration runs up to
    the current fiscal year (as ``for_fiscal_year`` counts it). Two reads of index ends
    (``collab_public_order_idx``, ``collab_public_end_idx``), not a pass over every row."""
    published = Collaboration.objects.published()
    span = published.aggregate(
        first=Min("start_fiscal_year"), last=Max("end_fiscal_year"),
        last_start=Max("start_fiscal_year"),
    )
    if span["first"] is None:
        return []
    last = max(span["last"] or span["first"], span["last_start"])
    if published.filter(end_fiscal_year__isnull=True).exists():
        last = max(last, fiscal_year_of(timezone.localdate()))
    return [(year, format_fiscal_year(year)) for year in range(last, span["first"] - 1, -1)]


def csv_url(request) -> str:
    """The same search as CSV, in the page's language."""
    query = request.GET.copy()
    query.pop("page", None)
    query["format"] = "csv"
    query["lang"] = "en" if (get_language() or "ja").startswith("en") else "ja"
    return f"{reverse('api-v1:collaborations')}?{query.urlencode()}"


@require_safe
def collaboration_list(request):
    found = CollaborationFilter(request.GET or None, queryset=public_collaborations())
    valid = found.is_bound and found.is_valid()
    queryset = found.qs if valid else public_collaborations()
    # Counting stops at the catalog's cap (2,000), as the API's does. A search with fewer
    # matches is sorted from the search index's matches instead of walking the list's order.
    searching = valid and bool(found.form.cleaned_data.get("q"))
    paginator = CachedCountPaginator(queryset, PAGE_SIZE,
                                     order_when_few=SEARCH_ORDER if searching else None)
    page = paginator.get_page(request.GET.get("page"))
    for collaboration in page:
        collaboration.progress = progress_of(collaboration)
    return render(request, "collaborations/list.html", {
        "csv_url": csv_url(request),
        "filter": found,
        "form": found.form,
        "page": page,
        # Every active body, its <option>s rendered once per process (a nation has 1,788).
        "body_choices": body_choices(),
        "partner_choices": found.partner_choices,
        "fiscal_years": fiscal_year_choices(),
        "chosen_year": request.GET.get("fiscal_year", ""),
    })


def published_evaluations(collaboration):
    return (collaboration.evaluations.filter(published_at__isnull=False)
            .prefetch_related("sides").order_by("fiscal_year"))


@require_safe
def collaboration_detail(request, pk):
    collaboration = collaboration_for(request.user, pk)
    return render(request, "collaborations/detail.html", {
        "collaboration": collaboration,
        "progress": progress_of(collaboration),
        "timeline": timeline_of(collaboration, public=True),
        "evaluations": published_evaluations(collaboration),
        "may_work": rules.has_perm("collaborations.view_workspace", request.user,
                                   collaboration),
        "case": getattr(collaboration, "case", None) if hasattr(collaboration, "case") else None,
    })
