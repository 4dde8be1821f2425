from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import kinds


class NoticeQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def awaiting_email(self):
        return self.filter(email_wanted=True, emailed_at__isnull=True)


class Notice(models.Model):
    """Something a person should know about, shown in the site and (unless they opted out) e-mailed.

    ``key`` names the event the notice is about (an audit event, a message, a reminder stage of
    one assignment); a person gets at most one notice per key, so a retried sweep or a repeated
    task never tells anyone twice.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE,
        related_name="notices",
    )
    kind = models.CharField(_("kind"), max_length=64)
    key = models.CharField(_("event key"), max_length=200)
    url = models.CharField(_("address"), max_length=500)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    email_wanted = models.BooleanField(_("to be e-mailed"), default=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(_("failed e-mail attempts"), default=0)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notice_once_per_event"),
            models.CheckConstraint(
                condition=Q(emailed_at__isnull=True) | Q(email_wanted=True),
                name="notice_emailed_only_when_wanted",
            ),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notice_inbox"),
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="notice_unread"
            ),
            models.Index(fields=["key"], name="notice_key"),
            models.Index(
                fields=["created_at"], condition=Q(email_wanted=True, emailed_at__isnull=True),
                name="notice_outbox",
            ),
        ]

    def __str__(self):
        return f"{self.kind} → {self.recipient_id}"

    @property
    def kind_info(self) -> kinds.NoticeKind:
        return kinds.get(self.kind)

    def subject(self) -> str:
        return self.kind_info.render(self.params)[0]

    def text(self) -> str:
        return self.kind_info.render(self.params)[1]

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
