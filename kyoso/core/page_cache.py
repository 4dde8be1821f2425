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

import hashlib
from collections.abc import Callable
from functools import wraps

from django.core.cache import caches
from django.http import HttpResponse
from django.utils.translation import get_language

PAGE_TTL = 60 * 10


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
