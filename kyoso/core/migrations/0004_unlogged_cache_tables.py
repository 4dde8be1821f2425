"""The shared pages cache's table, unlogged on PostgreSQL.

A cached page or count is a copy of something that can be computed again, so it needs no
write-ahead log: an unlogged table is written without WAL and without waiting for a flush to disk
on commit, which every uncached public page did twice (its count and itself, docs/benchmarks.md).
After a crash PostgreSQL empties the table, which for these entries is a cold start; replicas do
not receive it. Only the ``pages`` cache: the ``default`` cache holds rate limits and the record
of used one-time codes, which must survive a crash.

The table is created here with the columns ``createcachetable`` would give it (that command then
finds it and leaves it alone); a table created earlier by ``createcachetable`` is emptied (its
entries can be computed again) and switched over, which is then instant. Other databases are left
to ``createcachetable``. Going back makes the table logged again.
"""

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import BaseDatabaseCache
from django.db import migrations

UNLOGGED_CACHES = ("pages",)


def unlogged_cache_tables() -> list[str]:
    return sorted({caches[alias]._table for alias in UNLOGGED_CACHES
                   if alias in settings.CACHES and isinstance(caches[alias], BaseDatabaseCache)})


def _cache_tables(schema_editor, tables):
    """(name, whether it exists) of each table to switch; none on other databases."""
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return []
    existing = set(connection.introspection.table_names())
    chosen = tables if tables is not None else unlogged_cache_tables()
    return [(table, table in existing) for table in chosen]


def make_unlogged(apps, schema_editor, tables=None):
    quote = schema_editor.quote_name
    for table, exists in _cache_tables(schema_editor, tables):
        if exists:
            schema_editor.execute(f"TRUNCATE {quote(table)}")
            schema_editor.execute(f"ALTER TABLE {quote(table)} SET UNLOGGED")
            continue
        schema_editor.execute(
            f"CREATE UNLOGGED TABLE {quote(table)} ("
            "cache_key varchar(255) NOT NULL PRIMARY KEY, value text NOT NULL, "
            "expires timestamp with time zone NOT NULL)"
        )
        schema_editor.execute(
            f"CREATE INDEX {quote(table + '_expires')} ON {quote(table)} (expires)"
        )


def make_logged(apps, schema_editor, tables=None):
    for table, exists in _cache_tables(schema_editor, tables):
        if exists:
            schema_editor.execute(f"ALTER TABLE {schema_editor.quote_name(table)} SET LOGGED")


class Migration(migrations.Migration):
    dependencies = [("core", "0003_content_version")]

    operations = [migrations.RunPython(make_unlogged, make_logged)]
