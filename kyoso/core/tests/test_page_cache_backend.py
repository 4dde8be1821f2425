"""The pages cache's database backend: Django's cache behaviour, one statement per write."""

import time

import pytest
from django.core.management.commands.createcachetable import Command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kyoso.core.page_cache import PageDatabaseCache

pytestmark = pytest.mark.django_db


TABLE = "kyoso_test_page_cache"


@pytest.fixture
def cache():
    # The test settings keep caches in memory: make a table like createcachetable's.
    command = Command()
    command.verbosity = 0
    command.create_table("default", TABLE, dry_run=False)
    backend = PageDatabaseCache(TABLE, {"OPTIONS": {"MAX_ENTRIES": 5, "CULL_FREQUENCY": 2}})
    backend.CULL_EVERY = 10**9  # no culling unless a test asks for it
    return backend


def test_it_stores_replaces_and_reads_values(cache):
    cache.set("page:a", ("text/html", b"<p>one</p>"), 60)
    assert cache.get("page:a") == ("text/html", b"<p>one</p>")
    cache.set("page:a", ("text/html", b"<p>two</p>"), 60)
    assert cache.get("page:a") == ("text/html", b"<p>two</p>")
    assert cache.get("page:missing") is None


def test_it_writes_with_one_statement(cache):
    with CaptureQueriesContext(connection) as captured:
        cache.set("count:a", 42, 60)
    assert [query["sql"].split()[0] for query in captured.captured_queries] == ["INSERT"]


def test_add_keeps_a_live_entry_and_replaces_an_expired_one(cache):
    assert cache.add("count:a", 1, 60) is True
    assert cache.add("count:a", 2, 60) is False
    assert cache.get("count:a") == 1
    cache.set("count:b", 1, 1)
    time.sleep(2.1)
    assert cache.add("count:b", 2, 60) is True
    assert cache.get("count:b") == 2
    assert cache.get_or_set("count:c", lambda: 7, 60) == 7
    assert cache.get_or_set("count:c", lambda: 8, 60) == 7


def test_an_entry_without_timeout_never_expires(cache):
    cache.set("catalog:version", 123, None)
    assert cache.get("catalog:version") == 123


def test_it_culls_beyond_max_entries_now_and_then(cache):
    for number in range(8):
        cache.set(f"page:{number}", number, 60)
    assert sum(cache.has_key(f"page:{number}") for number in range(8)) == 8
    cache.CULL_EVERY = 1  # the next write counts the table and culls it
    cache.set("page:last", "last", 60)
    kept = sum(cache.has_key(f"page:{number}") for number in range(8))
    assert kept < 8
    assert cache.get("page:last") == "last"
