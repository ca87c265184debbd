"""Every user-facing string has a Vietnamese translation, and the catalogues are current.

The package has a catalogue at ``locale/`` and apps may keep their own ``<app>/locale/``;
``make messages`` refreshes them all (each source file goes to its nearest catalogue).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

import bienphong

PACKAGE = Path(bienphong.__file__).parent
CATALOGUES = sorted(PACKAGE.glob("**/locale/vi/LC_MESSAGES/django.po"))


def test_there_is_a_vietnamese_catalogue():
    assert PACKAGE / "locale" / "vi" / "LC_MESSAGES" / "django.po" in CATALOGUES


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_message_is_translated(catalogue):
    po = polib.pofile(str(catalogue))
    untranslated = [e.msgid for e in po if not e.obsolete and not e.translated()]
    assert untranslated == []


@pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext not installed")
def test_catalogues_cover_every_string_in_the_sources(tmp_path):
    # Extract again into a scratch copy of the package and compare the message ids.
    scratch = tmp_path / "bienphong"
    shutil.copytree(PACKAGE, scratch, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bienphong",
            "makemessages",
            "-l",
            "vi",
            "--no-obsolete",
            "-i",
            "engines/*",
            "--verbosity",
            "0",
        ],
        cwd=scratch,
        check=True,
    )
    missing: dict[str, set[str]] = {}
    for fresh_path in scratch.glob("**/locale/vi/LC_MESSAGES/django.po"):
        relative = fresh_path.relative_to(scratch)
        committed_path = PACKAGE / relative
        committed = (
            {e.msgid for e in polib.pofile(str(committed_path)) if not e.obsolete}
            if committed_path.exists()
            else set()
        )
        fresh = {e.msgid for e in polib.pofile(str(fresh_path))} - {""}
        if fresh - committed:
            missing[str(relative)] = fresh - committed
    assert missing == {}, "run 'make messages' and translate the new strings"
