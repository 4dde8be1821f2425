#!/usr/bin/env python3
"""Kyoso's benchmark, one command:

    .venv/bin/python bench/run.py --scale prefecture|national [--connections 16] [--duration 20]

1. creates the PostgreSQL database ``kyoso_bench_<scale>``, migrates it and generates the data
   if they are absent (COPY, see generate.py);
2. measures SQL queries per page (page_size 20 and 100), EXPLAINs the slowest statements and
   times a 2,000-row XLSX import (rolled back);
3. starts gunicorn with the production settings (plus a bare view, see settings.py) and loads
   each page with wrk (or a thread-based runner without wrk);
4. writes ``bench/out/report-<scale>.md`` and prints it. See docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

from bench import load as loadgen  # noqa: E402

EXPECTED_PROJECTS = {"prefecture": 40_000, "national": 3_600_000}


def log(message: str) -> None:
    print(message, flush=True)


def create_database(server_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                    (name,)).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
            log(f"Created database {name}")


def database_settings(server_url: str, name: str, changes: list[str]) -> list[str]:
    """Apply ``name=value`` settings to the benchmark's database only (``ALTER DATABASE … SET``;
    ``RESET`` clears them) and return those in force. The server's own configuration, shared
    with everything else on the machine, is left alone; settings that need a restart
    (``shared_buffers``) cannot be set this way."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
        for change in changes:
            if change.upper() == "RESET":
                connection.execute(sql.SQL("ALTER DATABASE {} RESET ALL").format(
                    sql.Identifier(name)))
                continue
            setting, value = change.split("=", 1)
            connection.execute(sql.SQL("ALTER DATABASE {} SET {} = {}").format(
                sql.Identifier(name), sql.Identifier(setting.strip()),
                sql.Literal(value.strip())))
        found = connection.execute(
            "SELECT setconfig FROM pg_db_role_setting s JOIN pg_database d ON d.oid = "
            "s.setdatabase WHERE d.datname = %s AND s.setrole = 0", (name,)).fetchone()
    return list(found[0]) if found else []


def prewarm(database_url: str) -> dict[str, int]:
    """Read the catalog's table and indexes once into the operating system's cache.

    A server that has been running for a while holds the catalog it is asked about in memory; a
    database just generated (or a machine just booted) does not, and its first minutes of
    searches would be disk reads, which is not what a visitor of a running installation waits
    for. ``pg_prewarm`` (a contrib module shipped with PostgreSQL) in ``read`` mode leaves
    ``shared_buffers`` alone. Returns the 8 KB blocks read per relation.
    """
    import psycopg

    relations = ["catalog_catalogproject", "catalog_search_fy_trgm_idx",
                 "catalog_public_order_idx", "catalog_body_order_idx",
                 "catalog_field_order_idx", "catalog_catalogproject_pkey"]
    blocks = {}
    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
        for relation in relations:
            found = connection.execute("SELECT to_regclass(%s)", (relation,)).fetchone()[0]
            if found is not None:
                blocks[relation] = connection.execute(
                    "SELECT pg_prewarm(%s::regclass, 'read')", (relation,)).fetchone()[0]
    return blocks


def vacuum_if_never_done(database_url: str) -> float | None:
    """``VACUUM (ANALYZE)`` a freshly generated database once; returns the seconds it took.

    A running installation's tables are vacuumed by autovacuum; a database just filled by COPY is
    not yet, so its visibility map is empty and every index-only scan (a capped count of a body's
    projects, say) still visits the table. Waiting for autovacuum would make the first runs
    measure a state no installation stays in.
    """
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as connection:
        done = connection.execute(
            "SELECT last_vacuum IS NOT NULL OR last_autovacuum IS NOT NULL "
            "FROM pg_stat_user_tables WHERE relname = 'catalog_catalogproject'").fetchone()
        if done is None or done[0]:
            return None
        started = time.perf_counter()
        connection.execute("VACUUM (ANALYZE)")
        return time.perf_counter() - started


def server_memory_settings(database_url: str) -> list[str]:
    """The server-wide settings the report should name (they need a restart to change)."""
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as connection:
        return [f"{name}={connection.execute(f'SHOW {name}').fetchone()[0]}"
                for name in ("shared_buffers", "max_connections")]


def forget_cached_pages(database_url: str) -> None:
    """Empty the pages cache table (pages and counts, kept ten minutes): a run started soon after
    another would otherwise find the previous run's pages for the same addresses."""
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as connection:
        exists = connection.execute("SELECT to_regclass('kyoso_page_cache')").fetchone()[0]
        if exists:
            connection.execute("DELETE FROM kyoso_page_cache")


