"""The demo seed runs once for this package (it takes seconds) and is removed afterwards.

It is committed outside the per-test transactions, so the teardown must delete it: other
packages' tests expect an empty database.
"""

import pytest
from django.db import connection, transaction

from kyoso.core.models import AuditEvent
from kyoso.demo import seed as demo


@pytest.fixture(scope="package")
def demo_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        counts = demo.seed()
    yield counts
    with django_db_blocker.unblock():
        demo.reset()
        forget_audit_trail()


def forget_audit_trail():
    """The demo's services wrote audit events outside the tests' transactions. The trail is
    append-only (on PostgreSQL a trigger refuses DELETE), so the test database's owner lifts the
    trigger for this one cleanup; other packages' tests expect an empty trail."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ALTER TABLE core_auditevent DISABLE TRIGGER USER")
                cursor.execute("DELETE FROM core_auditevent")
                cursor.execute("ALTER TABLE core_auditevent ENABLE TRIGGER USER")
        else:
            AuditEvent.objects.all().delete()


@pytest.fixture
def seeded(demo_world, db):
    return demo_world
