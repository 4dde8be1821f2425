"""The benchmark's Markdown report, with the issue's targets checked."""

from __future__ import annotations

# Repeated identical addresses: served from the page cache after the first request.
CATALOG_PAGES_CACHED = (
    "home", "catalog list", "catalog list, one body", "catalog search 子育て",
    "catalog search 福祉 (two characters)", "catalog detail",
)
# Every request a new question: what a search costs when it is not in the cache.
CATALOG_PAGES_UNCACHED = (
    "catalog search, distinct queries (uncached)",
    "catalog list, distinct bodies and filters (uncached)",
    "catalog detail, distinct projects (uncached)",
)
SEARCH_CACHED = ("catalog search 子育て", "catalog search 福祉 (two characters)")
SEARCH_UNCACHED = "catalog search, distinct queries (uncached)"
API_SEARCH_UNCACHED = "API catalog search, distinct queries (uncached)"
SEARCH_P95_TARGET_MS = 100
STATISTICS_UNCACHED = "statistics page, distinct bodies (uncached)"
STATISTICS_API_UNCACHED = "API statistics, distinct bodies (uncached)"
STATISTICS_TARGET_MS = 100
IMPORT_TARGET_S = 2.0


def _ms(value: float) -> str:
    return f"{value:,.1f}"


