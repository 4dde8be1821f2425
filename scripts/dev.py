#!/usr/bin/env python3
"""Kyoso's two entry points, needing only Python 3.11, pip and git.

    python3 scripts/dev.py demo   # install, build the demo database, serve on 127.0.0.1:8000
    python3 scripts/dev.py test   # install everything (also Chromium and axe-core), run all tests

Both create ./.venv and install the project into it. Extra arguments after ``test`` go to pytest,
e.g. ``python3 scripts/dev.py test kyoso/catalog -k import``. ``KYOSO_SKIP_BROWSER=1`` skips the
browser tests (and installing Chromium and axe-core) for a quick local run; CI never sets it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"


def run(*args: str, env: dict | None = None, check: bool = True) -> int:
    print("+", " ".join(args), flush=True)
    # Fixed commands of our own, never user input.
    return subprocess.run(args, cwd=ROOT, env=env, check=check).returncode  # noqa: S603


def ensure_venv(extras: str = "") -> None:
    if sys.version_info[:2] != (3, 11):
        print(f"Kyoso needs Python 3.11; this is {sys.version.split()[0]}.", file=sys.stderr)
    if not PYTHON.exists():
        run(sys.executable, "-m", "venv", str(VENV))
        run(str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    run(str(PYTHON), "-m", "pip", "install", "--quiet", "-e", target)


def compile_translations() -> None:
    run(str(PYTHON), "manage.py", "compilemessages_py")


def demo() -> None:
    ensure_venv()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    compile_translations()
    run(str(PYTHON), "manage.py", "migrate", "--no-input", env=env)
    run(str(PYTHON), "manage.py", "createcachetable", env=env)
    run(str(PYTHON), "manage.py", "seed_demo", env=env)
    # The background worker (e-mails to this console, reminders, escalations) runs beside the
    # server, as it would in production; stopping the server (Ctrl-C) stops both.
    worker = subprocess.Popen(  # noqa: S603 - our own fixed command
        [str(PYTHON), "manage.py", "kyoso_worker", "--no-reload"], cwd=ROOT, env=env
    )
    try:
        run(str(PYTHON), "manage.py", "runserver", "127.0.0.1:8000", "--noreload",
            env=env, check=False)
    except KeyboardInterrupt:
        pass
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()


def ensure_browser() -> None:
    """Debian's Chromium for the browser tests; no test tool ever downloads a browser."""
    if Path("/usr/bin/chromium").exists():
        return
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(*prefix, "apt-get", "update", "-qq", env=env)
    run(*prefix, "apt-get", "install", "-y", "-qq", "chromium", env=env)


def locked_version(package: str) -> str | None:
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    return lock["packages"].get(f"node_modules/{package}", {}).get("version")


def installed_version(package: str) -> str | None:
    manifest = ROOT / "node_modules" / package / "package.json"
    if not manifest.exists():
        return None
    return json.loads(manifest.read_text(encoding="utf-8")).get("version")


def ensure_axe() -> None:
    """axe-core from the npm registry, at the version package-lock.json pins."""
    if installed_version("axe-core") == locked_version("axe-core"):
        return
    if not shutil.which("npm"):
        sys.exit("npm is needed for axe-core (the accessibility checker): install Node.js and npm.")
    run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")


def test(pytest_args: list[str]) -> None:
    ensure_venv("test")
    if os.environ.get("KYOSO_SKIP_BROWSER", "").strip() not in {"1", "true", "yes"}:
        ensure_browser()
        ensure_axe()
    compile_translations()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    code = run(str(PYTHON), "-m", "pytest", *pytest_args, env=env, check=False)
    sys.exit(code)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in {"demo", "test"}:
        print(__doc__)
        sys.exit(2)
    if sys.argv[1] == "demo":
        demo()
    else:
        test(sys.argv[2:])


if __name__ == "__main__":
    main()
