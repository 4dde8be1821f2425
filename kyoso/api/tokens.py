"""Personal API tokens: making, revoking and recognising them.

A token is ``kyoso_`` followed by 43 random URL-safe characters (256 bits). Only its SHA-256
digest is stored, so a copy of the database gives nobody a usable token, and a token is found
by its digest through a unique index: the secret itself is never compared character by
character. Government staff need their second factor (TOTP) before they make a token, and a
staff member's token works only if it was made after the authenticator it relies on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kyoso.accounts.middleware import is_government_staff
from kyoso.core.audit import audit_record

from .models import ApiToken

TOKEN_PREFIX = "kyoso_"  # noqa: S105 (a public marker, not a secret)
SECRET_BYTES = 32
# kyoso_ + the first six random characters: enough to tell one's tokens apart, nothing to guess.
SHOWN_PREFIX_LENGTH = len(TOKEN_PREFIX) + 6
TOKEN_LENGTH = len(TOKEN_PREFIX) + 43
LIFETIMES_DAYS = (7, 30, 90, 365)
DEFAULT_LIFETIME_DAYS = 90
MAX_USABLE_TOKENS = 20
# A token's last use is written at most this often: a busy script costs one write per interval,
# not one per request.
LAST_USED_PRECISION = dt.timedelta(minutes=5)


class TokenRefused(Exception):
    """A token that is well formed and known but may not be used (see ``code``)."""

    def __init__(self, code: str, message):
        super().__init__(message)
        self.code = code
        self.message = message


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(SECRET_BYTES)


def staff_totp_since(user) -> dt.datetime | None:
    """When the staff member's current authenticator app was set up (None: they have none)."""
    from allauth.mfa.models import Authenticator

    return (
        Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )


def second_factor_required(user) -> bool:
    return settings.KYOSO_STAFF_MFA_REQUIRED and is_government_staff(user)


@transaction.atomic
def api_token_create(*, actor, name: str, lifetime_days: int) -> tuple[ApiToken, str]:
    """Make a token for the actor; returns it with its secret, which is never shown again."""
    if not actor.is_authenticated:
        raise PermissionDenied
    if second_factor_required(actor) and staff_totp_since(actor) is None:
        raise PermissionDenied(
            _("Government staff must set up an authenticator app before making an API token.")
        )
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name, e.g. the script that uses it.")})
    if lifetime_days not in LIFETIMES_DAYS:
        raise ValidationError({"lifetime_days": _("Choose how long the token stays valid.")})
    if ApiToken.objects.usable().filter(user=actor).count() >= MAX_USABLE_TOKENS:
        raise ValidationError(
            _("You have %(count)d valid tokens already. Revoke one you no longer use."),
            params={"count": MAX_USABLE_TOKENS},
        )
    secret = new_secret()
    moment = timezone.now()
    token = ApiToken.objects.create(
        user=actor, name=name, prefix=secret[:SHOWN_PREFIX_LENGTH], digest=digest_of(secret),
        created_at=moment, expires_at=moment + dt.timedelta(days=lifetime_days),
    )
    audit_record(
        actor=actor, action="api.token.create", target=token,
        changes={"name": name, "prefix": token.prefix, "expires_at": token.expires_at},
    )
    return token, secret


@transaction.atomic
def api_token_revoke(*, actor, token: ApiToken, reason: str = "") -> ApiToken:
    """Revoke a token at once: its owner does, or a platform administrator in an emergency.
    Revoking twice changes nothing."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.user_id != getattr(actor, "pk", None) and not getattr(actor, "is_superuser", False):
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor, action="api.token.revoke", target=token, reason=reason,
            changes={"name": token.name, "prefix": token.prefix, "owner": token.user_id},
        )
    return token


def looks_like_token(value: str) -> bool:
    return len(value) == TOKEN_LENGTH and value.startswith(TOKEN_PREFIX)


def user_for_token(secret: str):
    """The user a token acts for, or None for a token that is malformed or unknown.

    Raises ``TokenRefused`` for a known token that is revoked, expired, belongs to an inactive
    account, or lacks the second factor its staff owner needs.
    """
    secret = (secret or "").strip()
    if not looks_like_token(secret):
        return None
    digest = digest_of(secret)
    token = ApiToken.objects.select_related("user").filter(digest=digest).first()
    # The row was found by its digest; comparing again in constant time costs nothing.
    if token is None or not hmac.compare_digest(token.digest, digest):
        return None
    now = timezone.now()
    if token.revoked_at is not None:
        raise TokenRefused("revoked", _("This API token has been revoked."))
    if token.expires_at <= now:
        raise TokenRefused("expired", _("This API token has expired. Make a new one."))
    user = token.user
    if not user.is_active:
        raise TokenRefused("inactive", _("This account is not active."))
    if second_factor_required(user):
        since = staff_totp_since(user)
        if since is None or token.created_at < since:
            raise TokenRefused(
                "second_factor",
                _("Government staff need an authenticator app, and a token made after it was "
                  "set up. Make a new token."),
            )
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        # One conditional UPDATE; two requests at once do not both write.
        ApiToken.objects.filter(pk=token.pk, last_used_at=token.last_used_at).update(
            last_used_at=now
        )
    user.api_token = token
    return user
