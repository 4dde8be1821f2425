"""The database caches' tables, unlogged on PostgreSQL.

A cache entry is a copy of something that can be computed again, so it needs no write-ahead log:
an unlogged table is written without WAL and without waiting for a flush to disk on commit, which
every uncached public page did twice (its count and itself, docs/benchmarks.md). After a crash
PostgreSQL empties the table, which for a cache is a cold start; replicas do not receive it.

The table is created here with the columns ``createcachetable`` would give it (that command then
finds it and leaves it alone); a table created earlier by ``createcachetable`` is switched over.
Other databases are left to ``createcachetable``.
"""

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import BaseDatabaseCache
from django.db import migrations


def database_cache_tables() -> list[str]:
    return sorted({caches[alias]._table for alias in settings.CACHES
                   if isinstance(caches[alias], BaseDatabaseCache)})


def make_unlogged(apps, schema_editor, tables=None):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    quote = connection.ops.quote_name
    existing = set(connection.introspection.table_names())
    for table in tables if tables is not None else database_cache_tables():
        if table in existing:
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


class Migration(migrations.Migration):
    dependencies = [("core", "0003_content_version")]

    operations = [migrations.RunPython(make_unlogged, migrations.RunPython.noop, elidable=True)]
