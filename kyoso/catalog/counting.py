"""Counting catalog results without counting the whole catalog on every public page view.

A national installation holds millions of projects; an exact ``COUNT(*)`` of a popular search
costs more than the page itself. Public (anonymous) result counts are therefore kept in the
shared cache, keyed by the normalised filters and by a *catalog version* that every write bumps,
so a count is never older than the last change to the catalog.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property

VERSION_KEY = "catalog:version"
COUNT_TTL = 60 * 10


def catalog_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_catalog_version() -> None:
    """Call after any write to the catalog (services do, on commit)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def count_key(params: dict[str, str]) -> str:
    """Key of a public count: the filters, the catalog version and the newest project's id.

    The id catches rows added by bulk loads that bypass the services (demo data, benchmarks).
    """
    from .models import CatalogProject

    relevant = sorted((k, v) for k, v in params.items() if k not in {"page", "page_size"} and v)
    digest = hashlib.sha256(repr(relevant).encode()).hexdigest()[:32]
    newest = CatalogProject.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    return f"catalog:count:{catalog_version()}:{newest}:{digest}"


class CachedCountPaginator(Paginator):
    """A paginator whose total comes from the cache when ``count_key`` is given."""

    def __init__(self, *args, count_key: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        if self.count_key is None:
            return super().count
        return cache.get_or_set(self.count_key, lambda: self.object_list.count(), COUNT_TTL)
