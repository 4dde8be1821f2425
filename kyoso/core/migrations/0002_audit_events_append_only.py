"""On PostgreSQL the audit table refuses UPDATE and DELETE, whoever asks."""

from django.db import migrations

from kyoso.core.migration_operations import PostgreSQLOnly

FORWARD = """
CREATE OR REPLACE FUNCTION kyoso_audit_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'core_auditevent is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER core_auditevent_append_only
    BEFORE UPDATE OR DELETE ON core_auditevent
    FOR EACH ROW EXECUTE FUNCTION kyoso_audit_refuse_change();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS core_auditevent_append_only ON core_auditevent;
DROP FUNCTION IF EXISTS kyoso_audit_refuse_change();
"""


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [PostgreSQLOnly(FORWARD, BACKWARD)]
