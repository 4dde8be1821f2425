"""One-time keys of forms that create: a repeat answers the first record; old keys are
forgotten by the periodic sweep."""

import datetime as dt
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kyoso.core.forms import create_once, form_submissions_sweep
from kyoso.core.models import FormSubmission
from kyoso.organizations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class Made:
    def __init__(self, pk):
        self.pk = pk


def test_it_creates_once_per_person_and_key():
    user, other = UserFactory(), UserFactory()
    key, calls = uuid.uuid4(), []

    def create():
        calls.append(1)
        return Made(41 + len(calls))

    assert create_once(user=user, key=key, operation="x.create", create=create) == (42, False)
    assert create_once(user=user, key=key, operation="x.create", create=create) == (42, True)
    # Keys belong to one person: another person's identical key is theirs.
    assert create_once(user=other, key=key, operation="x.create", create=create) == (43, False)
    assert len(calls) == 2


def test_a_refusal_leaves_the_key_free_and_another_form_cannot_use_it():
    user, key = UserFactory(), uuid.uuid4()

    def refuse():
        raise ValidationError("no")

    with pytest.raises(ValidationError):
        create_once(user=user, key=key, operation="x.create", create=refuse)
    assert not FormSubmission.objects.exists()
    create_once(user=user, key=key, operation="x.create", create=lambda: Made(7))
    with pytest.raises(ValidationError):
        create_once(user=user, key=key, operation="y.create", create=lambda: Made(8))


def test_the_sweep_forgets_old_keys(settings):
    settings.KYOSO_IDEMPOTENCY_KEY_DAYS = 7
    user, now = UserFactory(), timezone.now()
    old = FormSubmission.objects.create(user=user, key=uuid.uuid4(), operation="x", target_id=1)
    FormSubmission.objects.filter(pk=old.pk).update(created_at=now - dt.timedelta(days=8))
    recent = FormSubmission.objects.create(user=user, key=uuid.uuid4(), operation="x",
                                           target_id=2)
    assert form_submissions_sweep(now=now) == 1
    assert list(FormSubmission.objects.all()) == [recent]
