"""Steps several browser tests take, written the way a person does them."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)

PASSWORD = "correct horse battery"  # the factories' password for every user


def path_of(page) -> str:
    return urlsplit(page.url).path


def activate_totp(user) -> str:
    """Set up an authenticator app for the user, as they would on first login; returns the
    secret the app would keep."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret: str, *, step: int = 0) -> str:
    """What the authenticator app shows now (or ``step`` periods later)."""
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD + step
    return format_hotp_value(hotp_value(secret, counter))


def log_in_with_form(
    page, email: str, password: str = PASSWORD, *, prefix: str = "", next: str = ""
) -> None:
    """Fill the e-mail and password form and submit it; ``prefix="/en"`` for English."""
    page.goto(f"{prefix}/accounts/login/" + (f"?next={next}" if next else ""))
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
