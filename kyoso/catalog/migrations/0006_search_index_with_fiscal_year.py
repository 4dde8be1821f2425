"""The fiscal year inside the search index, so a search within one year reads only that year.

A GIN index over ``(fiscal_year, search_text gin_trgm_ops)`` (``btree_gin`` gives GIN the
integer column) answers ``fiscal_year = 2024 AND search_text LIKE '%…%'`` from the index alone:
the candidates are the trigram matches of that year, instead of the trigram matches of every
year intersected with a bitmap of the year's 360,000 rows at national scale (see
docs/benchmarks.md). A search without a fiscal year uses the same index on its second column, so
it replaces the trigram-only index. PostgreSQL only, as the other search index.
"""

from django.db import migrations

from kyoso.core.migration_operations import PostgreSQLOnly


class Migration(migrations.Migration):
    dependencies = [("catalog", "0005_search_text_indexed_form")]
    operations = [
        PostgreSQLOnly("CREATE EXTENSION IF NOT EXISTS btree_gin;", migrations.RunSQL.noop),
        PostgreSQLOnly(
            "CREATE INDEX IF NOT EXISTS catalog_search_fy_trgm_idx ON catalog_catalogproject "
            "USING gin (fiscal_year, search_text gin_trgm_ops);",
            "DROP INDEX IF EXISTS catalog_search_fy_trgm_idx;",
        ),
        PostgreSQLOnly(
            "DROP INDEX IF EXISTS catalog_search_trgm_idx;",
            "CREATE INDEX IF NOT EXISTS catalog_search_trgm_idx ON catalog_catalogproject "
            "USING gin (search_text gin_trgm_ops);",
        ),
    ]
