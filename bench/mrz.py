"""MRZ benchmark: our engine against the PyPI package `mrz` (its checker classes).

    uv run python bench/mrz.py [--count 5000] [--rounds 5] [--quick]

Generates real-shaped valid and invalid MRZs of all five formats with a fixed seed, then
times both engines on the same documents in the same run. `mrz` is never installed in
the project: when it cannot be imported here, a separate environment is made in
bench/.venv/mrz (uv venv + uv pip install mrz==MRZ_VERSION) and the baseline runs there
as a subprocess (this same file with --baseline), reading the MRZs from a temp file.
Prints microseconds per document for each engine, and the ratio last.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

MRZ_VERSION = "0.6.2"
SEED = 20261128
REFERENCE = dt.date(2026, 11, 28)
BENCH_DIR = Path(__file__).resolve().parent
VENV = BENCH_DIR / ".venv" / "mrz"
KINDS = ("TD1", "TD2", "TD3", "MRV-A", "MRV-B")


# --- baseline side: stdlib + mrz only (runs in the benchmark venv) -------------------


def _mrz_checkers() -> dict[str, Any]:
    from mrz.checker.mrva import MRVACodeChecker
    from mrz.checker.mrvb import MRVBCodeChecker
    from mrz.checker.td1 import TD1CodeChecker
    from mrz.checker.td2 import TD2CodeChecker
    from mrz.checker.td3 import TD3CodeChecker

    return {
        "TD1": TD1CodeChecker,
        "TD2": TD2CodeChecker,
        "TD3": TD3CodeChecker,
        "MRV-A": MRVACodeChecker,
        "MRV-B": MRVBCodeChecker,
    }


def run_baseline(docs: list[list[str]], rounds: int, report: Any) -> list[bool]:
    """Time the `mrz` checkers; `report(seconds)` is called after each round."""
    checkers = _mrz_checkers()
    verdicts: list[bool] = []
    for _ in range(rounds):
        out: list[bool] = []
        start = time.perf_counter()
        for kind, text in docs:
            try:
                out.append(bool(checkers[kind](text)))
            except Exception:  # mrz raises on wrong lengths and some bad input
                out.append(False)
        report(time.perf_counter() - start)
        verdicts = out
    return verdicts


def baseline_main(path: str, rounds: int) -> None:
    docs = json.loads(Path(path).read_text(encoding="utf-8"))

    def report(seconds: float) -> None:
        print(json.dumps({"seconds": seconds}), flush=True)

    verdicts = run_baseline(docs, rounds, report)
    print(json.dumps({"verdicts": verdicts}), flush=True)


# --- document generation ---------------------------------------------------------------

SURNAMES = ["NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "VU", "DANG", "BUI", "WANG", "LI",
            "ZHANG", "LIU", "CHEN", "HUANG", "KIM", "PARK", "SATO", "MUELLER", "SCHMIDT",
            "SMITH", "IVANOV", "DUBOIS", "MARTIN", "NGUYEN<THI", "VAN<DER<BERG"]  # fmt: skip
GIVEN = ["VAN<AN", "THI<MAI", "MINH<DUC", "HONG<NHUNG", "WEI", "XIAOMING", "NA", "JIAN<GUO",
         "MIN<JUN", "HANS<PETER", "ANNA<MARIA", "JOHN", "OLGA", "PIERRE", "QUANG<HUY"]  # fmt: skip
STATES = ["VNM", "VNM", "VNM", "CHN", "CHN", "KOR", "JPN", "USA", "D", "FRA", "GBR", "RUS",
          "AUS", "THA", "LAO", "KHM"]  # fmt: skip
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
DIGITS = "0123456789"


class Generator:
    def __init__(self, seed: int) -> None:
        from bienphong.engines.mrz.checkdigits import check_char

        self.rng = random.Random(seed)
        self.cd = check_char

    def digits(self, n: int) -> str:
        return "".join(self.rng.choice(DIGITS) for _ in range(n))

    def number(self, state: str) -> str:
        r = self.rng
        if state == "VNM":
            return r.choice("CPNK") + self.digits(7)
        if state == "CHN":
            prefix = r.choice(["E", "EA", "EB", "G"])
            return prefix + self.digits(9 - len(prefix))
        if state == "KOR":
            return "M" + self.digits(8)
        if state in ("USA", "GBR", "AUS"):
            return self.digits(9)
        return "".join(r.choice(ALNUM) for _ in range(9))

    def date(self, start: int, end: int) -> str:
        day = dt.date(start, 1, 1) + dt.timedelta(days=self.rng.randrange((end - start) * 365))
        return day.strftime("%y%m%d")

    def name(self, width: int) -> str:
        raw = self.rng.choice(SURNAMES) + "<<" + self.rng.choice(GIVEN)
        return raw[:width].ljust(width, "<")

    def core(self, number: str, nationality: str) -> tuple[str, str, str, str]:
        birth, expiry = self.date(1940, 2020), self.date(2020, 2036)
        sex = self.rng.choice("MF")
        num = number[:9].ljust(9, "<")
        return num + self.cd(num), nationality.ljust(3, "<"), birth, sex + expiry

    def document(self, kind: str) -> str:
        r = self.rng
        state = r.choice(STATES)
        nationality = state if r.random() < 0.8 else r.choice(STATES)
        number = self.number(state)
        num, nat, birth, sex_expiry = self.core(number, nationality)
        sex, expiry = sex_expiry[0], sex_expiry[1:]
        dates = birth + self.cd(birth) + sex + expiry + self.cd(expiry)
        issuer = state.ljust(3, "<")
        if kind == "TD1":
            if state == "VNM":
                pid = r.choice(["001", "022", "079", "031"]) + r.choice("0123") + self.digits(8)
                num = pid[3:] + self.cd(pid[3:])
                optional = pid + "<<" + self.cd(pid)
            else:
                optional = "<" * 15
            line1 = "ID" + issuer + num + optional
            line2 = dates + nat + "<" * 11
            line2 += self.cd(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
            return "\n".join([line1, line2, self.name(30)])
        if kind in ("TD2", "MRV-B"):
            line1 = ("I<" if kind == "TD2" else "V<") + issuer + self.name(31)
            line2 = num + nat + dates
            if kind == "TD2":
                line2 += "<" * 7
                return line1 + "\n" + line2 + self.cd(line2[0:10] + line2[13:20] + line2[21:35])
            return line1 + "\n" + line2 + "<" * 8
        line1 = ("P<" if kind == "TD3" else "V<") + issuer + self.name(39)
        line2 = num + nat + dates
        if kind == "TD3":
            personal = self.digits(12) if state == "VNM" and r.random() < 0.5 else ""
            personal = personal.ljust(14, "<")
            line2 += personal + (self.cd(personal) if personal[0] != "<" else r.choice("0<"))
            return line1 + "\n" + line2 + self.cd(line2[0:10] + line2[13:20] + line2[21:43])
        return line1 + "\n" + line2 + "<" * 16

    def damage(self, text: str) -> str:
        """One realistic fault: a wrong digit, an OCR letter, a bad date or a lost character."""
        r = self.rng
        lines = text.split("\n")
        row = r.randrange(1, len(lines)) if len(lines) == 2 else 1
        line = lines[row]
        fault = r.random()
        digits_at = [i for i, ch in enumerate(line) if ch.isdigit()]
        if fault < 0.9 and digits_at:
            i = r.choice(digits_at)
            shifted = str((int(line[i]) + r.randrange(1, 10)) % 10)
            new = r.choice("OISBZG") if fault < 0.3 else shifted
            lines[row] = line[:i] + new + line[i + 1 :]
        else:
            i = r.randrange(len(line))
            lines[row] = line[:i] + line[i + 1 :]
        return "\n".join(lines)


def generate(count: int, seed: int) -> list[list[str]]:
    gen = Generator(seed)
    docs: list[list[str]] = []
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        text = gen.document(kind)
        if gen.rng.random() < 0.3:
            text = gen.damage(text)
        docs.append([kind, text])
    return docs


# --- our side and the comparison -------------------------------------------------------


def _baseline_python() -> str:
    python = VENV / "bin" / "python"
    probe = [str(python), "-c", f"import mrz, importlib.metadata as m; "
             f"assert m.version('mrz') == '{MRZ_VERSION}'"]  # fmt: skip
    if python.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return str(python)
    print(f"Preparing {VENV.relative_to(BENCH_DIR.parent)} with mrz=={MRZ_VERSION} ...", flush=True)
    subprocess.run(["uv", "venv", "-q", "--python", sys.executable, str(VENV)], check=True)
    subprocess.run(
        ["uv", "pip", "install", "-q", "--python", str(python), f"mrz=={MRZ_VERSION}"], check=True
    )
    return str(python)


def main() -> None:
    from tqdm import tqdm

    from bienphong.engines.mrz import parse_mrz

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="1000 documents, 3 rounds")
    args = parser.parse_args()
    if args.quick:
        args.count, args.rounds = 1000, 3

    docs = generate(args.count, SEED)
    count = len(docs)
    bar = tqdm(total=2 * args.rounds, desc="rounds", unit="round")

    ours: list[float] = []
    verdicts: list[bool] = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        verdicts = [parse_mrz(text, reference_date=REFERENCE).valid for _, text in docs]
        ours.append(time.perf_counter() - start)
        bar.update()

    theirs: list[float] = []

    def report(seconds: float) -> None:
        theirs.append(seconds)
        bar.update()

    try:
        import mrz  # noqa: F401

        baseline = run_baseline(docs, args.rounds, report)
        where = "in-process"
    except ImportError:
        python = _baseline_python()
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
            json.dump(docs, handle)
        try:
            cmd = [python, __file__, "--baseline", handle.name, str(args.rounds)]
            with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as proc:
                assert proc.stdout is not None
                baseline = []
                for line in proc.stdout:
                    message = json.loads(line)
                    if "seconds" in message:
                        report(message["seconds"])
                    else:
                        baseline = message["verdicts"]
            if proc.returncode:
                raise SystemExit(f"baseline failed with exit code {proc.returncode}")
        finally:
            os.unlink(handle.name)
        where = f"subprocess, {VENV.relative_to(BENCH_DIR.parent)}"
    bar.close()

    our_us = min(ours) / count * 1e6
    their_us = min(theirs) / count * 1e6
    valid = sum(verdicts)
    agree = sum(a == b for a, b in zip(verdicts, baseline, strict=True))
    print(f"documents: {count} ({', '.join(KINDS)}), seed {SEED}, best of {args.rounds} rounds")
    print(f"valid by our engine: {valid}, invalid: {count - valid}")
    print(f"verdicts agreeing with mrz {MRZ_VERSION}: {agree}/{count}")
    print(f"python {sys.version.split()[0]}; baseline {where}")
    print(f"bienphong engine: {our_us:8.2f} us/document")
    print(f"mrz {MRZ_VERSION}:        {their_us:8.2f} us/document")
    print(f"ratio (mrz / ours): {their_us / our_us:.1f}x")


if __name__ == "__main__":
    # This file is called mrz.py: keep `import mrz` from finding it instead of the package.
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH_DIR]
    if len(sys.argv) == 4 and sys.argv[1] == "--baseline":
        baseline_main(sys.argv[2], int(sys.argv[3]))
    else:
        main()
