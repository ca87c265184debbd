"""Task status as the government tracks it.

A task is *done on time* when it was completed on or before its deadline, *done late*
when completed after it, *open within deadline* while not completed and today is on or
before the deadline, and *open overdue* once today is past the deadline.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class TaskStatus(StrEnum):
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    OPEN_WITHIN_DEADLINE = "open_within_deadline"
    OPEN_OVERDUE = "open_overdue"

    @property
    def is_done(self) -> bool:
        return self in (TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE)


def classify(*, deadline: date, completed_on: date | None, today: date) -> TaskStatus:
    """The status of a task with ``deadline``, completed on ``completed_on`` (or not)."""
    if completed_on is not None:
        return TaskStatus.DONE_ON_TIME if completed_on <= deadline else TaskStatus.DONE_LATE
    return TaskStatus.OPEN_WITHIN_DEADLINE if today <= deadline else TaskStatus.OPEN_OVERDUE


def is_overdue(*, deadline: date, completed_on: date | None, today: date) -> bool:
    return classify(deadline=deadline, completed_on=completed_on, today=today) is (
        TaskStatus.OPEN_OVERDUE
    )
