"""`bienphong demo --crossings N`: N realistic crossings over five years at the demo gates.

Volumes follow what the province sees: Móng Cái (Bắc Luân I and II) carries most of the
traffic; weekends, summer and the weeks around Tết are busier (Tết days themselves are
quiet); gates open 07:00-22:00 with morning and afternoon peaks; entries and exits
balance; travellers are mostly Vietnamese and Chinese and cross many times with the same
document. About 1.5% are refused or referred, with reasons from the configured lists.

Rows are built in numpy and written with ``executemany`` (SQLite) or ``COPY``
(PostgreSQL), in chunks, behind a tqdm bar. Generated crossings carry lane ``demo``;
a second run refuses instead of doubling the data.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import connection, transaction
from django.utils import timezone

from . import rollup

DEMO_LANE = "demo"
YEARS = 5
CHUNK = 100_000
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
NATIONALITIES = {"VNM": 0.55, "CHN": 0.38, "KOR": 0.02, "RUS": 0.01, "USA": 0.01}
OTHER_NATIONALITIES = ["THA", "MYS", "JPN", "FRA", "DEU", "GBR", "AUS", "LAO"]
DOC_TYPES = {
    "VNM": (["passport", "border_area_pass", "border_resident_pass"], [0.45, 0.4, 0.15]),
    "CHN": (["passport", "cn_exit_entry_pass", "border_resident_pass"], [0.35, 0.5, 0.15]),
}
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


def _travellers(rng: np.random.Generator, count: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Create ``count`` travellers with one document each; return their ids, document
    ids and nationalities."""
    from bienphong.checkpoint.models import TravelDocument, Traveller

    codes = [*NATIONALITIES, *OTHER_NATIONALITIES]
    share = 1 - sum(NATIONALITIES.values())
    probs = [
        *NATIONALITIES.values(),
        *[share / len(OTHER_NATIONALITIES)] * len(OTHER_NATIONALITIES),
    ]
    nats = rng.choice(codes, size=count, p=probs)
    start = Traveller.objects.count()
    people = [
        Traveller(
            full_name=f"DEMO TRAVELLER {start + i}",
            name_key=f"DEMO TRAVELLER {start + i}",
            nationality=str(nat),
            birth_date_text="",
        )
        for i, nat in enumerate(nats)
    ]
    Traveller.objects.bulk_create(people, batch_size=5000)
    ids = list(
        Traveller.objects.filter(full_name__startswith="DEMO TRAVELLER ")
        .order_by("pk")
        .values_list("pk", "nationality")
    )[-count:]
    docs = []
    for i, (pk, nat) in enumerate(ids):
        kinds, p = DOC_TYPES.get(nat, (["passport"], [1.0]))
        kind = str(rng.choice(kinds, p=p))
        docs.append(
            TravelDocument(
                traveller_id=pk, doc_type=kind, number=f"D{start + i:08d}", issuing_state=nat
            )
        )
    TravelDocument.objects.bulk_create(docs, batch_size=5000)
    doc_ids = (
        dict(
            TravelDocument.objects.filter(
                number__startswith="D", traveller_id__in=[p for p, _ in ids]
            ).values_list("traveller_id", "pk")
        )
        if count <= 50_000
        else _doc_ids_by_range(ids)
    )
    return (
        np.array([pk for pk, _ in ids]),
        np.array([doc_ids[pk] for pk, _ in ids]),
        [nat for _, nat in ids],
    )


def _doc_ids_by_range(ids: list[tuple[int, str]]) -> dict[int, int]:
    from bienphong.checkpoint.models import TravelDocument

    low, high = ids[0][0], ids[-1][0]
    return dict(
        TravelDocument.objects.filter(traveller_id__gte=low, traveller_id__lte=high).values_list(
            "traveller_id", "pk"
        )
    )


COLUMNS = (
    "traveller_id", "document_id", "unit_id", "lane", "direction", "at", "officer_id",
    "decision", "reason_code", "reason_text", "purpose", "destination", "nationality",
    "no_entry_record", "overstay_days", "checks", "correction_reason", "created_at",
)  # fmt: skip


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
    refusal, referral = _reasons(ListKind.REFUSAL_REASON), _reasons(ListKind.REFERRAL_REASON)
    pool = max(50, crossings // 25)
    with transaction.atomic():
        traveller_ids, doc_ids, nats = _travellers(rng, pool)
        nat_array = np.array(nats)
        # Frequent crossers: a Zipf-like popularity makes some travellers cross often.
        popularity = 1 / np.arange(1, pool + 1) ** 0.6
        popularity /= popularity.sum()
        per_day = rng.multinomial(crossings, _day_weights(days))
        epoch = [
            int(dt.datetime.combine(d, dt.time.min, tzinfo=rollup.LOCAL_TZ).timestamp())
            for d in days
        ]
        day_index = np.repeat(np.arange(len(days)), per_day)
        hour_p = HOUR_CURVE / HOUR_CURVE.sum()
        now = _stamp(int(timezone.now().timestamp()))
        for lo in range(0, crossings, CHUNK):
            idx = day_index[lo : lo + CHUNK]
            n = len(idx)
            seconds = (
                np.array(epoch)[idx]
                + rng.choice(24, size=n, p=hour_p) * 3600
                + rng.integers(0, 3600, size=n)
            )
            who = rng.choice(pool, size=n, p=popularity)
            gate = rng.choice(len(gate_ids), size=n, p=gate_p)
            direction = np.where(rng.random(n) < 0.5, "entry", "exit")
            roll = rng.random(n)
            decision = np.where(
                roll < REFUSED,
                "refused",
                np.where(roll < REFUSED + REFERRED, "referred", "admitted"),
            )
            reason = np.where(
                decision == "refused",
                rng.choice(refusal, size=n),
                np.where(decision == "referred", rng.choice(referral, size=n), ""),
            )
            order = np.argsort(seconds, kind="stable")
            rows = [
                (
                    int(traveller_ids[who[i]]),
                    int(doc_ids[who[i]]),
                    int(gate_ids[gate[i]]),
                    DEMO_LANE,
                    str(direction[i]),
                    _stamp(int(seconds[i])),
                    officer_id,
                    str(decision[i]),
                    str(reason[i]),
                    "",
                    "",
                    "",
                    str(nat_array[who[i]]),
                    False,
                    0,
                    "{}",
                    "",
                    now,
                )
                for i in order
            ]
            _write(rows)
            if progress:
                progress(n)
    return Result(crossings, pool, (timezone.now() - started).total_seconds())


def _stamp(seconds: int) -> str:
    # UTC in the form Django itself stores on SQLite (compared as text there).
    text = dt.datetime.fromtimestamp(seconds, tz=dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
    return text + "+00:00" if connection.vendor == "postgresql" else text


def _write(rows: list[tuple[Any, ...]]) -> None:
    table = "checkpoint_crossing"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            buffer = io.StringIO()
            for row in rows:
                buffer.write("\t".join(_copy_value(v) for v in row) + "\n")
            with cursor.cursor.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                copy.write(buffer.getvalue())
        else:
            marks = ", ".join(["%s"] * len(COLUMNS))
            sql = f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({marks})"  # noqa: S608
            cursor.executemany(sql, rows)


def _copy_value(value: Any) -> str:
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, dict):
        return json.dumps(value)
    return str(value)
