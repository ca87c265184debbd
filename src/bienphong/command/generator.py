"""`bienphong demo --crossings N`: N realistic crossings over five years at the demo gates.

Volumes follow what the province sees: Móng Cái (Bắc Luân I and II) carries most of the
traffic; weekends, summer and the weeks around Tết are busier (Tết days themselves are
quiet); gates open 07:00-22:00 with morning and afternoon peaks; entries and exits
balance; travellers are mostly Vietnamese and Chinese and cross many times with the same
document. About 1.5% are refused or referred, with reasons from the configured lists.

Rows are built column-wise in numpy, a quarter million at a time, and written with
``executemany`` (SQLite) or ``COPY`` (PostgreSQL) in one transaction with the crossing
table's secondary indexes rebuilt once at the end (``bulkload``), behind a tqdm bar.
Generated crossings carry lane ``demo``; a second run refuses instead of doubling the
data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import connection, transaction
from django.utils import timezone

from . import bulkload, people, rollup

DEMO_LANE = "demo"
YEARS = 5
CHUNK = 250_000
# Below this many crossings the indexes are kept: rebuilding them would cost more.
DROP_INDEXES_FROM = 200_000
GATE_WEIGHTS = {
    "CK-BL1": 0.42,
    "CK-BL2": 0.22,
    "CK-KL": 0.07,
    "LM-KM3": 0.04,
    "CK-HM": 0.09,
    "CK-BPS": 0.07,
    "CK-PH": 0.03,
}
OTHER_GATE_WEIGHT = 0.02
# Lunar new year (first day), for the Tết surge and lull.
TET = [dt.date(y, m, d) for y, m, d in [
    (2020, 1, 25), (2021, 2, 12), (2022, 2, 1), (2023, 1, 22), (2024, 2, 10),
    (2025, 1, 29), (2026, 2, 17), (2027, 2, 6),
]]  # fmt: skip
HOUR_CURVE = np.array(
    [0, 0, 0, 0, 0, 0, 0.2, 3, 8, 10, 9, 7, 5, 5, 7, 9, 10, 8, 6, 4, 3, 2, 0.6, 0], dtype=float
)
REFUSED, REFERRED = 0.008, 0.007


class AlreadyGenerated(Exception):
    pass


@dataclass
class Result:
    crossings: int
    travellers: int
    seconds: float


def _day_weights(days: list[dt.date]) -> np.ndarray:
    ordinal = np.array([d.toordinal() for d in days], dtype=float)
    weekday = np.array([d.weekday() for d in days])
    weights = np.where(weekday >= 4, 1.25, 1.0)
    day_of_year = np.array([d.timetuple().tm_yday for d in days], dtype=float)
    weights *= 1 + 0.18 * np.sin((day_of_year - 100) / 365 * 2 * np.pi)  # summer peak
    weights *= 1 + 0.06 * (ordinal - ordinal[0]) / 365  # traffic grows each year
    for tet in TET:
        offset = ordinal - tet.toordinal()
        weights = np.where((offset >= -10) & (offset < 0), weights * 1.7, weights)
        weights = np.where((offset >= 0) & (offset <= 3), weights * 0.3, weights)
        weights = np.where((offset > 3) & (offset <= 10), weights * 1.4, weights)
    normalised: np.ndarray = weights / weights.sum()
    return normalised


def _gates() -> tuple[list[int], np.ndarray]:
    from bienphong.org.models import Unit, UnitType

    gates = list(Unit.objects.filter(unit_type=UnitType.GATE).values_list("pk", "code"))
    if not gates:
        raise AlreadyGenerated("No gates: load the demo units first (bienphong demo).")
    weights = np.array([GATE_WEIGHTS.get(code, OTHER_GATE_WEIGHT) for _, code in gates])
    return [pk for pk, _ in gates], weights / weights.sum()


def _reasons(kind: str) -> list[str]:
    from bienphong.checkpoint.models import ListItem

    codes = list(ListItem.objects.filter(kind=kind, is_active=True).values_list("code", flat=True))
    return codes or ["other"]


CONSTANT_COLUMNS = (
    "lane", "officer_id", "reason_text", "purpose", "destination", "no_entry_record",
    "overstay_days", "checks", "correction_reason", "created_at",
)  # fmt: skip
DIRECTIONS = np.array(["entry", "exit"])
SECOND_DOCUMENT_SHOWN = 0.4


def generate(
    *,
    crossings: int,
    officer_id: int,
    seed: int = 7,
    end: dt.date | None = None,
    progress: Callable[[int], Any] | None = None,
) -> Result:
    """Insert ``crossings`` demo crossings ending yesterday; refuse if already done."""
    from bienphong.checkpoint.models import Crossing, ListKind

    started = timezone.now()
    if Crossing.objects.filter(lane=DEMO_LANE).exists():
        raise AlreadyGenerated(
            "Demo crossings are already present; refusing to generate them twice."
        )
    rng = np.random.default_rng(seed)
    end = end or timezone.localdate() - dt.timedelta(days=1)
    days = [end - dt.timedelta(days=i) for i in range(365 * YEARS, -1, -1)]
    gate_ids, gate_p = _gates()
    refusal = np.array(_reasons(ListKind.REFUSAL_REASON))
    referral = np.array(_reasons(ListKind.REFERRAL_REASON))
    pool = max(50, crossings // 25)
    table = Crossing._meta.db_table
    with transaction.atomic():
        who_is = people.create(rng, pool, started)
        # Frequent crossers: a Zipf-like popularity makes some travellers cross often.
        popularity = 1 / np.arange(1, pool + 1) ** 0.6
        popularity /= popularity.sum()
        per_day = rng.multinomial(crossings, _day_weights(days))
        epoch = np.array(
            [
                int(dt.datetime.combine(d, dt.time.min, tzinfo=rollup.LOCAL_TZ).timestamp())
                for d in days
            ]
        )
        day_index = np.repeat(np.arange(len(days)), per_day)
        hour_p = HOUR_CURVE / HOUR_CURVE.sum()
        context = {"gate_ids": np.array(gate_ids), "gate_p": gate_p, "hour_p": hour_p,
                   "popularity": popularity, "refusal": refusal, "referral": referral}  # fmt: skip
        with bulkload.bulk_load(table, drop_indexes=crossings >= DROP_INDEXES_FROM):
            for lo, hi in _chunks(per_day):
                seconds = epoch[day_index[lo:hi]]
                columns = _chunk(rng, seconds, who_is, context)
                _write(table, columns, officer_id=officer_id, now=started)
                if progress:
                    progress(len(seconds))
    return Result(crossings, pool, (timezone.now() - started).total_seconds())


def _chunks(per_day: np.ndarray) -> list[tuple[int, int]]:
    """About ``CHUNK`` crossings each, cut at day boundaries so that rows sorted within
    a chunk are in time order overall (ids follow time, as in a real log)."""
    ends = np.cumsum(per_day)
    total = int(ends[-1]) if len(ends) else 0
    wanted = np.arange(CHUNK, total, CHUNK)
    cuts = sorted({*ends[np.searchsorted(ends, wanted)].tolist(), total} - {0})
    return list(zip([0, *cuts[:-1]], cuts, strict=True))


def _chunk(
    rng: np.random.Generator, day_start: np.ndarray, who_is: people.People, ctx: dict[str, Any]
) -> dict[str, list[Any]]:
    """The varying columns of one chunk of crossings, in time order, as Python lists."""
    n = len(day_start)
    seconds = day_start + rng.choice(24, size=n, p=ctx["hour_p"]) * 3600
    seconds += rng.integers(0, 3600, size=n)
    order = np.argsort(seconds, kind="stable")
    seconds = seconds[order]
    who = rng.choice(len(who_is.traveller_ids), size=n, p=ctx["popularity"])
    second = who_is.second_doc[who]
    doc = np.where((second >= 0) & (rng.random(n) < SECOND_DOCUMENT_SHOWN), second,
                   who_is.first_doc[who])  # fmt: skip
    roll = rng.random(n)
    decision = np.where(
        roll < REFUSED, "refused", np.where(roll < REFUSED + REFERRED, "referred", "admitted")
    )
    reason = np.where(
        decision == "refused",
        rng.choice(ctx["refusal"], size=n),
        np.where(decision == "referred", rng.choice(ctx["referral"], size=n), ""),
    )
    at = np.datetime_as_string(seconds.astype("datetime64[s]"), unit="s")
    return {
        "traveller_id": who_is.traveller_ids[who].tolist(),
        "document_id": doc.tolist(),
        "unit_id": ctx["gate_ids"][
            rng.choice(len(ctx["gate_ids"]), size=n, p=ctx["gate_p"])
        ].tolist(),
        "direction": DIRECTIONS[(rng.random(n) < 0.5).astype(int)].tolist(),
        "at": np.char.replace(at, "T", " ").tolist(),
        "decision": decision.tolist(),
        "reason_code": reason.tolist(),
        "nationality": who_is.nationality[who].tolist(),
    }


def _write(table: str, columns: dict[str, list[Any]], *, officer_id: int, now: dt.datetime) -> None:
    """One chunk: the varying columns plus the constant ones (lane, officer, empty texts)."""
    stamp = now.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
    names = (*columns, *CONSTANT_COLUMNS)
    values = zip(*columns.values(), strict=True)
    if connection.vendor == "postgresql":
        # The constant tail of every COPY line, then one f-string per row.
        tail = f"{DEMO_LANE}\t{officer_id}\t\t\t\tf\t0\t{{}}\t\t{stamp}+00:00\n"
        bulkload.copy_lines(
            table,
            names,
            (
                f"{t}\t{d}\t{u}\t{di}\t{a}+00:00\t{de}\t{r}\t{na}\t{tail}"
                for t, d, u, di, a, de, r, na in values
            ),
        )
    else:
        constant = (DEMO_LANE, officer_id, "", "", "", False, 0, "{}", "", stamp)
        bulkload.write(table, names, list(values), constant)
