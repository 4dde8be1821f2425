"""Load generators: wrk (with report.lua for percentiles) or, without it, threads + http.client.

Both only ever talk to the local server the benchmark started (127.0.0.1), for a bounded time.
"""

from __future__ import annotations

import http.client
import json
import shutil
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

LUA = Path(__file__).resolve().parent / "report.lua"


def have_wrk() -> bool:
    return shutil.which("wrk") is not None


def run_wrk(url: str, *, connections: int, duration: int, paths_file: str | None = None,
            threads: int = 2, cookie: str | None = None) -> dict:
    """wrk on ``url``, or on the paths in ``paths_file``, one per request (see report.lua)."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s",
               "-s", str(LUA), url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    if paths_file:
        command += ["--", paths_file, str(threads)]
    output = subprocess.run(  # noqa: S603 - fixed arguments, local URL
        command, capture_output=True, text=True, check=True, timeout=duration + 60
    ).stdout
    for line in output.splitlines():
        if line.startswith("WRK_JSON "):
            return json.loads(line[len("WRK_JSON "):])
    raise RuntimeError(f"wrk printed no result:\n{output}")


def _percentile(sorted_values: list[float], share: float) -> float:
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, int(round(share * (len(sorted_values) - 1))))
    return sorted_values[index]


def run_threads(url: str, *, connections: int, duration: int, paths_file: str | None = None,
                cookie: str | None = None, **_ignored) -> dict:
    """A closed-loop client: one keep-alive connection per thread, as wrk does."""
    parts = urlsplit(url)
    targets = ([line for line in Path(paths_file).read_text().splitlines() if line] if paths_file
               else [parts.path + (f"?{parts.query}" if parts.query else "")])
    deadline = time.monotonic() + duration
    latencies: list[float] = []
    counters = {"non2xx": 0, "errors": 0, "cache_hits": 0, "repeats": 0}
    lock = threading.Lock()
    sent = iter(range(10**9))  # shared: each request takes the next path (next() is atomic)

    def worker():
        local, non2xx, errors, hits, repeats = [], 0, 0, 0, 0
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        while time.monotonic() < deadline:
            number = next(sent)
            repeats += number >= len(targets) and len(targets) > 1
            started = time.perf_counter()
            try:
                connection.request("GET", targets[number % len(targets)],
                                   headers={"Cookie": cookie} if cookie else {})
                response = connection.getresponse()
                response.read()
                hits += response.getheader("X-Kyoso-Cache") == "hit"
            except (OSError, http.client.HTTPException):
                errors += 1
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
                continue
            local.append((time.perf_counter() - started) * 1000)
            if not 200 <= response.status < 300:
                non2xx += 1
        connection.close()
        with lock:
            latencies.extend(local)
            counters["non2xx"] += non2xx
            counters["errors"] += errors
            counters["cache_hits"] += hits
            counters["repeats"] += repeats

    started = time.monotonic()
    workers = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    seconds = time.monotonic() - started
    latencies.sort()
    return {
        "requests": len(latencies), "seconds": seconds, "rps": len(latencies) / seconds,
        "p50": _percentile(latencies, 0.50), "p95": _percentile(latencies, 0.95),
        "p99": _percentile(latencies, 0.99), "max": latencies[-1] if latencies else 0.0,
        **counters,
    }


def load(url: str, *, connections: int, duration: int, paths_file: str | None = None,
         cookie: str | None = None) -> dict:
    runner = run_wrk if have_wrk() else run_threads
    return runner(url, connections=connections, duration=duration, paths_file=paths_file,
                  cookie=cookie)
