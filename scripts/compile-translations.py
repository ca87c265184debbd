"""Compile every .po catalogue under src/bienphong to .mo without GNU gettext (polib).

Used when msgfmt is not installed and cannot be (no root); Django's compilemessages is
used otherwise.
"""

from __future__ import annotations

from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent / "src" / "bienphong"

for po_path in sorted(ROOT.glob("**/locale/*/LC_MESSAGES/*.po")):
    polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
    print(f"compiled {po_path.relative_to(ROOT)}")
