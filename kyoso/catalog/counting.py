"""Counting catalog results without counting the whole catalog on every page view.

A national installation holds millions of projects; an exact ``COUNT(*)`` of a popular search
(「子育て」 matches a quarter of a million projects) costs seconds, far more than the page itself,
and even a count that stops at 10,000 reads ten thousand rows of a table that may not be in
memory (about 200 ms measured; see docs/benchmarks.md). So counts stop at ``COUNT_CAP``: beyond
it the page says "more than 2,000" and asks for a narrower search, as search engines do.
Public (anonymous) counts are also kept in the shared cache, keyed by the normalised filters
and by a *catalog version* (a row of ``kyoso.core.models.ContentVersion``) that every write
bumps, so a count is never older than the last change to the catalog.
"""

from __future__ import annotations

import hashlib

from django.core.cache import caches
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connection, connections, transaction
from django.db.models import F
from django.utils.functional import cached_property

from kyoso.core.fiscal import fiscal_year_of
from kyoso.core.models import ContentVersion

VERSION_NAME = "catalog"
COUNT_TTL = 60 * 10
COUNT_CAP = 2_000


# How many of the newest fiscal years a search over all years counts one by one (see below).
YEARS_COUNTED_APART = 2


def capped_count(queryset, years=None) -> int:
    """The number of rows, but at most ``COUNT_CAP + 1`` (which means "more than the cap").

    ``years`` (a search over all fiscal years; see ``search_page_plans``): count the newest of
    them and the year before, one at a time, then all older years together, and stop as soon as
    the cap is passed. A frequent word then costs one or two years of the search index instead
    of all of them: the index holds the fiscal year, and a year's rows lie together
    (docs/benchmarks.md). The older years are counted by the words alone (``fiscal_year + 0``
    keeps the year out of the index lookup, where a range of years would read every year's
    entries), so a rare word costs one lookup of the index, as without years. It is one
    statement, ``UNION ALL`` of capped parts under the cap: PostgreSQL runs the parts in order
    and leaves the rest unstarted once the cap is reached. The result is exact; a database that
    cannot limit the parts of a union (SQLite) counts at once.
    """
    return _first_rows(queryset, years, "pk").count()


def counted_matches(queryset, years=None) -> tuple[int, list[int] | None]:
    """``capped_count``, and the primary keys of every match in the catalog's list order
    (newest fiscal year first, then by id) when there are no more than ``COUNT_CAP``, else None.

    Counting reads every match up to the cap; a search with few results then needs no second
    pass over them to sort its page, only the page's rows by primary key
    (``CachedCountPaginator``). On PostgreSQL the matches come sorted, as one array, in the
    counting statement itself.
    """
    first = _first_rows(queryset, years, "pk", "fiscal_year")
    connection_ = connections[first.db]
    if connection_.vendor != "postgresql":
        rows = list(first)
        if len(rows) > COUNT_CAP:
            return len(rows), None
        return len(rows), [pk for pk, _year in sorted(rows, key=lambda row: (-row[1], row[0]))]
    try:
        sql, params = first.query.get_compiler(first.db).as_sql()
    except EmptyResultSet:  # e.g. none(), or a fiscal year no catalog can hold
        return 0, []
    with connection_.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), CASE WHEN count(*) <= %s THEN "  # noqa: S608 - our own query
            "array_agg(m.pk ORDER BY m.year DESC, m.pk) END "
            f"FROM ({sql}) AS m (pk, year)",
            [COUNT_CAP, *params],
        )
        count, pks = cursor.fetchone()
    return count, (pks or []) if count <= COUNT_CAP else None


def _first_rows(queryset, years, *fields):
    """The ``fields`` of at most ``COUNT_CAP + 1`` rows, read as ``capped_count`` describes."""
    queryset = queryset.order_by()
    if not years or not connections[queryset.db].features.supports_slicing_ordering_in_compound:
        return queryset.values_list(*fields)[: COUNT_CAP + 1]
    # Consecutive years down from the newest given, whatever else ``years`` holds: the parts
    # must cover every year exactly once.
    newest = [max(years) - back for back in range(YEARS_COUNTED_APART)]
    parts = [queryset.after_fiscal_year(newest[0])]
    parts += [queryset.for_fiscal_year(year) for year in newest]
    parts.append(queryset.alias(year_as_number=F("fiscal_year") + 0)
                 .filter(year_as_number__lt=newest[-1]))
    first, *others = (part.values_list(*fields)[: COUNT_CAP + 1] for part in parts)
    return first.union(*others, all=True)[: COUNT_CAP + 1]


def shared_capped_count(queryset, *, key: str | None, years=None) -> int:
    """``capped_count``, kept in the shared cache under ``key`` (``count_key``) when given."""
    return _shared_count(key, lambda: (capped_count(queryset, years=years), None))[0]


def _shared_count(key: str | None, count) -> tuple[int, list[int] | None]:
    """``count()``'s (count, matches), the count kept in the shared cache under ``key`` when
    given; a count found there comes without matches. (Not ``get_or_set``: that reads the entry
    again after storing it.)"""
    if key is not None:
        found = caches["pages"].get(key)
        if found is not None:
            return found, None
    counted = count()
    if key is not None:
        caches["pages"].set(key, counted[0], COUNT_TTL)
    return counted


def bump_catalog_version() -> None:
    """Call after any write to the catalog (services do, on commit)."""
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (name, version) VALUES (%s, 1) "  # noqa: S608 - our table
            f"ON CONFLICT (name) DO UPDATE SET version = {table}.version + 1",
            [VERSION_NAME],
        )


def catalog_shown_data_changed(**kwargs) -> None:
    """Signal receiver: something catalog pages show (a body, a department) changed."""
    transaction.on_commit(bump_catalog_version)


