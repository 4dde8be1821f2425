"""Measurements made inside Django: SQL queries per page, EXPLAIN of the slowest, import speed."""

from __future__ import annotations

import os
import time

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

# The database cache tables (the default cache, and the "pages" cache of pages and counts).
CACHE_TABLES = {
    alias: options["LOCATION"]
    for alias, options in settings.CACHES.items()
    if options["BACKEND"].endswith("DatabaseCache")
}


def _cold_cache() -> None:
    """Forget cached pages and counts, as for a question never asked before.

    Everything else in the cache (the grouped body list) stays, as it would in a running server.
    """
    from kyoso.core.page_cache import PAGE_KEY_PREFIX, recent_pages

    recent_pages.clear()  # the pages this process also keeps in memory
    with connection.cursor() as cursor:
        for alias, table in CACHE_TABLES.items():
            for prefix in (PAGE_KEY_PREFIX, "catalog:count:"):
                pattern = caches[alias].make_key(prefix).replace("_", r"\_") + "%"
                cursor.execute(f'DELETE FROM "{table}" WHERE cache_key LIKE %s',  # noqa: S608
                               [pattern])


def _is_cache_statement(sql: str) -> bool:
    return any(f'"{table}"' in sql for table in CACHE_TABLES.values())


def queries_per_page(paths: dict[str, str], client: Client | None = None) -> dict[str, dict]:
    """Queries, SQL time and the slowest statement per path (anonymous visitor), uncached.

    Anonymous pages and counts are cached (kyoso.core.page_cache, kyoso.catalog.counting), so a
    second identical request costs a cache lookup. Each path is therefore measured with its page
    and count forgotten (``queries``: what a new question costs, including the statements that
    read and store them in the database cache table, ``cache_queries``) and again right after
    (``queries_cached``: what a repeated question costs).
    """
    client = client or Client(HTTP_HOST="127.0.0.1")
    results = {}
    for name, path in paths.items():
        client.get(path)  # warm the connection and the process, as in a running server
        _cold_cache()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        with CaptureQueriesContext(connection) as again:
            repeated = client.get(path)
        timed = [(float(query["time"]), query["sql"]) for query in captured.captured_queries]
        own = [item for item in timed if not _is_cache_statement(item[1])]
        slowest = max(own, default=(0.0, ""))
        results[name] = {
            "status": response.status_code,
            "queries": len(timed),
            "cache_queries": len(timed) - len(own),
            "sql_ms": sum(seconds for seconds, _sql in timed) * 1000,
            "slowest_ms": slowest[0] * 1000,
            "slowest_sql": slowest[1],
            "queries_cached": len(again.captured_queries),
            "cached_hit": repeated.get("X-Kyoso-Cache") == "hit",
        }
    return results


def statistics_timings(repeat: int = 3) -> dict:
    """How long ``proposal_statistics`` takes per body, one call at a time (no concurrency).

    Every prefecture (its own row and its municipalities together: the largest question) and
    up to 300 municipalities; each timed ``repeat`` times, the median kept, so that the figure
    is the query's, not the first read of its pages from disk. ``first_ms`` keeps the first call.
    """
    import random
    import statistics as stats

    from kyoso.organizations.models import GovernmentBody
    from kyoso.proposals.statistics import proposal_statistics

    prefectures = list(GovernmentBody.objects.filter(kind="prefecture").order_by("code"))
    municipalities = list(GovernmentBody.objects.filter(kind="municipality").order_by("code"))
    sample = random.Random(6).sample(municipalities, min(300, len(municipalities)))
    timings = {}
    for body in prefectures + sample:
        runs = []
        with CaptureQueriesContext(connection) as captured:
            for _ in range(repeat):
                started = time.perf_counter()
                proposal_statistics(body)
                runs.append((time.perf_counter() - started) * 1000)
        timings[body.code] = {"kind": body.kind, "name": body.name, "first_ms": runs[0],
                              "ms": stats.median(runs),
                              "queries": len(captured.captured_queries) // repeat}

    def summary(kind):
        values = sorted(t["ms"] for t in timings.values() if t["kind"] == kind)
        if not values:
            return {}
        worst = max((t for t in timings.values() if t["kind"] == kind), key=lambda t: t["ms"])
        return {"bodies": len(values), "p50": values[len(values) // 2],
                "p95": values[min(len(values) - 1, int(0.95 * len(values)))],
                "max": values[-1], "worst": worst["name"],
                "first_max": max(t["first_ms"] for t in timings.values() if t["kind"] == kind),
                "queries": worst["queries"]}

    return {"prefecture": summary("prefecture"), "municipality": summary("municipality")}


def explain(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def import_speed(rows: int = 2_000) -> dict:
    """Time ``catalog_import`` of a generated XLSX (first import, then the same file again).

    Runs in a transaction that is rolled back, so the benchmark data stay as generated.
    """
    try:
        from kyoso.catalog.io.importer import catalog_import
        from kyoso.catalog.io.samples import sample_rows, xlsx_bytes
    except ImportError as error:
        return {"skipped": f"importer not available ({error})"}
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kyoso.organizations.models import GovernmentBody

    data = xlsx_bytes(sample_rows(rows))
    body = GovernmentBody.objects.order_by("code").first()
    timings = {}
    with transaction.atomic():
        for label in ("first", "again"):
            upload = SimpleUploadedFile("catalog.xlsx", data)
            started = time.perf_counter()
            result = catalog_import(actor=None, body=body, uploaded_file=upload)
            timings[label] = time.perf_counter() - started
            if not result.ok:
                transaction.set_rollback(True)
                return {"skipped": f"import reported errors: {result.errors[:3]}"}
            timings[f"{label}_created"] = result.created
            timings[f"{label}_unchanged"] = result.unchanged
        transaction.set_rollback(True)
    return {"rows": rows, "bytes": len(data), **timings}


def worker_rss(master_pid: int) -> list[int]:
    """Resident memory (KiB) of each gunicorn worker: children of the master process."""
    rss = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            if int(fields[1]) != master_pid:
                continue
            with open(f"/proc/{entry}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        rss.append(int(line.split()[1]))
        except (OSError, IndexError, ValueError):
            continue
    return rss
