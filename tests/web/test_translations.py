"""Every user-facing string has a Vietnamese translation, and the catalogue is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

import bienphong

PACKAGE = Path(bienphong.__file__).parent
CATALOGUE = PACKAGE / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def test_every_message_is_translated():
    po = polib.pofile(str(CATALOGUE))
    untranslated = [e.msgid for e in po if not e.obsolete and not e.translated()]
    assert untranslated == []


@pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext not installed")
def test_catalogue_covers_every_string_in_the_sources(tmp_path):
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
    fresh = {e.msgid for e in polib.pofile(str(scratch / CATALOGUE.relative_to(PACKAGE)))}
    committed = {e.msgid for e in polib.pofile(str(CATALOGUE)) if not e.obsolete}
    assert fresh - committed == set(), "run 'make messages' and translate the new strings"
