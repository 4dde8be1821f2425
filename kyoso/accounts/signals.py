"""Reactions to allauth events."""

from allauth.mfa.signals import authenticator_removed
from django.dispatch import receiver

from .middleware import CHECKED_SESSION_KEY


@receiver(authenticator_removed)
def forget_second_factor_check(sender, request=None, **kwargs):
    # The middleware remembers "has TOTP" per session; look again once one is removed.
    if request is not None and hasattr(request, "session"):
        request.session.pop(CHECKED_SESSION_KEY, None)
