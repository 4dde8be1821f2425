"""Signed-in sessions for the desk pages, made in-process (no password, no TOTP code typed).

The bench users (``bench.proposals``) are government staff and have a TOTP authenticator, so
``StaffSecondFactorMiddleware`` lets them in. The session is made the way a sign-in through
allauth leaves it: Django's login keys, plus allauth's record of the methods used (a password,
then the TOTP second factor), so nothing downstream can tell it from a real sign-in.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from kyoso.accounts.middleware import CHECKED_SESSION_KEY


def signed_in_client(email: str) -> Client:
    from allauth.mfa.models import Authenticator

    user = get_user_model().objects.get(email=email)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    session = client.session
    moment = time.time()
    session["account_authentication_methods"] = [
        {"method": "password", "at": moment - 5, "email": user.email},
        {"method": "mfa", "at": moment, "id": totp.pk, "type": totp.type},
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session[CHECKED_SESSION_KEY] = user.pk
    session.save()
    return client


def session_cookie(client: Client) -> str:
    """The ``Cookie`` header value that carries the client's session to the real server."""
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