def drop_database(server_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        log(f"Dropped database {name}")


def server_environment(database_url: str) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "600",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_STATIC_ROOT": str(OUT / "static"),
        "DJANGO_LOG_LEVEL": "WARNING",
    }


def prepare(scale: str, *, generate_only: bool = False) -> dict:
    """Migrate, generate if needed, and measure inside Django. Returns what the report needs."""
    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection, transaction

    from bench import generate, measure

    call_command("migrate", "--no-input", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", "--no-input", verbosity=0)
    stats_file = OUT / f"generate-{scale}.json"
    connection.ensure_connection()
    count = generate.project_count(connection.connection)
    if count == 0:
        log(f"Generating the {scale} data set…")
        with transaction.atomic():
            stats = generate.generate(connection.connection, scale, log=log)
        stats["date"] = dt.date.today().isoformat()
        stats_file.write_text(json.dumps(stats, indent=2))
        count = stats["projects"]
    else:
        log(f"Data present: {count:,} projects (use --regenerate to start again)")
    from bench import proposals as proposal_data

    if proposal_data.proposal_count(connection.connection) == 0:
        log(f"Generating the {scale} proposals…")
        with transaction.atomic():
            made = proposal_data.generate_proposals(connection.connection, scale, log=log)
        saved = json.loads(stats_file.read_text()) if stats_file.exists() else {}
        saved["proposals"] = {**made, "date": dt.date.today().isoformat()}
        stats_file.write_text(json.dumps(saved, indent=2))
    generation = json.loads(stats_file.read_text()) if stats_file.exists() else {}
    generation["projects_now"] = count
    generation["proposals_now"] = proposal_data.proposal_count(connection.connection)
    generate.check_search_text()
    log("Checking the statistics summary against the records…")
    generation["statistics_summary_checked"] = proposal_data.check_statistics_summary()
    if generate_only:
        connection.close()
        return {"generation": generation}

    from kyoso.catalog.models import CatalogProject
    from kyoso.organizations.models import GovernmentBody

    detail_id = (CatalogProject.objects.filter(disclosed=True, fiscal_year=2026)
                 .order_by("id").values_list("id", flat=True)[count // 20])
    body_code = (GovernmentBody.objects.filter(code="410004").values_list("code", flat=True)
                 .first() or GovernmentBody.objects.values_list("code", flat=True).first())
    query, two_characters = quote("子育て"), quote("福祉")
    # Repeated identical addresses: after the first request these are served from the page cache
    # (HTML) or the count cache (API), i.e. they measure the cached path.
    paths = {
        "bare view (ceiling)": "/bench/bare",
        "home": "/",
        "catalog list": "/catalog/",
        "catalog list, one body": f"/catalog/?body={body_code}",
        "catalog search 子育て": f"/catalog/?q={query}",
        "catalog search 福祉 (two characters)": f"/catalog/?q={two_characters}",
        "catalog detail": f"/catalog/{detail_id}/",
        "API catalog search": f"/api/v1/catalog/projects?q={query}",
        "API bodies": "/api/v1/bodies",
        **proposal_paths(body_code),
    }
    cold_paths = {**uncached_paths(scale), **uncached_proposal_paths(scale)}
    page_sizes = {
        "catalog list": "/catalog/?page_size={}",
        "catalog search 子育て": f"/catalog/?q={query}&page_size={{}}",
        "catalog search 福祉 (two characters)": f"/catalog/?q={two_characters}&page_size={{}}",
        "API catalog search": f"/api/v1/catalog/projects?q={query}&page_size={{}}",
    }
    log("Counting SQL queries per page…")
    queries = {str(size): measure.queries_per_page(
        {name: template.format(size) for name, template in page_sizes.items()}
    ) for size in (20, 100)}
    per_page = measure.queries_per_page(paths)
    from bench import sessions

    log("Signing in the desk and department officers (session made in-process)…")
    clients = {"desk": sessions.signed_in_client(proposal_data.DESK_EMAIL),
               "department": sessions.signed_in_client(proposal_data.DEPARTMENT_EMAIL)}
    signed_in = {
        "desk inbox (signed in)": {"path": "/desk/", "who": "desk"},
        "department queue (signed in)": {"path": "/desk/assignments/", "who": "department"},
    }
    for name, page in signed_in.items():
        client = clients[page["who"]]
        page["cookie"] = sessions.session_cookie(client)
        for size in (20, 100):
            queries[str(size)][name] = measure.queries_per_page(
                {name: f"{page['path']}?page_size={size}"}, client=client)[name]
        per_page.update(measure.queries_per_page({name: page["path"]}, client=client))
    log("Timing the statistics of every prefecture and of municipalities, one at a time…")
    statistics_timing = measure.statistics_timings()
    explains = {}
    for name in ("catalog list", "catalog search 子育て", "catalog search 福祉 (two characters)",
                 "catalog list, one body", "API catalog search", "results of a body",
                 "statistics page", "desk inbox (signed in)", "department queue (signed in)"):
        sql = per_page[name]["slowest_sql"]
        if sql.lstrip().upper().startswith("SELECT"):
            explains[name] = (sql, measure.explain(sql))
    log("Timing the import of a 2,000-row XLSX…")
    importing = measure.import_speed()
    connection.close()
    return {"paths": paths, "cold": cold_paths, "queries": queries, "per_page": per_page,
            "explains": explains, "import": importing, "generation": generation,
            "signed_in": signed_in, "statistics": statistics_timing}


def proposal_paths(body_code: str) -> dict[str, str]:
    """The public proposal pages of one body, and the statistics of the largest prefecture."""
    from django.db.models import Count

    from kyoso.organizations.models import GovernmentBody
    from kyoso.proposals.models import Proposal

    # The catalog page of the body's project with the most published results on it.
    project = (Proposal.objects.published()
               .filter(body__code=body_code, target_projects__disclosed=True)
               .values("target_projects").annotate(results=Count("pk"))
               .exclude(target_projects=None).order_by("-results")
               .values_list("target_projects", flat=True).first())
    largest = (GovernmentBody.objects.filter(kind=GovernmentBody.Kind.PREFECTURE)
               .annotate(size=Count("municipalities")).order_by("-size", "code").first())
    paths = {
        "results of a body": f"/bodies/{body_code}/results/",
        "published results on a catalog project": f"/catalog/{project}/",
        "statistics page": f"/statistics/{body_code}/",
        "statistics CSV": f"/statistics/{body_code}/proposals.csv",
        "API statistics": f"/api/v1/statistics/proposals?body={body_code}",
    }
    if largest.code != body_code:
        paths[f"statistics page, largest prefecture ({largest.code})"] = (
            f"/statistics/{largest.code}/")
    return paths


def uncached_proposal_paths(scale: str) -> dict[str, dict]:
    """Distinct addresses of the proposal pages: no page or answer asked twice."""
    import random

    from bench import cold
    from bench.generate import FISCAL_YEARS
    from kyoso.organizations.models import GovernmentBody
    from kyoso.proposals.models import Proposal

    codes = sorted(GovernmentBody.objects.active().values_list("code", flat=True))
    published = Proposal.objects.published()
    # Disclosed projects only: an undisclosed project's page is a 404 for a visitor.
    projects = list(published.filter(target_projects__disclosed=True)
                    .values_list("target_projects", flat=True).distinct()[:20_000])
    random.Random(5).shuffle(projects)
    lists = {
        "results, distinct bodies and filters (uncached)":
            cold.result_paths(codes, fiscal_years=list(FISCAL_YEARS), seed=14),
        "published results on a catalog project, distinct projects (uncached)":
            cold.detail_paths(projects[:8_000]),
        "statistics page, distinct bodies (uncached)":
            cold.statistics_paths(codes, seed=15),
        "API statistics, distinct bodies (uncached)":
            cold.statistics_paths(codes, seed=16, api=True),
    }
    return {name: cold.write_paths(OUT, f"{scale}-{name}", paths, warm_up=min(300, len(paths) // 4))
            for name, paths in lists.items()}


def uncached_paths(scale: str) -> dict[str, dict]:
    """Address lists in which no two requests share a page or a count (see bench/cold.py)."""
    import random

    from django.db.models import Max, Min

    from bench import cold
    from bench.generate import FISCAL_YEARS
    from kyoso.catalog.models import CatalogProject
    from kyoso.core.choices import PolicyField
    from kyoso.organizations.models import GovernmentBody

    years = list(FISCAL_YEARS)
    codes = sorted(GovernmentBody.objects.active().values_list("code", flat=True))
    bounds = CatalogProject.objects.aggregate(low=Min("pk"), high=Max("pk"))
    picks = random.Random(3).sample(range(bounds["low"], bounds["high"] + 1),
                                    min(12_000, bounds["high"] - bounds["low"] + 1))
    ids = list(CatalogProject.objects.filter(pk__in=picks, disclosed=True)
               .values_list("pk", flat=True)[:8_000])
    random.Random(4).shuffle(ids)
    lists = {
        "catalog search, distinct queries (uncached)":
            cold.search_paths("/catalog/", fiscal_years=years, seed=11),
        "API catalog search, distinct queries (uncached)":
            cold.search_paths("/api/v1/catalog/projects", fiscal_years=years, seed=12,
                              pages=1),
        "catalog list, distinct bodies and filters (uncached)":
            cold.body_paths(codes, list(PolicyField.values), fiscal_years=years, seed=13),
        "catalog detail, distinct projects (uncached)": cold.detail_paths(ids),
    }
    return {name: cold.write_paths(OUT, f"{scale}-{name}", paths, warm_up=300)
            for name, paths in lists.items()}


def port_is_free(port: int) -> bool:
    import socket

    with socket.socket() as probe_socket:
        # As gunicorn does: connections of the previous run in TIME_WAIT do not block the port.
        probe_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe_socket.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def start_gunicorn(port: int, workers: int, env: dict) -> subprocess.Popen:
    if not port_is_free(port):
        raise SystemExit(f"Port {port} is in use; choose another with --port.")
    command = [sys.executable, "-m", "gunicorn", "config.wsgi:application",
               "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
               "--worker-class", "sync", "--backlog", "2048", "--timeout", "60",
               "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 - fixed arguments
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            health = f"http://127.0.0.1:{port}/healthz"
            with urllib.request.urlopen(health, timeout=2) as answer:  # noqa: S310 - local
                if answer.status == 200:
                    return process
        except (OSError, urllib.error.URLError):
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError("gunicorn did not become healthy within 60 s")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a signed-in page that redirects (to the sign-in) must show as such


def probe(url: str, cookie: str | None = None) -> int:
    request = urllib.request.Request(  # noqa: S310 - http://127.0.0.1 only
        url, headers={"Cookie": cookie} if cookie else {})
    try:
        opener = urllib.request.build_opener(_NoRedirect)
        with opener.open(request, timeout=30) as answer:  # http://127.0.0.1 only
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def _measured(name: str, url: str, *, connections: int, duration: int,
              warm_file: str | None = None, run_file: str | None = None,
              cookie: str | None = None) -> dict:
    loadgen.load(url, connections=connections, duration=min(3, duration), paths_file=warm_file,
                 cookie=cookie)
    before = os.getloadavg()[0]
    result = loadgen.load(url, connections=connections, duration=duration, paths_file=run_file,
                          cookie=cookie)
    # Anything else running on the machine (tests, browsers) takes CPU from the server:
    # the load average before each run tells whether the numbers can be trusted.
    result["loadavg_before"] = before
    log(f"  {name}: {result['rps']:.0f} req/s, p95 {result['p95']:.1f} ms, "
        f"{result.get('cache_hits', 0)} cache hits, load {before:.1f}")
    return result


def run_load(port: int, paths: dict, cold: dict, *, connections: int, duration: int,
             only: set[str] | None = None, signed_in: dict | None = None) -> dict:
    results = {}
    base = f"http://127.0.0.1:{port}"
    for name, page in (signed_in or {}).items():
        if only and name not in only:
            continue
        status = probe(base + page["path"], page["cookie"])
        if status != 200:
            results[name] = {"skipped": f"answered {status}"}
            log(f"  {name}: skipped ({status})")
            continue
        results[name] = _measured(name, base + page["path"], connections=connections,
                                  duration=duration, cookie=page["cookie"])
    for name, path in paths.items():
        if only and name not in only:
            continue
        status = probe(base + path)
        if status != 200:
            results[name] = {"skipped": f"answered {status}"}
            log(f"  {name}: skipped ({status})")
            continue
        results[name] = _measured(name, base + path, connections=connections,
                                  duration=duration)
    for name, lists in cold.items():
        if only and name not in only:
            continue
        status = probe(base + lists["example"])
        if status != 200:
            results[name] = {"skipped": f"answered {status}"}
            log(f"  {name}: skipped ({status})")
            continue
        results[name] = _measured(name, base + "/", connections=connections, duration=duration,
                                  warm_file=lists["warm"], run_file=lists["run"])
    return results


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor())
    memory = next(int(line.split()[1]) for line in open("/proc/meminfo")
                  if line.startswith("MemTotal"))
    import django
    import psycopg

    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": memory / 1024 / 1024,
            "python": platform.python_version(), "django": django.get_version(),
            "psycopg": psycopg.__version__}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(EXPECTED_PROJECTS), default="prefecture")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=int, default=20, help="seconds per page")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--port", type=int, default=18765)
    parser.add_argument("--postgres", default=os.environ.get(
        "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--regenerate", action="store_true", help="drop the database first")
    parser.add_argument("--load-only", action="store_true",
                        help="reuse the in-process measurements of the last run of this scale "
                             "(bench/out/measured-<scale>.json) and only load the pages again")
    parser.add_argument("--pg-setting", action="append", metavar="NAME=VALUE",
                        help="set a PostgreSQL setting for the benchmark's database only "
                             "(ALTER DATABASE … SET; RESET clears them); reported")
    parser.add_argument("--only", action="append", metavar="PAGE",
                        help="load only this page (its name in the report); may be repeated")
    parser.add_argument("--no-prewarm", action="store_true",
                        help="do not read the catalog into the OS cache before loading")
    parser.add_argument("--generate-only", action="store_true",
                        help="create and fill the database, then stop (no measurement)")
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    name = f"kyoso_bench_{args.scale}"
    if args.regenerate:
        drop_database(args.postgres, name)
    create_database(args.postgres, name)
    pg_settings = database_settings(args.postgres, name, args.pg_setting or [])
    log(f"Settings of {name}: {', '.join(pg_settings) or 'the server defaults'}")
    env = server_environment(f"{args.postgres}/{name}")
    os.environ.update(env)
    started = dt.datetime.now().astimezone()
    saved = OUT / f"measured-{args.scale}.json"
    if args.load_only and saved.exists():
        measured = json.loads(saved.read_text())
        log(f"Reusing {saved.relative_to(ROOT)}")
    else:
        measured = prepare(args.scale, generate_only=args.generate_only)
        if args.generate_only:
            from bench import issue4

            measured["generation"]["issue4"] = issue4.ensure(
                args.scale, OUT / f"generate-{args.scale}.json", log=log)
            vacuumed = vacuum_if_never_done(env["DATABASE_URL"])
            if vacuumed is not None:
                log(f"Vacuumed the new database in {vacuumed:.0f} s")
            log(f"Data ready: {json.dumps(measured['generation'])}")
            return
    # Agreements, collaborations and cases (issue 4): generated into an existing database when
    # absent, their rows measured and added, also for --load-only (see bench/issue4.py).
    from bench import issue4

    issue4.extend(measured, args.scale, OUT, log=log)
    saved.write_text(json.dumps(measured, ensure_ascii=False, indent=1))

    vacuumed = vacuum_if_never_done(env["DATABASE_URL"])
    if vacuumed is not None:
        log(f"Vacuumed the new database in {vacuumed:.0f} s")
    forget_cached_pages(env["DATABASE_URL"])
    if not args.no_prewarm:
        started_prewarm = time.perf_counter()
        blocks = prewarm(env["DATABASE_URL"])
        log(f"Prewarmed the catalog ({sum(blocks.values()) * 8 // 1024:,} MB) in "
            f"{time.perf_counter() - started_prewarm:.0f} s")
        measured["prewarmed_mb"] = sum(blocks.values()) * 8 // 1024
    log(f"Starting gunicorn ({args.workers} sync workers)…")
    # On SIGTERM (e.g. a run stopped from outside) unwind, so that gunicorn is stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    server = start_gunicorn(args.port, args.workers, {**os.environ, **env})
    try:
        loads = run_load(args.port, measured["paths"], measured["cold"],
                         connections=args.connections, duration=args.duration,
                         only=set(args.only) if args.only else None,
                         signed_in=measured.get("signed_in"))
        rss = __import__("bench.measure", fromlist=["worker_rss"]).worker_rss(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    from bench.report import render

    text = render(
        args=args, started=started,
        machine={**machine(), "pg_settings": pg_settings,
                 "pg_server": server_memory_settings(env["DATABASE_URL"])},
        measured=measured, loads=loads, rss=rss,
        load_generator="wrk 4 (report.lua)" if loadgen.have_wrk() else "threads + http.client",
    )
    report = OUT / f"report-{args.scale}.md"
    report.write_text(text)
    explain_file = OUT / f"explain-{args.scale}.txt"
    explain_file.write_text("\n\n".join(
        f"## {page}\n{sql}\n\n{plan}" for page, (sql, plan) in measured["explains"].items()
    ))
    print(text)
    log(f"Written to {report.relative_to(ROOT)} (query plans in {explain_file.relative_to(ROOT)})")


if __name__ == "__main__":
    main()
