"""Files a proposer attaches to a proposal (plans, budgets, photos of earlier activities)."""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .proposals import Proposal

# What a proposal may carry, decided by the file's content (see services/attachments.py).
ATTACHMENT_TYPES = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
}
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024


def attachment_path(instance, filename: str) -> str:
    # The stored name is not the uploaded one: people's file names may hold anything, and the
    # original is kept in a field for the download.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"proposals/{instance.proposal_id}/{instance.token}{suffix}"


class ProposalAttachment(models.Model):
    """A file on a proposal. A confidential one is protected like a confidential section."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="attachments"
    )
    # A random name on disk, so that a path never reveals or guesses another file.
    token = models.CharField(max_length=32, unique=True, editable=False)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    confidential = models.BooleanField(
        _("confidential (idea protection)"), default=False,
        help_text=_("Only your organization, the desk and the assigned departments may open it."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["proposal", "uploaded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(size__lte=ATTACHMENT_MAX_BYTES), name="attachment_size_limit"
            ),
            models.CheckConstraint(
                condition=Q(content_type__in=list(ATTACHMENT_TYPES)),
                name="attachment_type_allowed",
            ),
        ]

    def __str__(self):
        return self.original_name

    def is_protected(self) -> bool:
        """Protected while marked and the proposer has not released the proposal's ideas."""
        return self.confidential and self.proposal.released_at is None
