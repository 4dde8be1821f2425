"""What every operation of the API does alike: language, caching and error bodies."""

from functools import wraps

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as RequestInvalid
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


def problem(api, request, status: int, detail: str, code: str, **extra):
    return api.create_response(request, {"detail": detail, "code": code, **extra}, status=status)


def unauthorized(request, exc, api):
    """401 with a translated message; says how to authenticate."""
    response = problem(
        api, request, 401,
        _("Authentication required: send “Authorization: Bearer <token>” or sign in."),
        "not_authenticated",
    )
    response["WWW-Authenticate"] = 'Bearer realm="kyoso"'
    return response


def token_problem(request, exc, api):
    response = problem(api, request, exc.status_code, str(exc), exc.code)
    if exc.status_code == 401:
        response["WWW-Authenticate"] = f'Bearer realm="kyoso", error="{exc.code}"'
    return response


def forbidden(request, exc, api):
    detail = str(exc) if exc.args and exc.args[0] else _("You may not do this.")
    return problem(api, request, 403, detail, "permission_denied")


def field_errors(error: ValidationError) -> dict[str, list[str]]:
    """``{field: [messages]}``; errors of no particular field under ``__all__``."""
    if hasattr(error, "error_dict"):
        return {field: [str(m) for m in ValidationError(errors).messages]
                for field, errors in error.error_dict.items()}
    return {NON_FIELD_ERRORS: [str(m) for m in error.messages]}


def invalid(request, exc, api):
    """A service's refusal. A move the proposal's state does not allow, or a version that
    changed meanwhile, is a conflict (409); anything else the request got wrong is 400."""
    from kyoso.proposals.services import ProposalChangedError, ProposalTransitionError

    errors = field_errors(exc)
    messages = [message for group in errors.values() for message in group]
    if isinstance(exc, ProposalTransitionError):
        extra = {}
        if isinstance(exc, ProposalChangedError):
            extra["current_version"] = getattr(exc, "current_version", None)
        code = exc.code or ("stale_version" if extra else "invalid_transition")
        return problem(api, request, 409, " ".join(messages), code, errors=errors, **extra)
    detail = messages[0] if len(messages) == 1 else _("The request has errors: see “errors”.")
    return problem(api, request, 400, detail, "invalid", errors=errors)


# Pydantic's messages are English only; these say the same in the language of the request.
# Placeholders are filled from the error's ``ctx``.
_REQUEST_MESSAGES = {
    "missing": lambda ctx: _("This field is required."),
    "int_parsing": lambda ctx: _("Enter a whole number."),
    "int_type": lambda ctx: _("Enter a whole number."),
    "int_from_float": lambda ctx: _("Enter a whole number."),
    "bool_parsing": lambda ctx: _("Enter true or false."),
    "bool_type": lambda ctx: _("Enter true or false."),
    "string_type": lambda ctx: _("Enter text."),
    "uuid_parsing": lambda ctx: _("Enter a UUID, such as 0b7c9a52-6a53-4c55-8a3f-1c1d2e3f4a5b."),
    "date_parsing": lambda ctx: _("Enter a date such as 2025-04-01."),
    "date_from_datetime_parsing": lambda ctx: _("Enter a date such as 2025-04-01."),
    "json_invalid": lambda ctx: _("The request body is not valid JSON."),
    "greater_than_equal": lambda ctx: _("Enter a number of at least %(limit)s.") % {
        "limit": ctx.get("ge")},
    "greater_than": lambda ctx: _("Enter a number greater than %(limit)s.") % {
        "limit": ctx.get("gt")},
    "less_than_equal": lambda ctx: _("Enter a number of at most %(limit)s.") % {
        "limit": ctx.get("le")},
    "less_than": lambda ctx: _("Enter a number less than %(limit)s.") % {
        "limit": ctx.get("lt")},
    "string_too_long": lambda ctx: _("Enter at most %(limit)s characters.") % {
        "limit": ctx.get("max_length")},
    "string_too_short": lambda ctx: _("Enter at least %(limit)s characters.") % {
        "limit": ctx.get("min_length")},
    "string_pattern_mismatch": lambda ctx: _("This value does not have the expected form."),
    "enum": lambda ctx: _("Choose one of: %(choices)s.") % {"choices": ctx.get("expected")},
    "literal_error": lambda ctx: _("Choose one of: %(choices)s.") % {
        "choices": ctx.get("expected")},
    "value_error": lambda ctx: str(ctx.get("error", "")),
}


def request_invalid(request, exc, api):
    """422 as django-ninja answers it (``{"detail": [{"type", "loc", "msg", …}]}``), with each
    ``msg`` in the language of the request: Kyoso's own checks already are, pydantic's are not
    (and prefix ours with "Value error, ")."""
    errors = []
    for error in exc.errors:
        error = dict(error)
        message = _REQUEST_MESSAGES.get(error.get("type"))
        if message is not None:
            translated = message(error.get("ctx") or {})
            if translated:
                error["msg"] = translated
        errors.append(error)
    return api.create_response(request, {"detail": errors}, status=422)


def install(api) -> None:
    from .auth import TokenProblem

    api.add_decorator(with_conventions, mode="view")
    api.add_exception_handler(Http404, lambda request, exc: not_found(request, exc, api))
    api.add_exception_handler(
        AuthenticationError, lambda request, exc: unauthorized(request, exc, api)
    )
    api.add_exception_handler(TokenProblem, lambda request, exc: token_problem(request, exc, api))
    api.add_exception_handler(PermissionDenied, lambda request, exc: forbidden(request, exc, api))
    api.add_exception_handler(ValidationError, lambda request, exc: invalid(request, exc, api))
    api.add_exception_handler(
        RequestInvalid, lambda request, exc: request_invalid(request, exc, api)
    )
