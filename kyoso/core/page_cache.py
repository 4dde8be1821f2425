"""Whole-page caching of public pages for anonymous visitors.

Most visitors of a catalog are anonymous and see exactly the same page for the same address, so
the rendered page is kept in the shared cache. The key holds the language, the full path and a
*state* given by the caller (for the catalog: a version that every write bumps and the newest
project's id), so a page is never older than the last change to what it shows.

Only pages that are safe to share are stored: GET or HEAD, anonymous, no pending messages, a
200 response, and nothing in it tied to the visitor: a page that used a CSRF token, touched the
session or set a cookie is never stored. (Cookies are added by middleware after the view, so the
view's response alone cannot tell; the request's CSRF and session state can.) Entries live in the
``pages`` cache, apart from rate limits, so a flood of addresses cannot push those out.
"""

from __future__ import annotations

import base64
import hashlib
import pickle
import random
from collections.abc import Callable
from datetime import UTC, datetime
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router
from django.http import HttpResponse
from django.utils.timezone import now as tz_now
from django.utils.translation import get_language

PAGE_TTL = 60 * 10


class PageDatabaseCache(DatabaseCache):
    """Django's database cache, with every write in one statement.

    ``DatabaseCache`` counts the whole table (``SELECT COUNT(*)``) on every write to decide
    whether to cull it, then writes with a SELECT and an INSERT or UPDATE inside a transaction:
    five statements per stored page or count, and a count that grows with the variety of the
    traffic (docs/benchmarks.md). Here a write is a single ``INSERT … ON CONFLICT`` (PostgreSQL
    and SQLite both have it), and the table is counted and culled as Django would (expired
    entries first, then the oldest keys beyond ``MAX_ENTRIES``) on about one write in
    ``CULL_EVERY``, so it may exceed ``MAX_ENTRIES`` by at most a few hundred entries between
    two culls. Reads are Django's.
    """

    CULL_EVERY = 200

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        self._upsert(key, value, timeout, replace_live=True)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._upsert(key, value, timeout, replace_live=False)

    def _upsert(self, key, value, timeout, *, replace_live: bool) -> bool:
        timeout = self.get_backend_timeout(timeout)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table = quote(self._table)
        now = tz_now().replace(microsecond=0)
        if timeout is None:
            expires = datetime.max
        else:
            expires = datetime.fromtimestamp(timeout, tz=UTC if settings.USE_TZ else None)
        expires = connection.ops.adapt_datetimefield_value(expires.replace(microsecond=0))
        encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        key_column, value_column, expires_column = (
            quote("cache_key"), quote("value"), quote("expires"))
        sql = (
            f"INSERT INTO {table} ({key_column}, {value_column}, {expires_column}) "  # noqa: S608
            f"VALUES (%s, %s, %s) ON CONFLICT ({key_column}) DO UPDATE SET "
            f"{value_column} = excluded.{value_column}, "
            f"{expires_column} = excluded.{expires_column}"
        )
        params = [key, encoded, expires]
        if not replace_live:
            # add(): only over an entry that has expired.
            sql += f" WHERE {table}.{expires_column} < %s"
            params.append(connection.ops.adapt_datetimefield_value(now))
        with connection.cursor() as cursor:
            if random.random() < 1 / self.CULL_EVERY:  # noqa: S311 - not security
                cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
                count = cursor.fetchone()[0]
                if count > self._max_entries:
                    self._cull(db, cursor, now, count)
            cursor.execute(sql, params)
            return cursor.rowcount > 0


def _shareable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def _personal(request, response) -> bool:
    """Whether the response carries anything of this visitor's (or cannot be stored)."""
    session = getattr(request, "session", None)
    return bool(
        response.cookies
        or getattr(response, "streaming", False)
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or (session is not None and (session.modified or "_messages" in session))
    )


def cache_public_page(state: Callable[[], str], timeout: int = PAGE_TTL):
    """Serve the view's page from the cache for anonymous visitors while ``state()`` holds."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _shareable_request(request):
                return view(request, *args, **kwargs)
            # Kept on the request so the view can key its own caches by the same state.
            request.page_state = state()
            raw = f"{get_language()}|{request.get_full_path()}|{request.page_state}"
            key = "page:" + hashlib.sha256(raw.encode()).hexdigest()
            stored = caches["pages"].get(key)
            if stored is not None:
                content_type, content = stored
                response = HttpResponse(content, content_type=content_type)
                response["X-Kyoso-Cache"] = "hit"
                return response
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not _personal(request, response):
                caches["pages"].set(key, (response["Content-Type"], response.content), timeout)
            return response

        return wrapper

    return decorator
