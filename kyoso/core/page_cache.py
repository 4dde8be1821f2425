"""Whole-page caching of public pages for anonymous visitors.

Most visitors of a catalog are anonymous and see exactly the same page for the same address, so
the rendered page is kept in the shared cache. The key holds the language, the full path and a
*state* given by the caller (for the catalog: a version that every write bumps and the newest
project's id), so a page is never older than the last change to what it shows.

Only pages that are safe to share are stored: GET, anonymous, no pending messages, a 200
response that sets no cookie (a page with a CSRF token sets one, so it is never shared).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

PAGE_TTL = 60 * 10


def _shareable_request(request) -> bool:
    return (
        request.method == "GET"
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def cache_public_page(state: Callable[[], str], timeout: int = PAGE_TTL):
    """Serve the view's page from the cache for anonymous visitors while ``state()`` holds."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _shareable_request(request):
                return view(request, *args, **kwargs)
            raw = f"{get_language()}|{request.get_full_path()}|{state()}"
            key = "page:" + hashlib.sha256(raw.encode()).hexdigest()
            stored = cache.get(key)
            if stored is not None:
                content_type, content = stored
                response = HttpResponse(content, content_type=content_type)
                response["X-Kyoso-Cache"] = "hit"
                return response
            response = view(request, *args, **kwargs)
            if (
                response.status_code == 200
                and not response.cookies
                and not getattr(response, "streaming", False)
            ):
                cache.set(key, (response["Content-Type"], response.content), timeout)
            return response

        return wrapper

    return decorator
