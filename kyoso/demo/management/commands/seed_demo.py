"""``manage.py seed_demo``: the demo world of Saga, printed logins included. Safe to run twice."""

import time
import unicodedata

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kyoso.demo import seed as demo


def width(text: str) -> int:
    """Columns a terminal gives the text: kanji and kana take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def pad(text: str, columns: int) -> str:
    return text + " " * (columns - width(text))


class Command(BaseCommand):
    help = "Create the demo data: Saga, its municipalities, partners and one user per role."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true",
                            help="Delete the demo data first and build it again.")
        parser.add_argument("--scale", choices=sorted(demo.SCALES), default="full",
                            help="'small' builds a tenth of the catalog (for quick tests).")

    def handle(self, *args, **options):
        if not settings.KYOSO_DEMO_ALLOWED:
            # The demo creates a superuser with a published password: never in production.
            raise CommandError(
                "The demo data may not be loaded here (KYOSO_DEMO_ALLOWED is off in these "
                "settings). Use config.settings.dev."
            )
        if options["reset"]:
            self.stdout.write("Removing the previous demo data…")
            demo.reset()
        elif demo.demo_exists():
            self.stdout.write(self.style.WARNING(
                "The demo data are already there; nothing was changed "
                "(use --reset to rebuild them)."
            ))
            self.print_logins()
            return
        if demo.foreign_saga_exists():
            raise CommandError(
                "Saga Prefecture (410004) is already in this database but was not created by "
                "seed_demo. Use an empty database, or --reset to replace it."
            )
        started = time.monotonic()
        counts = demo.seed(scale=options["scale"])
        self.stdout.write(self.style.SUCCESS(
            f"Demo data created in {time.monotonic() - started:.1f} s: {counts['bodies']} bodies, "
            f"{counts['projects']:,} catalog projects, {counts['organizations']} organizations, "
            f"{counts['users']} users, {counts['proposals']} proposals of Saga's FY2006-2012 "
            f"history (see /statistics/410004/)."
        ))
        self.print_logins()

    def print_logins(self):
        users = demo.DEMO_USERS
        email_width = max(width(user.email) for user in users)
        role_width = max(width(user.role) for user in users)
        self.stdout.write("")
        self.stdout.write(f"Log in at http://127.0.0.1:8000/accounts/login/ with password "
                          f"{demo.DEMO_PASSWORD!r} for every account:")
        self.stdout.write("")
        self.stdout.write(f"  {'e-mail'.ljust(email_width)}  {'role'.ljust(role_width)}  try")
        self.stdout.write(f"  {'-' * email_width}  {'-' * role_width}  {'-' * 20}")
        for user in users:
            self.stdout.write(
                f"  {pad(user.email, email_width)}  {pad(user.role, role_width)}  {user.try_this}"
            )
        self.stdout.write("")
        bypass = getattr(settings, "MFA_TOTP_INSECURE_BYPASS_CODE", None)
        if bypass:
            self.stdout.write(
                f"Government staff and the administrator are asked for a second factor: enter "
                f"{bypass} (accepted only by the demo settings, with DEBUG on)."
            )
        else:
            self.stdout.write(
                "Government staff and the administrator are asked for a TOTP code; these settings "
                "accept no demo code (run with config.settings.dev to use 000000)."
            )
