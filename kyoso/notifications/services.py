"""Writing notices. Called inside the transaction of the change they tell about; e-mails leave
only after that transaction commits (``transaction.on_commit``), so a rolled-back change tells
nobody anything."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from . import kinds
from .models import Notice


def notify(
    *,
    recipients: Iterable,
    kind: str,
    key: str,
    url: str,
    params: dict | None = None,
    exclude=None,
) -> int:
    """Give each recipient (once per ``key``) a notice of ``kind`` leading to ``url``.

    ``params`` are the plain values the kind's text needs (a reference, a title, an ISO date);
    never the text of a confidential section. ``exclude`` is usually the actor, who knows.
    Returns how many people were newly told.
    """
    kinds.get(kind)  # an unknown kind is a programming error: fail before writing anything
    people = {
        person.pk: person
        for person in recipients
        if person is not None and person.is_active and person != exclude
    }
    if not people:
        return 0
    already = set(
        Notice.objects.filter(key=key, recipient_id__in=people).values_list(
            "recipient_id", flat=True
        )
    )
    rows = [
        Notice(
            recipient=person, kind=kind, key=key, url=url, params=params or {},
            email_wanted=bool(person.email) and person.email_notices,
        )
        for pk, person in people.items()
        if pk not in already
    ]
    # A concurrent sweep may have told someone in between: the unique constraint keeps one.
    Notice.objects.bulk_create(rows, ignore_conflicts=True)
    if any(row.email_wanted for row in rows):
        transaction.on_commit(lambda: _enqueue_delivery(key))
    return len(rows)


def _enqueue_delivery(key: str) -> None:
    from .tasks import notices_deliver

    notices_deliver.enqueue(key=key)


def notice_open(*, user, notice: Notice) -> Notice:
    """The reader follows a notice: it is read from now on."""
    if notice.recipient_id != user.pk:
        raise PermissionError("A notice is opened only by its recipient.")
    if notice.read_at is None:
        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])
    return notice


def notices_mark_all_read(*, user) -> int:
    return Notice.objects.filter(recipient=user).unread().update(read_at=timezone.now())


@transaction.atomic
def notice_settings_update(*, user, language: str, email_notices: bool) -> None:
    """The language notices are e-mailed in, and whether they are e-mailed at all."""
    from kyoso.core.audit import audit_record

    changes = {}
    if user.language != language:
        changes["language"] = [user.language, language]
    if user.email_notices != email_notices:
        changes["email_notices"] = [user.email_notices, email_notices]
    if not changes:
        return
    user.language = language
    user.email_notices = email_notices
    user.save(update_fields=["language", "email_notices"])
    audit_record(actor=user, action="notifications.settings", target=user, changes=changes)
