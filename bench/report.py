"""The benchmark's Markdown report, with the issue's targets checked."""

from __future__ import annotations

CATALOG_PAGES = (
    "catalog list", "catalog list, one body", "catalog search 子育て", "catalog detail",
)
SEARCH_P95_TARGET_MS = 100
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
    lines += ["", "## Throughput and latency", "",
              "| page | path | req/s | vs bare | p50 ms | p95 ms | p99 ms | non-2xx | load avg |",
              "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    bare = loads.get("bare view (ceiling)", {}).get("rps") or 0
    for name, path in measured["paths"].items():
        result = loads.get(name, {})
        if "skipped" in result:
            lines.append(f"| {name} | `{path}` | skipped: {result['skipped']} | | | | | | |")
            continue
        share = f"{result['rps'] / bare:.0%}" if bare else "–"
        lines.append(
            f"| {name} | `{path}` | {result['rps']:,.0f} | {share} | {_ms(result['p50'])} | "
            f"{_ms(result['p95'])} | {_ms(result['p99'])} | "
            f"{result['non2xx'] + result['errors']} | {result.get('loadavg_before', 0):.1f} |"
        )
    busiest = max((r.get("loadavg_before", 0) for r in loads.values()), default=0)
    if busiest > 1.5:
        lines += ["", f"**Warning:** the 1-minute load average reached {busiest:.1f} on this "
                  f"{args.workers // 2}-core machine before a run: other processes competed with "
                  "the server, so throughput is understated. Run again on a quiet machine."]
    lines += ["", "## SQL queries per page (anonymous visitor)", "",
              "| page | queries, page_size 20 | queries, page_size 100 |", "|---|---:|---:|"]
    for name in measured["queries"][20]:
        small, large = measured["queries"][20][name], measured["queries"][100][name]
        lines.append(f"| {name} | {small['queries']} (HTTP {small['status']}) | "
                     f"{large['queries']} (HTTP {large['status']}) |")
    lines += ["", "| page | queries | SQL time ms | slowest statement ms |", "|---|---:|---:|---:|"]
    for name, result in measured["per_page"].items():
        lines.append(f"| {name} | {result['queries']} | {_ms(result['sql_ms'])} | "
                     f"{_ms(result['slowest_ms'])} |")
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

    lines = []
    shares = {name: loads[name]["rps"] / bare for name in CATALOG_PAGES
              if bare and "rps" in loads.get(name, {})}
    if shares:
        worst = min(shares, key=shares.get)
        lines.append(f"- Catalog pages ≥ 50% of the bare view's throughput: "
                     f"{mark(shares[worst] >= 0.5)} (lowest: {worst}, {shares[worst]:.0%})")
    search = loads.get("catalog search 子育て", {})
    if "p95" in search:
        applies = "" if args.scale == "national" else " (the target is set for national scale)"
        lines.append(f"- p95 of a Japanese search < {SEARCH_P95_TARGET_MS} ms with "
                     f"{args.connections} connections: "
                     f"{mark(search['p95'] < SEARCH_P95_TARGET_MS)} ({_ms(search['p95'])} ms)"
                     f"{applies}")
    independent = all(
        measured["queries"][20][name]["queries"] == measured["queries"][100][name]["queries"]
        for name in measured["queries"][20]
    )
    lines.append(f"- Queries per page independent of page size: {mark(independent)}")
    importing = measured["import"]
    if "first" in importing:
        lines.append(f"- 2,000-row spreadsheet imports in < {IMPORT_TARGET_S:.0f} s: "
                     f"{mark(importing['first'] < IMPORT_TARGET_S)} ({importing['first']:.2f} s)")
    else:
        lines.append("- 2,000-row import: n/a (importer not available)")
    return lines
