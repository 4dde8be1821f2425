"""Records of the API: personal access tokens and the idempotency keys of API clients."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiTokenQuerySet(models.QuerySet):
    def usable(self):
        """Neither revoked nor expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ApiToken(models.Model):
    """A personal token a person gives a script so that it may act for them in the API.

    Only a SHA-256 digest of the secret is stored: the secret itself is shown once, when the
    token is made, and cannot be recovered. ``prefix`` (the first characters of the secret) lets
    the person tell their tokens apart. Tokens always expire.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=16)
    digest = models.CharField(_("SHA-256 digest"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="api_token_expires_after_creation",
            ),
            models.CheckConstraint(
                condition=~Q(name=""), name="api_token_has_name",
            ),
        ]
        indexes = [models.Index(fields=["user", "revoked_at"], name="api_token_user_idx")]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return not self.is_revoked and not self.is_expired


class IdempotencyKey(models.Model):
    """An ``Idempotency-Key`` an API client sent with a request that creates something.

    Keys belong to one person, so nobody can reach another's draft by guessing a key; only a
    digest of the key is kept (its length is then fixed, whatever the client sends), with a
    digest of the request so that the same key with a different request is refused rather than
    answered with the wrong record.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    operation = models.CharField(max_length=50)
    key_digest = models.CharField(max_length=64)
    request_digest = models.CharField(max_length=64)
    proposal = models.ForeignKey(
        "proposals.Proposal", null=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "operation", "key_digest"], name="idempotency_key_unique_per_user"
            ),
        ]

    def __str__(self):
        return f"{self.operation} {self.key_digest[:8]}"
