"""Substring search over the catalog's search keys, fast on PostgreSQL through pg_trgm.

A trigram GIN index serves ``LIKE '%term%'`` for Japanese as well as Latin text (the database's
character classification is UTF-8 aware). SQLite scans, which is fine at demo scale.
"""

from django.db import migrations

from kyoso.core.migration_operations import PostgreSQLOnly


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]
    operations = [
        PostgreSQLOnly(
            "CREATE EXTENSION IF NOT EXISTS pg_trgm;",
            migrations.RunSQL.noop,
        ),
        PostgreSQLOnly(
            "CREATE INDEX IF NOT EXISTS catalog_search_trgm_idx ON catalog_catalogproject "
            "USING gin (search_text gin_trgm_ops);",
            "DROP INDEX IF EXISTS catalog_search_trgm_idx;",
        ),
    ]
