"""Japanese is the first language: every catalog must be complete, and compiled as shipped."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CATALOGS = sorted(
    [
        *ROOT.glob("locale/ja/LC_MESSAGES/django.po"),
        *ROOT.glob("kyoso/*/locale/ja/LC_MESSAGES/django.po"),
    ]
)


def test_there_are_japanese_catalogs():
    assert CATALOGS, "no Japanese message catalogs found"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_message_is_translated(path):
    catalog = polib.pofile(str(path))
    missing = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert not missing, f"untranslated in {path}: {missing[:10]}"
    assert not fuzzy, f"fuzzy in {path}: {fuzzy[:10]}"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_placeholders_survive_translation(path):
    import re

    placeholder = re.compile(r"%\(\w+\)[sd]|\{\w*\}")
    for entry in polib.pofile(str(path)).translated_entries():
        if entry.msgid_plural:
            continue
        assert sorted(placeholder.findall(entry.msgid)) == sorted(
            placeholder.findall(entry.msgstr)
        ), f"{path}: {entry.msgid!r}"
