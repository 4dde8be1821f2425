"""Government staff must use a second factor (TOTP) before they can do anything else."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

# Paths a staff member without a second factor may still reach: setting one up, leaving,
# switching language, static assets and the health check.
_ALLOWED_PREFIXES = (
    "/accounts/2fa/",
    "/en/accounts/2fa/",
    "/accounts/logout/",
    "/en/accounts/logout/",
    "/i18n/",
    "/static/",
    "/healthz",
)


_CHECKED_KEY = "kyoso.second_factor_checked"


def needs_second_factor(user) -> bool:
    if not user.is_authenticated:
        return False
    is_staff_user = user.is_superuser or user.body_memberships.exists()
    if not is_staff_user:
        return False
    from allauth.mfa.models import Authenticator

    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.KYOSO_STAFF_MFA_REQUIRED
            and request.user.is_authenticated
            and request.session.get(_CHECKED_KEY) != request.user.pk
            and not request.path.startswith(_ALLOWED_PREFIXES)
            and not request.path.startswith("/api/")
        ):
            if not needs_second_factor(request.user):
                # Remember for this session so that the check costs nothing on later requests.
                request.session[_CHECKED_KEY] = request.user.pk
                return self.get_response(request)
            messages.warning(
                request,
                _("Government staff accounts need an authenticator app. Please set it up now."),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