def render(*, args, started, machine, measured, loads, rss, load_generator) -> str:
    lines = [
        f"# Kyoso benchmark — {args.scale} scale",
        "",
        f"- Command: `.venv/bin/python bench/run.py --scale {args.scale} "
        f"--connections {args.connections} --duration {args.duration}`",
        f"- Date: {started:%Y-%m-%d %H:%M %Z}",
        f"- Machine: {machine['cpu']}, {machine['cores']} cores, "
        f"{machine['memory_gib']:.0f} GiB RAM; Python {machine['python']}, "
        f"Django {machine['django']}, psycopg {machine['psycopg']}",
        f"- Server: gunicorn, {args.workers} sync workers, production settings "
        f"(`bench.settings`), PostgreSQL on 127.0.0.1; load from {load_generator}, "
        f"{args.connections} connections, {args.duration} s per page after a 3 s warm-up",
        "- PostgreSQL settings of the benchmark's database (`ALTER DATABASE … SET`, "
        f"`--pg-setting`): {', '.join(machine.get('pg_settings') or []) or 'none (defaults)'}; "
        f"server: {', '.join(machine.get('pg_server') or []) or 'not recorded'}",
        "- Catalog read into the OS cache before loading (`pg_prewarm`, `--no-prewarm` skips): "
        + (f"{measured['prewarmed_mb']:,} MB" if measured.get("prewarmed_mb") else "no"),
        "",
    ]
    generation = measured["generation"]
    lines += ["## Data", ""]
    if "projects" in generation:
        lines.append(
            f"{generation['bodies']:,} bodies, {generation['departments']:,} departments, "
            f"{generation['projects']:,} catalog projects (FY2017–FY2026). Generated on "
            f"{generation.get('date', '?')} in {generation['seconds']:.0f} s "
            f"(COPY {generation['copy_seconds']:.0f} s = "
            f"{generation['projects'] / max(generation['copy_seconds'], 0.001):,.0f} rows/s, "
            f"indexes {generation.get('index_seconds', 0):.0f} s, "
            f"ANALYZE {generation['analyze_seconds']:.0f} s)."
        )
    else:
        lines.append(f"{generation.get('projects_now', 0):,} catalog projects (generated earlier).")
    made = generation.get("proposals")
    if made:
        lines += ["", (
            f"{made['proposals']:,} proposals from {made['organizations']:,} partner "
            f"organizations, with {made['assignments']:,} assignments, {made['decisions']:,} "
            f"decisions, {made['revisions']:,} first revisions and {made['targets']:,} target "
            f"projects; {made['published']:,} results published. Generated on "
            f"{made.get('date', '?')} in {made['seconds']:.0f} s (COPY, every constraint and "
            "foreign key checked by the database).")]
    lines += ["", "## Throughput and latency", "",
              "Rows without “(uncached)” request one address over and over: after the first "
              "request an anonymous HTML page comes from the shared page cache "
              "(`X-Kyoso-Cache: hit`) and an API count from the count cache, so they measure the "
              "**cached path**. Rows marked “(uncached)” give every request its own filters "
              "(search term × fiscal year × page, or body × fiscal year × field; bench/cold.py), "
              "so neither the page nor the count can come from the cache; “cache hits” counts "
              "the answers that still said `X-Kyoso-Cache: hit` (should be 0) and “repeats” the "
              "requests made after the address list ran out (should be 0).", "",
              "| page | path | req/s | vs bare | p50 ms | p95 ms | p99 ms | non-2xx | "
              "cache hits | repeats | load avg |",
              "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    bare = loads.get("bare view (ceiling)", {}).get("rps") or 0
    rows = [(name, f"`{path}`") for name, path in measured["paths"].items()]
    rows += [(name, f"`{page['path']}` (session cookie)")
             for name, page in measured.get("signed_in", {}).items()]
    rows += [(name, f"`{lists['example']}` … ({lists['distinct']:,} distinct)")
             for name, lists in measured.get("cold", {}).items()]
    for name, path in rows:
        result = loads.get(name, {})
        if not result:
            continue
        if "skipped" in result:
            lines.append(f"| {name} | {path} | skipped: {result['skipped']} | | | | | | | | |")
            continue
        share = f"{result['rps'] / bare:.0%}" if bare else "–"
        lines.append(
            f"| {name} | {path} | {result['rps']:,.0f} | {share} | {_ms(result['p50'])} | "
            f"{_ms(result['p95'])} | {_ms(result['p99'])} | "
            f"{result['non2xx'] + result['errors']} | {result.get('cache_hits', 0):,} | "
            f"{result.get('repeats', 0):,} | {result.get('loadavg_before', 0):.1f} |"
        )
    busiest = max((r.get("loadavg_before", 0) for r in loads.values()), default=0)
    # The previous page's own load (workers, PostgreSQL, wrk) keeps the 1-minute average near
    # workers + 2 during a run; only more than that points to other work on the machine.
    own = args.workers + 2
    lines += ["", f"“load avg” is the 1-minute load average before each page; the benchmark's own "
              f"previous page keeps it near {own} on its own."]
    if busiest > own + 1.5:
        lines += ["", f"**Warning:** the load average reached {busiest:.1f} before a run, "
                  "more than "
                  "the benchmark makes by itself: other processes competed with the server, so "
                  "throughput is understated. Run again on a quiet machine."]
    lines += ["", "## SQL queries per page (anonymous visitor)", "",
              "Measured in process with the page and the count forgotten (what a new question "
              "costs, including the statements that read and store them in the database cache "
              "table and in memory; the grouped body list stays cached, as in a running "
              "server) and again right after (the cached path).", "",
              "| page | uncached, page_size 20 | uncached, page_size 100 |", "|---|---:|---:|"]
    for name in measured["queries"]["20"]:
        small, large = measured["queries"]["20"][name], measured["queries"]["100"][name]
        lines.append(f"| {name} | {small['queries']} (HTTP {small['status']}) | "
                     f"{large['queries']} (HTTP {large['status']}) |")
    lines += ["", "| page | queries uncached | of which cache table | SQL time ms | "
              "slowest statement ms | queries cached (page-cache hit) |",
              "|---|---:|---:|---:|---:|---:|"]
    for name, result in measured["per_page"].items():
        hit = " (hit)" if result.get("cached_hit") else ""
        lines.append(f"| {name} | {result['queries']} | {result.get('cache_queries', 0)} | "
                     f"{_ms(result['sql_ms'])} | {_ms(result['slowest_ms'])} | "
                     f"{result.get('queries_cached', '–')}{hit} |")
    timing = measured.get("statistics")
    if timing:
        lines += ["", "## Statistics, one body at a time (in process)", "",
                  "`proposal_statistics(body)` called three times per body, the median kept "
                  "(“first” is the slowest first call, when the rows may still be on disk): every "
                  "prefecture (its own figures and its municipalities together) and up to 300 "
                  "municipalities.", "",
                  "| bodies | count | p50 ms | p95 ms | max ms | slowest body | first call, max ms "
                  "| queries |", "|---|---:|---:|---:|---:|---|---:|---:|"]
        for kind, summary in timing.items():
            if summary:
                lines.append(
                    f"| {kind} | {summary['bodies']:,} | {_ms(summary['p50'])} | "
                    f"{_ms(summary['p95'])} | {_ms(summary['max'])} | {summary['worst']} | "
                    f"{_ms(summary['first_max'])} | {summary['queries']} |")
    if rss:
        lines += ["", "## Memory", "",
                  "gunicorn worker RSS after the load: "
                  f"{', '.join(f'{kib / 1024:.0f}' for kib in rss)} MiB "
                  f"(total {sum(rss) / 1024:.0f} MiB for {len(rss)} workers)."]
    importing = measured["import"]
    lines += ["", "## Import", ""]
    if "skipped" in importing:
        lines.append(f"Skipped: {importing['skipped']}.")
    else:
        lines.append(
            f"`catalog_import` of a generated {importing['rows']:,}-row XLSX "
            f"({importing['bytes'] / 1024:.0f} KiB): {importing['first']:.2f} s "
            f"({importing['rows'] / importing['first']:,.0f} rows/s, "
            f"{importing['first_created']:,} created); the same file again: "
            f"{importing['again']:.2f} s ({importing['again_unchanged']:,} unchanged). "
            "Rolled back afterwards."
        )
    lines += ["", "## Targets", ""] + _targets(args, measured, loads, bare)
    lines += ["", "## Slowest statements", ""]
    for page, (sql, plan) in measured["explains"].items():
        timing = next((line.strip() for line in plan.splitlines()
                       if line.strip().startswith("Execution Time")), "")
        lines += [f"<details><summary>{page}: {timing}</summary>", "", "```sql", sql, "```", "",
                  "```", plan, "```", "", "</details>", ""]
    return "\n".join(lines) + "\n"


def _targets(args, measured, loads, bare) -> list[str]:
    def mark(ok: bool | None) -> str:
        return "n/a" if ok is None else ("met" if ok else "**missed**")

    def lowest_share(names):
        shares = {name: loads[name]["rps"] / bare for name in names
                  if bare and "rps" in loads.get(name, {})}
        if not shares:
            return None, None
        worst = min(shares, key=shares.get)
        return worst, shares[worst]

    lines = []
    cached_worst, cached_share = lowest_share(CATALOG_PAGES_CACHED)
    cold_worst, cold_share = lowest_share(CATALOG_PAGES_UNCACHED)
    if cold_worst or cached_worst:
        verdict = cold_share if cold_worst else cached_share
        parts = []
        if cold_worst:
            parts.append(f"uncached: lowest {cold_worst}, {cold_share:.0%}")
        if cached_worst:
            parts.append(f"cached path: lowest {cached_worst}, {cached_share:.0%} "
                         f"({mark(cached_share >= 0.5)})")
        lines.append(f"- Catalog pages ≥ 50% of the bare view's throughput: "
                     f"{mark(verdict >= 0.5)} — verdict on the uncached rows; "
                     + "; ".join(parts))
    applies = "" if args.scale == "national" else " — the target is set for national scale"
    cold = loads.get(SEARCH_UNCACHED, {})
    if "p95" in cold:
        others = [f"{name} {_ms(loads[name]['p95'])} ms"
                  for name in (*SEARCH_CACHED, API_SEARCH_UNCACHED) if "p95" in loads.get(name, {})]
        lines.append(f"- p95 of a Japanese search < {SEARCH_P95_TARGET_MS} ms with "
                     f"{args.connections} connections: "
                     f"{mark(cold['p95'] < SEARCH_P95_TARGET_MS)} — verdict on "
                     f"“{SEARCH_UNCACHED}”: {_ms(cold['p95'])} ms{applies}. For comparison: "
                     + ", ".join(others))
    statistics = loads.get(STATISTICS_UNCACHED, {})
    if "p95" in statistics:
        others = [f"{name} {_ms(loads[name]['p95'])} ms" for name in loads
                  if "statistics" in name and name != STATISTICS_UNCACHED
                  and "p95" in loads[name]]
        timing = measured.get("statistics", {}).get("prefecture") or {}
        alone = (f"; one at a time in process, the slowest prefecture {_ms(timing['max'])} ms"
                 if timing else "")
        lines.append(f"- Statistics answer in < {STATISTICS_TARGET_MS} ms: "
                     f"{mark(statistics['p95'] < STATISTICS_TARGET_MS)} — verdict on the p95 of "
                     f"“{STATISTICS_UNCACHED}” with {args.connections} connections: "
                     f"{_ms(statistics['p95'])} ms{alone}. For comparison: " + ", ".join(others))
    sizes = measured["queries"]
    independent = all(sizes["20"][name]["queries"] == sizes["100"][name]["queries"]
                      for name in sizes["20"])
    counts = ", ".join(f"{name} {sizes['20'][name]['queries']}/{sizes['100'][name]['queries']}"
                       for name in sizes["20"])
    lines.append(f"- Queries per page independent of page size (uncached, 20/100): "
                 f"{mark(independent)} ({counts})")
    importing = measured["import"]
    if "first" in importing:
        lines.append(f"- 2,000-row spreadsheet imports in < {IMPORT_TARGET_S:.0f} s: "
                     f"{mark(importing['first'] < IMPORT_TARGET_S)} ({importing['first']:.2f} s)")
    else:
        lines.append("- 2,000-row import: n/a (importer not available)")
    return lines
