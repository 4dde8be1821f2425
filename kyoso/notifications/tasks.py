"""Background tasks: e-mailing notices and the periodic sweep (reminders, escalations, and the
outbox of e-mails that could not leave yet). They run in ``manage.py kyoso_worker``."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.db.models import F, Min
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
    """E-mail every notice of one event that still waits, each in its recipient's language.

    Each notice is sent on its own: an address the mail server refuses does not hold back the
    other recipients, and after ``MAX_EMAIL_ATTEMPTS`` failures it is given up (the notice stays
    in the site)."""
    sent = 0
    pending = list(
        Notice.objects.filter(key=key).awaiting_email().values_list("pk", flat=True)
    )
    for pk in pending:
        try:
            sent += _deliver_one(pk)
        except Exception:  # noqa: BLE001 - recorded on the notice and logged; the next one goes on
            logger.exception("E-mailing notice %s failed; the sweep retries it.", pk)
            _count_failure(pk)
    return sent


MAX_EMAIL_ATTEMPTS = 5


def _deliver_one(pk: int) -> int:
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
            return 0
        recipient = notice.recipient
        if not (recipient.is_active and recipient.email and recipient.email_notices):
            # They left, or opted out, since the notice was written.
            notice.email_wanted = False
            notice.save(update_fields=["email_wanted"])
            return 0
        email_notice(notice)
        notice.emailed_at = timezone.now()
        notice.save(update_fields=["emailed_at"])
        return 1


def _count_failure(pk: int) -> None:
    Notice.objects.filter(pk=pk).update(email_attempts=F("email_attempts") + 1)
    Notice.objects.filter(pk=pk, email_attempts__gte=MAX_EMAIL_ATTEMPTS).update(
        email_wanted=False
    )


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
    """Run every periodic check (settings.KYOSO_SWEEPS), retry the outbox, plan the next sweep.

    One failing check is logged and does not stop the others, nor the next sweep."""
    now = timezone.now()
    told = {}
    try:
        for path in settings.KYOSO_SWEEPS:
            try:
                told[path] = import_string(path)(now=now)
            except Exception:  # noqa: BLE001 - logged; the other checks still run
                logger.exception("The periodic check %s failed; it runs again next sweep.", path)
                told[path] = None
        retried = 0
        # Oldest first, each event once: a stuck event does not starve older ones.
        stale_keys = list(
            Notice.objects.awaiting_email()
            .filter(created_at__lt=now - OUTBOX_GRACE)
            .order_by()
            .values("key")
            .annotate(first=Min("created_at"))
            .order_by("first")
            .values_list("key", flat=True)[:200]
        )
        for key in stale_keys:
            retried += notices_deliver.call(key=key)
    finally:
        sweep_schedule()
    return {"told": told, "retried": retried}


def sweep_schedule(*, delay: dt.timedelta | None = None):
    """Plan the next sweep, unless one is already planned. Only a backend that can run tasks later
    (the database backend of the worker) keeps a schedule; elsewhere this does nothing."""
    backend = sweep.get_backend()
    if not backend.supports_defer:
        return None
    from django_tasks_db.models import DBTaskResult

    if delay is None:
        delay = dt.timedelta(minutes=settings.KYOSO_SWEEP_MINUTES)
    with transaction.atomic():
        # Two workers starting at once must not both plan a sweep: on PostgreSQL they queue
        # on one advisory lock (SQLite has a single writer anyway).
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SWEEP_LOCK])
        if DBTaskResult.objects.filter(task_path=sweep.module_path, status="READY").exists():
            return None
        return sweep.using(run_after=timezone.now() + delay).enqueue()


# An arbitrary constant naming the advisory lock of sweep planning.
SWEEP_LOCK = 4_100_042
