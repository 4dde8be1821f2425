"""Test helpers: a TOTP code computed the way an authenticator app does (RFC 6238)."""

import base64
import hashlib
import hmac
import re
import struct
import time

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt


def totp_code(secret: str, at: float | None = None) -> str:
    """The six-digit code an app shows for ``secret`` (base32) at time ``at``."""
    counter = int((time.time() if at is None else at) // 30)
    key = base64.b32decode(secret.encode("ascii"), casefold=True)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def totp_secret_of(user) -> str:
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    return decrypt(authenticator.data["secret"])


def link_in(body: str, fragment: str) -> str:
    """The path of the first link in an e-mail body that contains ``fragment``."""
    paths = [path for path in re.findall(r"https?://[^/\s]+(/\S*)", body) if fragment in path]
    assert paths, f"no link with {fragment!r} in:\n{body}"
    return paths[0]


def log_in(client, user, password="correct horse battery", prefix=""):  # noqa: S107
    """Sign in through the real pages (password, then the app's code when the user has one).

    Unlike ``force_login`` this records a recent authentication, which allauth requires before
    security changes such as activating or removing an authenticator.
    """
    response = client.post(f"{prefix}/accounts/login/", {"login": user.email, "password": password})
    if response.status_code == 302 and "/2fa/authenticate/" in response["Location"]:
        response = client.post(response["Location"], {"code": totp_code(totp_secret_of(user))})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def reauthenticate(client, password="correct horse battery", path="/accounts/reauthenticate/"):  # noqa: S107
    """allauth asks for the password again before any change to the second factor."""
    response = client.post(path, {"password": password})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response
