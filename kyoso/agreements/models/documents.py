"""Memoranda (覚書) under an agreement and the documents filed with it."""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kyoso.proposals.models.attachments import ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES

from .agreements import Agreement


class Memorandum(models.Model):
    """A memorandum (覚書) for one program under the agreement.

    It is a draft until it has a signing date; a signed memorandum of a published agreement is
    published with it.
    """

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="memoranda"
    )
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    program = models.CharField(_("program under the agreement"), max_length=200, blank=True)
    signed_on = models.DateField(
        _("signed on"), null=True, blank=True,
        help_text=_("Leave empty while the memorandum is a draft."),
    )
    text = models.TextField(_("text"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("memorandum")
        verbose_name_plural = _("memoranda")
        ordering = ["agreement", "signed_on", "id"]

    def __str__(self):
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.signed_on is None

    def localized_title(self) -> str:
        if self.title_en and (get_language() or "").startswith("en"):
            return self.title_en
        return self.title


def document_path(instance, filename: str) -> str:
    # A random name on disk; the uploaded name is kept for the download.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"agreements/{instance.agreement_id}/{instance.token}{suffix}"


class AgreementDocument(models.Model):
    """A file filed with an agreement: the signed text, an annex, a press photo.

    The same types and limit as a proposal's attachments, checked by content. A public document
    of a published agreement can be downloaded by anyone; the rest only by the parties.
    """

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    token = models.CharField(max_length=32, unique=True, editable=False)
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    is_public = models.BooleanField(
        _("public"), default=False,
        help_text=_("Shown on the public page once the agreement is signed."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("agreement document")
        verbose_name_plural = _("agreement documents")
        ordering = ["agreement", "uploaded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(size__lte=ATTACHMENT_MAX_BYTES), name="agreement_document_size_limit"
            ),
            models.CheckConstraint(
                condition=Q(content_type__in=list(ATTACHMENT_TYPES)),
                name="agreement_document_type_allowed",
            ),
        ]

    def __str__(self):
        return self.title or self.original_name
