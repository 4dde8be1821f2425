"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

No test tool downloads a browser: ``scripts/dev.py test`` installs Debian's ``chromium`` and
``npm ci`` brings axe-core. When either is missing these tests FAIL, so that CI can never pass
without running them. ``KYOSO_SKIP_BROWSER=1`` skips them, for quick local runs only.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Playwright's sync API keeps an asyncio loop running in this thread; the ORM refuses to run
# "inside" it unless told that the test thread really is synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = Path(os.environ.get("KYOSO_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Playwright waits this long for an element or a page before failing the test.
TIMEOUT_MS = 15_000


def skip_requested() -> bool:
    return os.environ.get("KYOSO_SKIP_BROWSER", "").strip() in {"1", "true", "yes"}


def pytest_collection_modifyitems(config, items):
    if not skip_requested():
        return
    skip = pytest.mark.skip(reason="KYOSO_SKIP_BROWSER=1: browser tests skipped on request")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def missing_tools() -> list[str]:
    missing = []
    if not CHROMIUM.exists():
        missing.append(
            f"Chromium not found at {CHROMIUM}: install Debian's package "
            "(`apt-get install chromium`, which `python3 scripts/dev.py test` does)."
        )
    if not AXE_JS.exists():
        missing.append(
            f"axe-core not found at {AXE_JS}: run `npm ci` in {ROOT} "
            "(`python3 scripts/dev.py test` does)."
        )
    return missing


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.exists():
        pytest.fail("\n".join(missing_tools()), pytrace=False)
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser():
    missing = missing_tools()
    if missing:
        pytest.fail(
            "Browser tests cannot run:\n  " + "\n  ".join(missing)
            + "\nSet KYOSO_SKIP_BROWSER=1 to skip them on purpose (never in CI).",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        # launch() gives Chromium a fresh temporary user-data-dir and removes it afterwards
        # (it refuses --user-data-dir in args), so no run sees another run's profile.
        chromium = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def context(browser, live_server):
    """A fresh browser context (cookies, storage) per test, set up like a visitor in Japan.
    URLs are relative to the live server: ``page.goto("/catalog/")``."""
    context = browser.new_context(
        base_url=live_server.url, locale="ja-JP", timezone_id="Asia/Tokyo"
    )
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_navigation_timeout(TIMEOUT_MS)
    yield page
    page.close()


@pytest.fixture
def sign_in(context, live_server):
    """Sign a user in by handing the browser a session cookie (tests of the login form itself
    go through the form; everything else need not)."""
    from django.conf import settings
    from django.test import Client

    def sign_in(user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )
        return user

    return sign_in


class AxeViolations(AssertionError):
    pass


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} WCAG 2.1 AA violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'n/a'}): {violation['help']}"
            f"\n    {violation.get('helpUrl', '')}"
        )
        for node in violation["nodes"][:10]:
            target = " ".join(str(part) for part in node.get("target", []))
            lines.append(f"    at {target}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    ... and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


@pytest.fixture
def axe_check(axe_source):
    """``axe_check(page)`` fails the test with a readable list if the page breaks WCAG 2.1 AA."""

    def check(page, *, context: str = "document", stylesheet: bool = True) -> dict:
        # Colour contrast can only be judged with the stylesheet applied: make sure it is.
        # (Only 500.html goes without: it must render when nothing else works.)
        if stylesheet:
            css_rules = page.evaluate(
                """() => Array.from(document.styleSheets)
                    .filter(sheet => (sheet.href || '').includes('/static/css/kyoso.css'))
                    .reduce((n, sheet) => n + sheet.cssRules.length, 0)"""
            )
            assert css_rules > 0, f"kyoso.css did not load on {page.url}"
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            # Evaluated through the DevTools protocol: a <script> added to the page would be
            # refused by Kyoso's Content-Security-Policy (which the tests keep on).
            page.evaluate(axe_source)
        results = page.evaluate(
            """async ([selector, tags]) => await axe.run(
                selector === 'document' ? document : selector,
                {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
            [context, WCAG_21_AA],
        )
        if results["violations"]:
            raise AxeViolations(format_violations(page.url, results["violations"]))
        return results

    return check
