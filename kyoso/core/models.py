from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class AuditEventQuerySet(models.QuerySet):
    def for_target(self, obj):
        return self.filter(target_type=obj._meta.label_lower, target_id=str(obj.pk))

    def for_body(self, body_code: str):
        return self.filter(body_code=body_code)


class AuditEvent(models.Model):
    """One write that matters: who did what to which record, when, from which state to which.

    Append-only: the application never updates or deletes a row, and on PostgreSQL a trigger
    refuses UPDATE and DELETE (migration 0002). Actors and targets are kept by value so that
    the trail outlives the records it describes.
    """

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_label = models.CharField(_("actor"), max_length=254, blank=True)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    target_type = models.CharField(_("record type"), max_length=100)
    target_id = models.CharField(_("record"), max_length=64)
    target_label = models.CharField(_("record name"), max_length=300, blank=True)
    body_code = models.CharField(_("government body"), max_length=6, blank=True, db_index=True)
    from_state = models.CharField(_("from"), max_length=50, blank=True)
    to_state = models.CharField(_("to"), max_length=50, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_target_idx")]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValueError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit events are append-only.")


class ContentVersion(models.Model):
    """A counter per kind of public content (e.g. ``catalog``), bumped after every change to it.

    Shared pages and counts are stored under the version they were made at
    (kyoso.core.page_cache), so a bump retires them all at once, in every process. Kept in the
    database rather than in a cache, so that it is never lost and read in the same query as
    whatever else a page's state needs.
    """

    name = models.CharField(max_length=40, primary_key=True)
    version = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")

    def __str__(self):
        return f"{self.name} v{self.version}"


class FormSubmission(models.Model):
    """A form that created something, by the one-time key it carried (kyoso.core.forms).

    A second click, a retry after a timeout, or the browser's back button and "save" again send
    the same key: the first submission's record is answered instead of a second one. Keys belong
    to one person and one kind of form.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.UUIDField()
    operation = models.CharField(max_length=50)
    target_id = models.BigIntegerField(null=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="form_submission_key_unique"),
        ]

    def __str__(self):
        return f"{self.operation} {self.key}"