def catalog_state() -> str:
    """What a cached public page of the catalog depends on: the version, the newest id and
    the current fiscal year.

    The id catches rows added by bulk loads that bypass the services (demo data, benchmarks);
    the fiscal year turns the pages over on 1 April (the home page and the year filter show it).
    One query: it is asked on every anonymous visit, cached or not.
    """
    from .models import CatalogProject

    versions = connection.ops.quote_name(ContentVersion._meta.db_table)
    projects = connection.ops.quote_name(CatalogProject._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT version FROM {versions} WHERE name = %s), "  # noqa: S608
            f"(SELECT id FROM {projects} ORDER BY id DESC LIMIT 1)",
            [VERSION_NAME],
        )
        version, newest = cursor.fetchone()
    return f"{version or 0}:{newest or 0}:{fiscal_year_of()}"


def count_key(params: dict[str, str], state: str | None = None) -> str:
    """Key of a public count: the filters and the catalog's state."""
    relevant = sorted((k, v) for k, v in params.items() if k not in {"page", "page_size"} and v)
    digest = hashlib.sha256(repr(relevant).encode()).hexdigest()[:32]
    return f"catalog:count:{state or catalog_state()}:{digest}"


class CachedCountPaginator(Paginator):
    """Pages over a catalog query: the count is capped, and cached when ``count_key`` is given.

    When there are more rows than the cap, ``count`` is the cap, ``count_capped`` is true and the
    pages reach as far as the cap.

    ``order_when_few``: the list's order written so that no index can give it (e.g.
    ``F("id") + 0``), used when the count shows that few rows match. A search's rows are then
    found through the search index and sorted (a few thousand at most), instead of walking the
    list in its order and testing every row until a page is full: with a fiscal year chosen the
    catalog's list order is the primary key's, and a rare word made PostgreSQL read a hundred
    thousand rows to fill page 2 (docs/benchmarks.md). A frequent word (count capped) keeps the
    list order, and the planner's choice.

    ``matches_in_order``: the list is the catalog's (newest fiscal year first, then by id). The
    count reads every match up to the cap anyway; it then returns them in that order
    (``counted_matches``), and a page of few results is read by primary key, with no second
    pass over the matches. When the count comes from the cache, ``order_when_few`` serves.

    ``years_when_many``: for a search over all fiscal years with many results (count capped),
    the fiscal years to read one at a time, newest first (e.g. the last ten). The planner guesses
    a few hundred matches for any search, so it would fetch every match of every year through
    the search index to sort them (25,000 pages read for 奨学金); the page is made of the newest
    year's matches, which the search index (with the fiscal year in it) gives alone. Exact: if a
    match lies in a later year than the first, or the years given do not fill the page, the page
    comes from the whole query as before.
    """

    def __init__(self, *args, count_key: str | None = None, order_when_few=None,
                 years_when_many=None, matches_in_order: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key
        self.order_when_few = order_when_few
        self.years_when_many = years_when_many
        self.matches_in_order = matches_in_order

    def page(self, number):
        if self.order_when_few and not self.count_capped:
            if self._counted[1] is not None:
                return self._page_of_matches(number)
            self.object_list = self.object_list.order_by(*self.order_when_few)
        elif self.years_when_many and self.count_capped:
            number = self.validate_number(number)
            bottom = (number - 1) * self.per_page
            top = min(bottom + self.per_page, self.count)
            rows = self._newest_years_first(top)
            if rows is not None:
                return self._get_page(rows[bottom:top], number, self)
        return super().page(number)

    def _page_of_matches(self, number):
        """A page of the matches the count returned in list order, read by primary key."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        wanted = self._counted[1][bottom : bottom + self.per_page]
        found = {row.pk: row for row in self.object_list.filter(pk__in=wanted).order_by()}
        # A match deleted since it was counted is left out, as a later count would.
        return self._get_page([found[pk] for pk in wanted if pk in found], number, self)

    def _newest_years_first(self, top: int) -> list | None:
        """The first ``top`` rows, read year by year; None when that cannot be done exactly."""
        years = sorted(self.years_when_many, reverse=True)
        if self.object_list.after_fiscal_year(years[0]).exists():
            return None
        rows: list = []
        for year in years:
            # The list's own order: within one year the planner may walk it for a word it
            # knows to be frequent, or sort that year's matches for one it thinks rare.
            rows += self.object_list.for_fiscal_year(year)[: top - len(rows)]
            if len(rows) >= top:
                return rows
        return None

    @cached_property
    def _counted(self) -> tuple[int, list[int] | None]:
        """The capped count, and the matches in list order when a search has few (see above)."""
        if not self.matches_in_order:
            return shared_capped_count(self.object_list, key=self.count_key,
                                       years=self.years_when_many), None
        return _shared_count(self.count_key, lambda: counted_matches(
            self.object_list, years=self.years_when_many))

    @cached_property
    def raw_count(self) -> int:
        return self._counted[0]

    @cached_property
    def count(self) -> int:
        return min(self.raw_count, COUNT_CAP)

    @property
    def count_capped(self) -> bool:
        return self.raw_count > COUNT_CAP


def search_page_plans(params) -> dict:
    """``CachedCountPaginator``'s plans for a list asked with ``params`` (a query dict): for a
    search, sort few results and read many year by year; nothing special otherwise. Shared by
    the catalog page and the API so both take the same path."""
    if not str(params.get("q") or "").strip():
        return {}
    plans = {"order_when_few": ((F("fiscal_year") + 0).desc(), F("id") + 0),
             "matches_in_order": True}
    if not params.get("fiscal_year"):
        current = fiscal_year_of()
        plans["years_when_many"] = list(range(current + 1, current - 11, -1))
    return plans
