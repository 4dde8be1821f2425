"""Attaching files to a proposal, and taking them off again.

A file is accepted by what it contains, never by its name or the type the browser claims: a PDF,
a PNG or JPEG image, a Word (.docx) or Excel (.xlsx) document, at most 10 MB. The desk and the
departments open these files on their own computers, so anything else is refused.
"""

from __future__ import annotations

import io
import secrets
import zipfile
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ..models import Proposal, ProposalAttachment
from ..models.attachments import ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES
from ..rules import EDITABLE, UNDER_CONSIDERATION
from ._common import audit, bump, lock, may, require_state

PDF, PNG, JPEG = "application/pdf", "image/png", "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def sniff_content_type(head: bytes, whole) -> str | None:
    """The type of a file from its first bytes (and, for Office files, the zip's table of
    contents, read without inflating anything). ``None`` when it is none of the accepted ones."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        try:
            whole.seek(0)
            with zipfile.ZipFile(whole) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, EOFError):
            return None
        if "[Content_Types].xml" not in names:
            return None
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
    return None


def _check_file(upload) -> str:
    size = upload.size
    if size is None or size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            {"file": _("The file is too large (%(size)s). The limit is %(limit)s.")
             % {"size": filesizeformat(size or 0), "limit": filesizeformat(ATTACHMENT_MAX_BYTES)}},
            code="too_large",
        )
    if size == 0:
        raise ValidationError({"file": _("The file is empty.")}, code="empty")
    upload.seek(0)
    # At most 10 MB, checked above: reading it whole is cheaper than guessing at file objects.
    data = upload.read()
    content_type = sniff_content_type(data[:16], io.BytesIO(data))
    upload.seek(0)
    if content_type is None:
        raise ValidationError(
            {"file": _("Attach a PDF, PNG, JPEG, Word (.docx) or Excel (.xlsx) file.")},
            code="wrong_type",
        )
    return content_type


def _require_attachable(actor, proposal: Proposal) -> None:
    require_state(proposal, "update", *EDITABLE, *UNDER_CONSIDERATION)
    if not (
        may(actor, "proposals.change_proposal", proposal)
        or may(actor, "proposals.revise_proposal", proposal)
    ):
        raise PermissionDenied(_("You may not do this."))


def _safe_name(name: str) -> str:
    # Browsers on Windows may send a whole path; keep the last part, as people named it.
    name = PurePath(str(name).replace("\\", "/")).name.strip()
    return name[:255] or "file"


@transaction.atomic
def attachment_add(
    *, actor, proposal: Proposal, upload, confidential: bool = False
) -> ProposalAttachment:
    """Attach a file the proposer wrote while drafting or revising the proposal."""
    proposal = lock(proposal)
    _require_attachable(actor, proposal)
    content_type = _check_file(upload)
    name = _safe_name(upload.name)
    attachment = ProposalAttachment(
        proposal=proposal, token=secrets.token_hex(16), original_name=name,
        content_type=content_type, size=upload.size, confidential=bool(confidential),
        uploaded_by=actor,
    )
    # The stored file ends with the suffix of its real type, whatever the uploaded name said.
    attachment.file.save(attachment.token + ATTACHMENT_TYPES[content_type], upload, save=False)
    stored = attachment.file.name
    try:
        attachment.save()
    except Exception:
        # Nothing points at the file any more: do not leave it on disk.
        attachment.file.storage.delete(stored)
        raise
    bump(proposal)
    audit(proposal, actor=actor, verb="attachment.add", changes={
        "attachment": [None, attachment.pk],
        # A protected file's name can tell the idea: keep it out of the trail.
        "name": [None, "…" if attachment.confidential else name],
        "confidential": [None, attachment.confidential],
        "content_type": [None, content_type],
        "stored": [None, stored],
    })
    return attachment


@transaction.atomic
def attachment_remove(*, actor, attachment: ProposalAttachment) -> None:
    """Take a file off the proposal; the stored file is deleted once that is committed."""
    proposal = lock(attachment.proposal)
    _require_attachable(actor, proposal)
    attachment = ProposalAttachment.objects.select_for_update().get(pk=attachment.pk)
    storage, name = attachment.file.storage, attachment.file.name
    audit(proposal, actor=actor, verb="attachment.remove", changes={
        "attachment": [attachment.pk, None],
        "name": ["…" if attachment.confidential else attachment.original_name, None],
    })
    attachment.delete()
    bump(proposal)
    transaction.on_commit(lambda: storage.delete(name))
