"""Government staff must use a second factor (TOTP) before they can do anything else.

"Staff" means anyone who can see a body's non-public records or the Django admin: holders of a
body membership, Django staff and superusers. Partners are never asked.
"""

from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

# Paths a staff member without a second factor may still reach: setting one up, leaving,
# switching language, static assets and the health check. The API is not among them: it
# answers such a session with a JSON 403 rather than a redirect.
_ALLOWED_PATHS = (
    "accounts/2fa/",
    "accounts/logout/",
    "accounts/reauthenticate/",
)
_ALWAYS_ALLOWED_PREFIXES = ("/i18n/", "/static/", "/media/", "/healthz")

# Remembered per session once the user is known to have TOTP, so the check is free afterwards.
# Cleared when an authenticator is removed (see kyoso.accounts.signals).
CHECKED_SESSION_KEY = "kyoso.second_factor_checked"


def is_government_staff(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff:
        return True
    # The predicate cache is shared with permission checks later in the same request.
    from kyoso.organizations.predicates import body_roles

    return bool(body_roles(user))


def has_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def needs_second_factor(user) -> bool:
    return is_government_staff(user) and not has_totp(user)


def _is_allowed_path(path: str) -> bool:
    if path.startswith(_ALWAYS_ALLOWED_PREFIXES):
        return True
    # Strip a language prefix (/en/) so both languages are covered without listing each.
    trimmed = path.lstrip("/")
    for code, _name in settings.LANGUAGES:
        if trimmed.startswith(f"{code}/"):
            trimmed = trimmed[len(code) + 1:]
            break
    return trimmed.startswith(_ALLOWED_PATHS)


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            not settings.KYOSO_STAFF_MFA_REQUIRED
            or not user.is_authenticated
            or request.session.get(CHECKED_SESSION_KEY) == user.pk
            or _is_allowed_path(request.path)
        ):
            return self.get_response(request)
        if not is_government_staff(user):
            # Not remembered: a partner may be given a staff role later in this session.
            return self.get_response(request)
        if has_totp(user):
            request.session[CHECKED_SESSION_KEY] = user.pk
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"detail": _("Set up an authenticator app before using the API.")}, status=403
            )
        messages.warning(
            request,
            _("Government staff accounts need an authenticator app. Please set it up now."),
        )
        return redirect(reverse("mfa_activate_totp"))
