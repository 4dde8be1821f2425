"""Who calls the API: a personal token (``Authorization: Bearer kyoso_…``) or the web session.

A token is tried first. A request that sends a bearer token is answered for that token alone:
a wrong, revoked or expired one is refused (401) even if a session cookie came along. Without
a token the Django session counts, and then writes need the CSRF token, as on the pages
(django-ninja's ``SessionAuth`` checks it).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth

from .tokens import TokenRefused, user_for_token


class TokenProblem(HttpError):
    """An authentication failure with a translated message and a machine-readable code."""

    def __init__(self, status_code: int, code: str, message: str):
        super().__init__(status_code, message)
        self.code = code


class TokenAuth(HttpBearer):
    """``Authorization: Bearer kyoso_…``; the secret is looked up by its SHA-256 digest."""

    def __call__(self, request):
        header = request.headers.get(self.header, "")
        if header and not header.lower().startswith("bearer "):
            raise TokenProblem(
                401, "invalid_token", _("Send the token as “Authorization: Bearer <token>”.")
            )
        return super().__call__(request)

    def authenticate(self, request, token):
        try:
            user = user_for_token(token)
        except TokenRefused as refused:
            status = 403 if refused.code == "second_factor" else 401
            raise TokenProblem(status, refused.code, str(refused.message)) from None
        if user is None:
            raise TokenProblem(401, "invalid_token", _("This API token is not valid."))
        # Selectors and rules read request.user, as for a page.
        request.user = user
        request._kyoso_token_auth = True
        return user


class SignedInSession(SessionAuth):
    """The web session; ignored when a bearer token was sent (TokenAuth answers then).

    Nobody signed in: no CSRF check, so that the caller hears 401 (who are you?) rather than a
    CSRF failure. Signed in: unsafe methods need the CSRF token, as a page's form does.
    """

    def __call__(self, request):
        if "authorization" in request.headers or not request.user.is_authenticated:
            return None
        return super().__call__(request)

    def _get_key(self, request):
        try:
            return super()._get_key(request)
        except HttpError:
            raise TokenProblem(
                403, "csrf_failed",
                _("The CSRF check failed: send the X-CSRFToken header with the session, or use "
                  "an API token."),
            ) from None


token_auth = TokenAuth()
session_auth = SignedInSession()
# For operations that need to know who calls.
AUTH = [token_auth, session_auth]
