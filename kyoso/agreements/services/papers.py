"""Documents filed with an agreement and memoranda (覚書) under it.

Files are checked as a proposal's attachments are — by content, not by name, at most 10 MB —
with the very checker of ``kyoso.proposals.services.attachments``.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kyoso.core.text import normalize
from kyoso.proposals.models.attachments import ATTACHMENT_TYPES
from kyoso.proposals.services.attachments import _check_file, _safe_name

from ..models import Agreement, AgreementDocument, Memorandum
from ..notices import tell_desk
from ..rules import FILING_STATES
from ._common import audit, bump, lock, may, require_perm, require_state


def _is_keeper(actor, agreement) -> bool:
    return may(actor, "agreements.publish_document", agreement)


@transaction.atomic
def document_add(
    *, actor, agreement: Agreement, upload, title: str = "", is_public: bool = False
) -> AgreementDocument:
    """File a document. A party may file one; only the keeping body decides it is public."""
    agreement = lock(agreement)
    require_state(agreement, "file", *FILING_STATES)
    require_perm(actor, "agreements.file_document", agreement)
    if is_public and not _is_keeper(actor, agreement):
        raise PermissionDenied(_("Only the body that keeps the agreement publishes documents."))
    content_type = _check_file(upload)
    name = _safe_name(upload.name)
    document = AgreementDocument(
        agreement=agreement, title=normalize(title)[:200], token=secrets.token_hex(16),
        original_name=name, content_type=content_type, size=upload.size,
        is_public=bool(is_public), uploaded_by=actor,
    )
    document.file.save(document.token + ATTACHMENT_TYPES[content_type], upload, save=False)
    stored = document.file.name
    try:
        document.save()
    except Exception:
        document.file.storage.delete(stored)
        raise
    bump(agreement)
    event = audit(agreement, actor=actor, verb="document.add", changes={
        "document": [None, document.pk], "name": [None, name],
        "public": [None, document.is_public], "content_type": [None, content_type],
    })
    if not _is_keeper(actor, agreement):
        tell_desk(agreement, kind="agreements.filed", key=f"audit:{event.pk}", actor=actor)
    return document


@transaction.atomic
def document_publish(*, actor, document: AgreementDocument, is_public: bool) -> AgreementDocument:
    """Show a document on the public page (once the agreement is signed), or hide it again."""
    agreement = lock(document.agreement)
    require_perm(actor, "agreements.publish_document", agreement)
    document = AgreementDocument.objects.select_for_update().get(pk=document.pk)
    if document.is_public != bool(is_public):
        audit(agreement, actor=actor, verb="document.publish",
              changes={"document": [document.pk, document.pk],
                       "public": [document.is_public, bool(is_public)]})
        document.is_public = bool(is_public)
        document.save(update_fields=["is_public"])
        bump(agreement)
    return document


@transaction.atomic
def document_remove(*, actor, document: AgreementDocument) -> None:
    """Take a document off; the stored file is deleted once that is committed."""
    agreement = lock(document.agreement)
    require_state(agreement, "file", *FILING_STATES)
    require_perm(actor, "agreements.remove_document", agreement)
    document = AgreementDocument.objects.select_for_update().get(pk=document.pk)
    storage, name = document.file.storage, document.file.name
    audit(agreement, actor=actor, verb="document.remove",
          changes={"document": [document.pk, None], "name": [document.original_name, None]})
    document.delete()
    bump(agreement)
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def memorandum_add(
    *, actor, agreement: Agreement, title: str, program: str = "", text: str = "",
    title_en: str = "", signed_on: dt.date | None = None,
) -> Memorandum:
    """Add a memorandum for a program under the agreement. A party drafts it; the keeping body
    may also record one already signed (``signed_on``)."""
    agreement = lock(agreement)
    require_state(agreement, "memorandum", *FILING_STATES)
    require_perm(actor, "agreements.draft_memorandum", agreement)
    title = normalize(title)[:200]
    if not title:
        raise ValidationError({"title": _("Give the memorandum a title.")}, code="required")
    if signed_on is not None:
        _check_memorandum_date(actor, agreement, signed_on)
    memorandum = Memorandum.objects.create(
        agreement=agreement, title=title, title_en=normalize(title_en)[:200],
        program=normalize(program)[:200], text=(text or "").strip(), signed_on=signed_on,
        created_by=actor,
    )
    bump(agreement)
    event = audit(agreement, actor=actor, verb="memorandum.add", changes={
        "memorandum": [None, memorandum.pk], "title": [None, title],
        "signed_on": [None, signed_on.isoformat() if signed_on else None],
    })
    if not _is_keeper(actor, agreement):
        tell_desk(agreement, kind="agreements.filed", key=f"audit:{event.pk}", actor=actor)
    return memorandum


def _check_memorandum_date(actor, agreement: Agreement, signed_on: dt.date) -> None:
    require_perm(actor, "agreements.sign_memorandum", agreement)
    if agreement.state == Agreement.State.DRAFT:
        raise ValidationError(
            {"signed_on": _("Sign the agreement before any memorandum under it.")},
            code="agreement_unsigned",
        )
    if signed_on > timezone.localdate():
        raise ValidationError(
            {"signed_on": _("The date of signing cannot be in the future.")}, code="future"
        )
    if agreement.signed_on and signed_on < agreement.signed_on:
        # A memorandum sets out a program under the agreement, as an amendment changes it:
        # neither comes before the agreement itself.
        raise ValidationError({"signed_on": ValidationError(
            _("A memorandum cannot be signed before the agreement itself (%(date)s)."),
            code="before_agreement", params={"date": agreement.signed_on.isoformat()},
        )})


@transaction.atomic
def memorandum_sign(*, actor, memorandum: Memorandum, signed_on: dt.date) -> Memorandum:
    """Record that a draft memorandum was signed; it is published with the agreement."""
    agreement = lock(memorandum.agreement)
    require_state(agreement, "sign_memorandum", *FILING_STATES)
    memorandum = Memorandum.objects.select_for_update().get(pk=memorandum.pk)
    if signed_on is None:
        raise ValidationError({"signed_on": _("Give the date of signing.")}, code="required")
    _check_memorandum_date(actor, agreement, signed_on)
    if memorandum.signed_on is not None:
        raise ValidationError(_("This memorandum is already signed."), code="already_signed")
    memorandum.signed_on = signed_on
    memorandum.save(update_fields=["signed_on"])
    bump(agreement)
    audit(agreement, actor=actor, verb="memorandum.sign",
          changes={"memorandum": [memorandum.pk, memorandum.pk],
                   "signed_on": [None, signed_on.isoformat()]})
    return memorandum
