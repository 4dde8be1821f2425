"""Background tasks: e-mailing notices and the periodic sweep (reminders, escalations, and the
outbox of e-mails that could not leave yet). They run in ``manage.py kyoso_worker``."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django_tasks import task

from .models import Notice
from .paths import path_in

logger = logging.getLogger(__name__)

# A notice whose e-mail has not left this long after it was written is retried by the sweep
# (the process may have stopped between the commit and the enqueue, or the mail server was down).
OUTBOX_GRACE = dt.timedelta(minutes=10)


@task()
def notices_deliver(key: str) -> int:
    """E-mail every notice of one event that still waits, each in its recipient's language."""
    sent = 0
    pending = list(
        Notice.objects.filter(key=key).awaiting_email().values_list("pk", flat=True)
    )
    for pk in pending:
        with transaction.atomic():
            # Locked, and checked again: two workers never send the same notice twice.
            notice = (
                Notice.objects.select_for_update()
                .select_related("recipient")
                .filter(pk=pk)
                .awaiting_email()
                .first()
            )
            if notice is None:
                continue
            email_notice(notice)
            notice.emailed_at = timezone.now()
            notice.save(update_fields=["emailed_at"])
            sent += 1
    return sent


def email_notice(notice: Notice) -> None:
    recipient = notice.recipient
    language = recipient.language or settings.LANGUAGE_CODE
    with translation.override(language):
        subject, text = notice.kind_info.render(notice.params)
        path = path_in(notice.url, language)
        body = render_to_string(
            "notifications/email.txt",
            {
                "recipient": recipient,
                "subject": subject,
                "text": text,
                "link": settings.KYOSO_SITE_URL.rstrip("/") + path,
                "settings_link": settings.KYOSO_SITE_URL.rstrip("/")
                + path_in("/notices/settings/", language),
                "site_name": settings.KYOSO_SITE_NAME,
            },
        )
        EmailMessage(
            subject=f"[{settings.KYOSO_SITE_NAME}] {subject}",
            body=body,
            to=[recipient.email],
        ).send()


@task()
def sweep() -> dict:
    """Run every periodic check (settings.KYOSO_SWEEPS), retry the outbox, plan the next sweep."""
    now = timezone.now()
    told = {}
    for path in settings.KYOSO_SWEEPS:
        told[path] = import_string(path)(now=now)
    retried = 0
    stale_keys = list(
        Notice.objects.awaiting_email()
        .filter(created_at__lt=now - OUTBOX_GRACE)
        .values_list("key", flat=True)
        .distinct()[:200]
    )
    for key in stale_keys:
        try:
            retried += notices_deliver.call(key=key)
        except Exception:  # one unreachable address must not stop the others
            logger.exception("E-mailing the notices of %s failed; the next sweep retries.", key)
    sweep_schedule()
    return {"told": told, "retried": retried}


def sweep_schedule(*, delay: dt.timedelta | None = None):
    """Plan the next sweep, unless one is already planned. Only a backend that can run tasks later
    (the database backend of the worker) keeps a schedule; elsewhere this does nothing."""
    backend = sweep.get_backend()
    if not backend.supports_defer:
        return None
    from django_tasks_db.models import DBTaskResult

    if DBTaskResult.objects.filter(task_path=sweep.module_path, status="READY").exists():
        return None
    if delay is None:
        delay = dt.timedelta(minutes=settings.KYOSO_SWEEP_MINUTES)
    return sweep.using(run_after=timezone.now() + delay).enqueue()
