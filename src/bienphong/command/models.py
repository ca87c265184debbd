"""Crossing rollups: pre-counted crossings per gate and local day (Asia/Ho_Chi_Minh).

Two narrow tables rather than one wide one, because a wide key (hour x nationality x
document type) barely compresses 10M rows: ``CrossingHourly`` answers by gate, day,
month, hour, direction and decision; ``CrossingDaily`` by nationality, document type
and reason. Both hold exactly the effective crossings with ``id <= RollupState.watermark``;
later rows (and corrections of earlier ones) are read from the raw table at query time
(``bienphong.command.rollup``), so statistics always equal a plain GROUP BY.
``CrossingMonthlyHourly`` and ``CrossingMonthly`` are the same two summed per month,
kept in step with them, for the full months of long periods.
"""

from __future__ import annotations

from django.db import models


class HourCounts(models.Model):
    """Crossings per gate, hour of day, direction and decision, in one period."""

    unit_id = models.IntegerField()
    hour = models.PositiveSmallIntegerField()
    direction = models.CharField(max_length=8)
    decision = models.CharField(max_length=10)
    n = models.IntegerField(default=0)

    KEY = ["unit_id", "hour", "direction", "decision"]

    class Meta:
        abstract = True


class BreakdownCounts(models.Model):
    """Crossings per gate, direction, decision, reason, nationality and document type,
    in one period."""

    unit_id = models.IntegerField()
    direction = models.CharField(max_length=8)
    decision = models.CharField(max_length=10)
    reason_code = models.CharField(max_length=32, blank=True, default="")
    nationality = models.CharField(max_length=3)
    document_type = models.CharField(max_length=24)
    n = models.IntegerField(default=0)

    KEY = ["unit_id", "direction", "decision", "reason_code", "nationality", "document_type"]

    class Meta:
        abstract = True


def period_key(key: list[str], period: str) -> list[str]:
    """The unique key with the period column second, as the migrations created it."""
    return [key[0], period, *key[1:]]


class CrossingHourly(HourCounts):
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=period_key(HourCounts.KEY, "day"), name="command_hourly_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.day} {self.hour}h: {self.n}"


class CrossingDaily(BreakdownCounts):
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=period_key(BreakdownCounts.KEY, "day"), name="command_daily_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.day}: {self.n}"


class CrossingMonthlyHourly(HourCounts):
    """``CrossingHourly`` summed per calendar month (``month`` is its first day): a year
    is twelve of these rows per key instead of 365 days of them."""

    month = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=period_key(HourCounts.KEY, "month"), name="command_monthly_hourly_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%Y-%m} {self.hour}h: {self.n}"


class CrossingMonthly(BreakdownCounts):
    """``CrossingDaily`` summed per calendar month (``month`` is its first day)."""

    month = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=period_key(BreakdownCounts.KEY, "month"), name="command_monthly_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%Y-%m}: {self.n}"


class RollupState(models.Model):
    """One row per rollup family: the highest crossing id the rollups cover."""

    key = models.CharField(max_length=16, primary_key=True, default="crossings")
    watermark = models.BigIntegerField(default=0)
    refreshed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.key} @ {self.watermark}"
