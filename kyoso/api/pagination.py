"""Page-number pagination answering ``{"count", "next", "previous", "results"}``.

``next`` and ``previous`` are absolute URLs that keep every other query parameter (filters,
``lang``, ``page_size``), so a client can follow them without rebuilding the query.
"""

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.pagination import PaginationBase

from kyoso.catalog.counting import COUNT_CAP, CachedCountPaginator, shared_capped_count

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def page_url(request, page: int) -> str:
    params = request.GET.copy()
    if page == 1:
        params.pop("page", None)
    else:
        params["page"] = str(page)
    query = params.urlencode()
    return request.build_absolute_uri(request.path + (f"?{query}" if query else ""))


class PageNumberPagination(PaginationBase):
    class Input(Schema):
        page: int = Field(
            1,
            ge=1,
            le=COUNT_CAP,
            description=f"Page number, starting at 1 (at most {COUNT_CAP:,}).",
        )
        page_size: int = Field(
            DEFAULT_PAGE_SIZE,
            ge=1,
            le=MAX_PAGE_SIZE,
            description=f"Results per page (default {DEFAULT_PAGE_SIZE}, at most {MAX_PAGE_SIZE}).",
        )

    class Output(Schema):
        count: int = Field(
            ...,
            description=(
                f"Number of results on all pages together; counting stops at {COUNT_CAP:,} "
                "(then `count_exact` is false and the pages reach that far)."
            ),
        )
        count_exact: bool = Field(
            ..., description="False when there are more results than `count`: narrow the filters."
        )
        next: str | None = Field(..., description="Absolute URL of the next page, or null.")
        previous: str | None = Field(
            ..., description="Absolute URL of the previous page, or null."
        )
        results: list[Any]

    items_attribute = "results"

    def count(self, request, queryset) -> int:
        """The total, at most ``COUNT_CAP + 1``; shared through the cache when the endpoint set
        ``request.count_key``."""
        years = (getattr(request, "page_plans", None) or {}).get("years_when_many")
        return shared_capped_count(queryset, key=getattr(request, "count_key", None),
                                   years=years)

    def paginate_queryset(self, queryset, pagination: Input, request, **params) -> dict:
        size = pagination.page_size
        offset = (pagination.page - 1) * size
        if offset >= COUNT_CAP:
            # Pages reach as far as counting does; deeper offsets would scan the whole catalog.
            raise Http404(
                _("Pages reach the first %(cap)s results; narrow the filters to see others.")
                % {"cap": f"{COUNT_CAP:,}"}
            )
        plans = getattr(request, "page_plans", None)
        if plans:
            # A search: the count first, since it decides how the rows are best read (see
            # kyoso.catalog.counting.CachedCountPaginator), as on the catalog page.
            paginator = CachedCountPaginator(
                queryset, size, count_key=getattr(request, "count_key", None), **plans)
            count = paginator.raw_count
            results = []
            if offset < min(count, COUNT_CAP):
                results = list(paginator.page(pagination.page).object_list)
        else:
            results = list(queryset[offset : offset + size])
            # A first page that is not full already tells the total: spare the COUNT query.
            if offset == 0 and len(results) < size:
                count = len(results)
            else:
                count = self.count(request, queryset)
        exact = count <= COUNT_CAP
        count = min(count, COUNT_CAP)
        last_page = max(1, -(-count // size))
        if pagination.page > last_page:
            raise Http404(
                _("There is no page %(page)d: the last page is %(last)d.")
                % {"page": pagination.page, "last": last_page}
            )
        return {
            "count": count,
            "count_exact": exact,
            "next": page_url(request, pagination.page + 1) if pagination.page < last_page else None,
            "previous": page_url(request, pagination.page - 1) if pagination.page > 1 else None,
            "results": results,
        }
