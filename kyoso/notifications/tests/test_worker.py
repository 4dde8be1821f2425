"""The worker process: django-tasks' database backend, as in the demo and in production."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

import kyoso.proposals.notices  # noqa: F401 - registers the kinds used here
from kyoso.notifications.models import Notice
from kyoso.notifications.services import notify
from kyoso.notifications.tasks import sweep

# The worker closes its database connection between tasks, as a long-running process should:
# these tests commit for real instead of running inside one test transaction.
pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
PARAMS = {"reference": "410004-2026-0001", "title": "子育て広場"}


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS


def run_worker(*extra):
    call_command("kyoso_worker", "--batch", "--no-startup-delay", "--interval", "0",
                 *extra, verbosity=0)


def test_an_email_waits_in_the_database_until_the_worker_sends_it(
    database_tasks, cso_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[cso_member], kind="proposals.revised", key="k", url="/",
               params=PARAMS)
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(task_path__endswith="notices_deliver").count() == 1
    run_worker()
    assert len(mail.outbox) == 1
    assert Notice.objects.get().emailed_at is not None


def test_the_worker_plans_the_sweep_and_the_sweep_plans_the_next(database_tasks, db):
    run_worker()
    planned = DBTaskResult.objects.filter(task_path=sweep.module_path)
    assert planned.filter(status="SUCCESSFUL").count() == 1
    waiting = planned.get(status="READY")
    assert waiting.run_after > timezone.now() + dt.timedelta(minutes=10)
    run_worker()  # a second worker start does not plan a second chain
    assert planned.filter(status="READY").count() == 1


def test_the_sweep_sends_emails_that_never_left(database_tasks, cso_member):
    # The process stopped between the commit and the enqueue: no task, only the notice.
    notify(recipients=[cso_member], kind="proposals.revised", key="k", url="/", params=PARAMS)
    Notice.objects.update(created_at=timezone.now() - dt.timedelta(hours=1))
    result = sweep.call()
    assert result["retried"] == 1
    assert len(mail.outbox) == 1
    sweep.call()
    assert len(mail.outbox) == 1
