"""Migration operations that apply only on PostgreSQL (SQLite has no equivalent or no need)."""

from django.db import migrations


class PostgreSQLOnly(migrations.RunSQL):
    """RunSQL that is a no-op on every database but PostgreSQL."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
