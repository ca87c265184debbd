"""Run every benchmark under bench/ in turn (``make bench``).

Each benchmark runs its baseline side by side in the same run and prints the ratio last;
pass extra arguments after ``--`` to all of them, e.g. ``make bench ARGS="-- --quick"``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Tools that live beside the benchmarks but measure nothing against a baseline.
NOT_BENCHMARKS = {"run_all.py", "checkpoint_profile.py"}


def is_benchmark(path: Path) -> bool:
    """A script of its own (helper modules have no ``__main__`` block)."""
    return path.name not in NOT_BENCHMARKS and '__name__ == "__main__"' in path.read_text()


def main() -> int:
    extra = sys.argv[sys.argv.index("--") + 1 :] if "--" in sys.argv else []
    scripts = sorted(p for p in HERE.glob("*.py") if is_benchmark(p))
    failures = 0
    for number, script in enumerate(scripts, 1):
        print(f"\n=== [{number}/{len(scripts)}] {script.name} ===", flush=True)
        result = subprocess.run([sys.executable, str(script), *extra], check=False)
        failures += result.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
