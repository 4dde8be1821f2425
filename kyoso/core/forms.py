"""What every form of Kyoso shares: a service's refusal shown on the form, and submissions that
create something only once."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from .models import FormSubmission


def apply_errors(form, error: ValidationError) -> None:
    """Put a service's refusal on the form: on its field when the form has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class SubmitOnceMixin(forms.Form):
    """A form that creates something carries a one-time key (a hidden field, new on every blank
    form and kept while the person corrects what they typed). The view creates through
    ``create_once`` with it, so a double click or a resent form answers the record already made.
    """

    submission_key = forms.UUIDField(label=_("Form key"), widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())
        elif not _is_uuid(self.data.get(self.add_prefix("submission_key"))):
            # A form from before the key existed, or a client that does not send it: a new key,
            # so that what was typed is not refused for a field nobody can see.
            self.data = self.data.copy()
            self.data[self.add_prefix("submission_key")] = str(uuid.uuid4())


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def earlier_submission(request, operation: str) -> int | None:
    """The record this very form already created, when it is sent again: checked before the
    form is validated, since a check such as "this name is taken" would otherwise refuse the
    repeat of a submission that succeeded."""
    if request.method != "POST" or not request.user.is_authenticated:
        return None
    try:
        key = uuid.UUID(str(request.POST.get("submission_key", "")))
    except ValueError:
        return None
    earlier = (
        FormSubmission.objects.filter(user=request.user, key=key, operation=operation)
        .exclude(target_id=None).values_list("target_id", flat=True).first()
    )
    if earlier is not None:
        messages.info(request, _("This form was already sent; this is what it made. To add "
                                 "another, open a new form."))
    return earlier


def create_once(*, user, key: uuid.UUID, operation: str, create: Callable) -> tuple[int, bool]:
    """``(primary key, replayed)``: ``create()`` runs at most once for this person and key.

    The key is recorded in the same transaction as what ``create()`` writes, so a refusal (an
    exception) leaves the key free for the corrected form. On PostgreSQL a second submission that
    arrives while the first is still being saved waits for it at the unique key and then answers
    the first one's record (on SQLite it waits at most the busy timeout for the write lock).
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                entry = FormSubmission.objects.create(user=user, key=key, operation=operation)
        except IntegrityError:
            earlier = FormSubmission.objects.get(user=user, key=key)
            if earlier.operation != operation or earlier.target_id is None:
                raise ValidationError(
                    _("This form was already sent. Open it again to start a new one."),
                    code="submission_key_reused",
                ) from None
            return earlier.target_id, True
        created = create()
        entry.target_id = created.pk
        entry.save(update_fields=["target_id"])
        return created.pk, False


def form_submissions_sweep(*, now) -> int:
    """Forget the keys of forms sent more than ``KYOSO_IDEMPOTENCY_KEY_DAYS`` ago (in
    KYOSO_SWEEPS, beside the API's keys); returns how many. A form is sent again within minutes
    (a double click, a retry) or at most from the browser's history the same day."""
    cutoff = now - dt.timedelta(days=settings.KYOSO_IDEMPOTENCY_KEY_DAYS)
    deleted, _ = FormSubmission.objects.filter(created_at__lt=cutoff).delete()
    return deleted
