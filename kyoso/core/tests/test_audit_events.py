import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from kyoso.core.audit import audit_record
from kyoso.core.models import AuditEvent


@pytest.fixture
def event(department, body_admin):
    return audit_record(
        actor=body_admin,
        action="catalog.project.update",
        target=department,
        body_code=department.body.code,
        changes={"name": ["旧", "新"]},
    )


def test_it_records_who_did_what_to_which_record(event, body_admin, department):
    assert event.actor == body_admin
    assert event.actor_label == body_admin.email
    assert event.target_type == "organizations.department"
    assert event.target_id == str(department.pk)
    assert event.changes == {"name": ["旧", "新"]}
    assert list(AuditEvent.objects.for_target(department)) == [event]


def test_it_records_system_actions_without_an_actor(department):
    event = audit_record(actor=None, action="system.check", target=department)
    assert event.actor is None
    assert event.actor_label == "system"


def test_it_refuses_to_change_or_delete_through_the_application(event):
    event.reason = "tampered"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL")
def test_it_refuses_update_and_delete_in_the_database(event):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(reason="tampered")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).reason == ""
