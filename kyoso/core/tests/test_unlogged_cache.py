"""The database caches' tables are unlogged on PostgreSQL (core migration 0004)."""

import importlib

import pytest
from django.core.cache.backends.db import DatabaseCache
from django.core.management import call_command
from django.db import connection

from kyoso.core.page_cache import PageDatabaseCache

migration = importlib.import_module("kyoso.core.migrations.0004_unlogged_cache_tables")

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="unlogged tables are PostgreSQL's"),
]


def persistence(table: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT relpersistence FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()[0]


def drop(table: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f'DROP TABLE IF EXISTS "{table}"')


@pytest.fixture
def table():
    name = "kyoso_test_unlogged_cache"
    drop(name)
    yield name
    drop(name)


def test_a_new_cache_table_is_created_unlogged_and_createcachetable_keeps_it(table, settings):
    with connection.schema_editor() as editor:
        migration.make_unlogged(None, editor, tables=[table])
    assert persistence(table) == "u"

    settings.CACHES = {**settings.CACHES, "probe": {
        "BACKEND": "kyoso.core.page_cache.PageDatabaseCache", "LOCATION": table}}
    call_command("createcachetable", "--database", "default", verbosity=0)
    assert persistence(table) == "u"
    cache = PageDatabaseCache(table, {})
    cache.set("page", {"body": "子育て"}, 60)
    assert cache.get("page") == {"body": "子育て"}


def test_a_table_made_by_createcachetable_is_switched_to_unlogged(table, settings):
    settings.CACHES = {**settings.CACHES, "probe": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": table}}
    call_command("createcachetable", "--database", "default", verbosity=0)
    assert persistence(table) == "p"
    DatabaseCache(table, {}).set("count", 2001, 60)

    with connection.schema_editor() as editor:
        migration.make_unlogged(None, editor, tables=[table])

    assert persistence(table) == "u"
    assert DatabaseCache(table, {}).get("count") is None  # emptied: entries are recomputed
    DatabaseCache(table, {}).set("count", 2001, 60)
    assert DatabaseCache(table, {}).get("count") == 2001

    with connection.schema_editor() as editor:
        migration.make_logged(None, editor, tables=[table])
    assert persistence(table) == "p"


def test_only_the_pages_cache_is_unlogged(settings):
    """The default cache holds rate limits and used one-time codes: it must survive a crash."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                    "LOCATION": "kyoso_cache"},
        "pages": {"BACKEND": "kyoso.core.page_cache.PageDatabaseCache",
                  "LOCATION": "kyoso_page_cache"},
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    assert migration.unlogged_cache_tables() == ["kyoso_page_cache"]
    settings.CACHES = {"default": settings.CACHES["default"]}
    assert migration.unlogged_cache_tables() == []
