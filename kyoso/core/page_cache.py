"""Whole-page caching of public pages for anonymous visitors.

Most visitors of a catalog are anonymous and see exactly the same page for the same address, so
the rendered page is kept and served again. A view opts in with ``@cache_public_page(state)``;
``PublicPageCacheMiddleware``, near the top of the middleware stack, does the rest. The key holds
the language, the full path and the view's *state* (for the catalog: a version that every write
bumps and the newest project's id, read in one query), so a page is never older than the last
change to what it shows.

A visit is answered from the cache before sessions, authentication, CSRF and the view run: that
is what makes a cached page cost little more than an empty one (docs/benchmarks.md). So only
visits that cannot belong to anyone are served or stored: GET or HEAD, no session cookie (nobody
signed in), no pending messages; and only pages tied to no visitor are stored: a 200 response
that set no cookie, used no CSRF token and left the session untouched. Pages are kept twice: in
the ``pages`` cache shared by all processes (apart from rate limits, so a flood of addresses
cannot push those out) and in a small in-process memory in front of it.
"""

from __future__ import annotations

import base64
import hashlib
import pickle
import random
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.core.exceptions import DisallowedHost
from django.db import connections, router
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.timezone import now as tz_now

PAGE_TTL = 60 * 10
# How the keys of pages begin (see page_key).
PAGE_KEY_PREFIX = "pagez:"


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


STORED_HEADERS_SKIPPED = frozenset({"set-cookie", "content-length", "x-kyoso-cache"})


class RecentPages:
    """The most recently used pages of this process, up to ``max_bytes`` of content, each for
    at most ``ttl`` seconds (a page may show what its state does not track, such as today's
    fiscal year; the shared cache bounds that by ``PAGE_TTL``, this memory by ``ttl``)."""

    def __init__(self, max_bytes: int, ttl: float = 60):
        self.max_bytes = max_bytes
        self.ttl = ttl
        self._entries: OrderedDict[str, tuple[float, tuple]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: str):
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            expires, entry = found
            if expires <= time.monotonic():
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return entry

    def set(self, key: str, entry: tuple) -> None:
        size = len(entry[1])
        if size > self.max_bytes // 10:
            return
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = (time.monotonic() + self.ttl, entry)
            self._size += size
            while self._size > self.max_bytes:
                self._drop(next(iter(self._entries)))

    def _drop(self, key: str) -> None:
        _, entry = self._entries.pop(key)
        self._size -= len(entry[1])

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._size = 0


recent_pages = RecentPages(getattr(settings, "KYOSO_PAGE_MEMORY_BYTES", 32 * 1024 * 1024))


@dataclass(frozen=True)
class PublicPage:
    """How the answers of one view are shared: under which state, how long, in which language."""

    state: Callable[[], str]
    timeout: int = PAGE_TTL
    # The language of the answer, from the request; by default the address's (i18n_patterns).
    language: Callable | None = None
    # The methods answered from the cache: a view that answers HEAD itself as a GET (Django's
    # require_safe) may have both; one that refuses HEAD (django-ninja) only GET.
    methods: tuple[str, ...] = ("GET", "HEAD")


# API operations, by URL name: ninja builds their view functions, so they cannot be decorated.
shared_by_name: dict[str, PublicPage] = {}


def cache_public_page(state: Callable[[], str], timeout: int = PAGE_TTL):
    """Mark a view whose page anonymous visitors share while ``state()`` holds (see above).

    The view finds the state it is served under in ``request.page_state``, to key its own
    caches (e.g. counts) by the same state.
    """

    def decorator(view):
        view.public_page = PublicPage(state, timeout)
        return view

    return decorator


def share_public_answers(view_name: str, state: Callable[[], str], *, language: Callable,
                         timeout: int = PAGE_TTL) -> None:
    """As ``cache_public_page``, for the view named ``view_name`` (an API operation), whose
    language ``language(request)`` tells (the API's comes from ``?lang=`` or the headers)."""
    shared_by_name[view_name] = PublicPage(state, timeout, language, methods=("GET",))


def _anonymous_visit(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        # An API token may show its holder's undisclosed entries.
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _personal(request, response) -> bool:
    """Whether the response carries anything of this visitor's (or cannot be stored)."""
    session = getattr(request, "session", None)
    user = getattr(request, "user", None)
    return bool(
        response.cookies
        or getattr(response, "streaming", False)
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or (session is not None and (session.modified or "_messages" in session))
        or (user is not None and user.is_authenticated)
    )


def page_key(language: str, origin: str, full_path: str, state: str) -> str:
    """The key of a page: answers with absolute addresses (the API's) differ by host. (``pagez``:
    the shared cache holds pages compressed, see ``packed``; the earlier ``page`` entries held
    them as they were, and are left to expire.)"""
    raw = f"{language}|{origin}|{full_path}|{state}"
    return PAGE_KEY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def packed(entry: tuple) -> tuple:
    """A page as the shared cache keeps it: its content compressed (zlib, fastest level).

    A catalog page is about 100 kB of very repetitive HTML (1,788 bodies in a select at
    national scale); compressed it is about 18 kB. Storing it then costs about a third as much
    (base64, the statement, the database's own compression of a large value) and reading it
    back a third as much, for 0.3 ms to compress and 0.1 ms to expand (docs/benchmarks.md).
    The process's own memory (``recent_pages``) keeps pages as they are, ready to send.
    """
    headers, content = entry
    return headers, zlib.compress(content, 1)


def unpacked(stored: tuple) -> tuple:
    headers, content = stored
    return headers, zlib.decompress(content)


class PublicPageCacheMiddleware:
    """Answers anonymous visits to ``cache_public_page`` views from the cache, and stores them.

    Place it after SecurityMiddleware and WhiteNoise and before the session middleware: a hit
    still gets the security headers, and skips everything after.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _anonymous_visit(request):
            return self.get_response(request)
        try:
            # As CommonMiddleware would: a host outside ALLOWED_HOSTS gets its 400, never a page.
            host = request.get_host()
        except DisallowedHost:
            return self.get_response(request)
        # The language comes from the address alone (i18n_patterns without a prefix for
        # Japanese), so it can be known before LocaleMiddleware runs; resolving needs it.
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        shared = getattr(match.func, "public_page", None) or shared_by_name.get(match.view_name)
        if shared is None or request.method not in shared.methods:
            return self.get_response(request)
        if shared.language is not None:
            language = shared.language(request)
        request.page_state = shared.state()
        origin = f"{request.scheme}://{host}"
        key = page_key(language, origin, request.get_full_path(), request.page_state)
        stored = recent_pages.get(key)
        if stored is None:
            stored = caches["pages"].get(key)
            if stored is not None:
                stored = unpacked(stored)
                recent_pages.set(key, stored)
        if stored is not None:
            headers, content = stored
            response = HttpResponse(content, headers=headers)
            response["X-Kyoso-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if response.status_code == 200 and not _personal(request, response):
            headers = {
                name: value
                for name, value in response.items()
                if name.lower() not in STORED_HEADERS_SKIPPED
            }
            entry = (headers, response.content)
            caches["pages"].set(key, packed(entry), shared.timeout)
            recent_pages.set(key, entry)
        return response
