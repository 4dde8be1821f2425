"""Compile .po catalogs to .mo with polib, so that no gettext tools are needed to run Kyoso."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile every locale/*/LC_MESSAGES/*.po of the project (no GNU gettext needed)."

    def handle(self, *args, **options):
        roots = [
            Path(settings.BASE_DIR) / "locale",
            *Path(settings.BASE_DIR, "kyoso").glob("*/locale"),
        ]
        count = 0
        for root in roots:
            for po_path in root.glob("*/LC_MESSAGES/*.po"):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                count += 1
        self.stdout.write(f"Compiled {count} message catalog(s).")
