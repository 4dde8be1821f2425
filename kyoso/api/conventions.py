"""What every operation of the API does alike: language, caching and error bodies."""

from functools import wraps

from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from ninja.renderers import JSONRenderer

# Public answers change when a catalog is edited; a minute keeps proxies useful and data fresh.
PUBLIC_MAX_AGE = 60


class UnicodeJSONRenderer(JSONRenderer):
    """UTF-8 JSON without ``\\uXXXX`` escapes: Japanese stays readable (and shorter) on the wire."""

    json_dumps_params = {"ensure_ascii": False}


def requested_language(request) -> str:
    """``?lang=`` when it names a language of the site, else what the client prefers.

    LocaleMiddleware answers Japanese for every path without a language prefix (the site keeps
    Japanese at the root), so the API reads the language cookie and ``Accept-Language`` itself.
    An unknown ``?lang=`` is left to the operation's own validation, which answers 422.
    """
    code = request.GET.get("lang")
    if code and code in dict(settings.LANGUAGES):
        return code
    return translation.get_language_from_request(request, check_path=False)


def with_conventions(run):
    """Wraps an operation's ``run`` so that labels, messages and headers follow one policy.

    The language must be active while the response is *serialized* (labels are resolved then),
    which is why this wraps the whole operation rather than the view function.
    """

    @wraps(run)
    def wrapper(request, *args, **kwargs):
        language = requested_language(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = run(request, *args, **kwargs)
        # LocaleMiddleware only sets this when missing; it would say Japanese.
        response.headers["Content-Language"] = language
        if request.method == "GET" and response.status_code == 200:
            if request.user.is_authenticated:
                # The answer may include what only this viewer may see: no shared cache.
                patch_cache_control(response, private=True, no_cache=True)
            else:
                patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        return response

    return wrapper


def not_found(request, exc, api):
    """404 as ``{"detail": ...}``; a bare Http404 (from a selector) gets a generic message."""
    detail = str(exc) if exc.args and exc.args[0] else _("Not found.")
    return api.create_response(request, {"detail": detail}, status=404)


def install(api) -> None:
    api.add_decorator(with_conventions, mode="view")
    api.add_exception_handler(Http404, lambda request, exc: not_found(request, exc, api))
