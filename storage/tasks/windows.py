"""When a service may be asked for, started and finished, and how many minutes it earns: one set of rules.

Every front end (chat, console, background jobs) goes through storage, so
the windows here are the only ones: a handler may ask earlier to be kind,
never decide differently.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from fractions import Fraction

from storage.tasks.errors import CheckInTooEarly, CheckInTooLate, InvalidTask, ShortVisit
from storage.tasks.values import TaskRules

PAY_STEP_MIN = 5  # served minutes are paid in whole steps of this, rounded down


# What a request's timing must be, in order: the first one broken names the refusal.
REQUEST_TIMING: tuple[tuple[str, Callable[[datetime, int, TaskRules, datetime], bool]], ...] = (
    ("a request starts in the future", lambda start, minutes, rules, now: start > now),
    ("a request needs {rules.min_notice_min} minutes' notice",
     lambda start, minutes, rules, now: start >= now + timedelta(minutes=rules.min_notice_min)),
    ("a request starts within {rules.max_ahead_days} days",
     lambda start, minutes, rules, now: start <= now + timedelta(days=rules.max_ahead_days)),
    ("a duration is {rules.min_duration_min} to {rules.max_duration_min} minutes",
     lambda start, minutes, rules, now: rules.min_duration_min <= minutes <= rules.max_duration_min),
)


def check_request_timing(starts_at: datetime, duration_min: int, rules: TaskRules, now: datetime) -> None:
    """A request is asked for with enough notice, not too far ahead, for a duration in range."""
    for why, holds in REQUEST_TIMING:
        if not holds(starts_at, duration_min, rules, now):
            raise InvalidTask(why.format(rules=rules))


def check_in_opens(starts_at: datetime, rules: TaskRules) -> datetime:
    return starts_at - timedelta(minutes=rules.check_in_early_min)


def check_in_closes(starts_at: datetime, rules: TaskRules) -> datetime:
    return starts_at + timedelta(minutes=rules.check_in_late_min)


def check_in_window(starts_at: datetime, rules: TaskRules, now: datetime) -> None:
    if now < check_in_opens(starts_at, rules):
        raise CheckInTooEarly(check_in_opens(starts_at, rules))
    if now > check_in_closes(starts_at, rules):
        raise CheckInTooLate(check_in_closes(starts_at, rules))


def served_min(checked_in_at: datetime, checked_out_at: datetime) -> int:
    return max(0, int((checked_out_at - checked_in_at).total_seconds() // 60))


def is_short(checked_in_at: datetime, checked_out_at: datetime, rules: TaskRules) -> bool:
    return served_min(checked_in_at, checked_out_at) < rules.min_visit_min


def check_out_window(checked_in_at: datetime, rules: TaskRules, now: datetime, *, sure: bool) -> None:
    """A visit shorter than the minimum is asked about once ("确定做完了吗？"), then recorded and flagged."""
    if not sure and is_short(checked_in_at, now, rules):
        raise ShortVisit(served_min(checked_in_at, now))


def measured(starts_at: datetime, checked_in_at: datetime | None, checked_out_at: datetime | None,
             now: datetime) -> tuple[datetime, datetime]:
    """The visit as recorded; a missing check-in counts from the planned start, a missing check-out until now.

    So an elder confirming without either vouches at most for the time since the planned start.
    """
    return checked_in_at or starts_at, checked_out_at or now


def payable_service_min(duration_min: int, began: datetime, ended: datetime, rules: TaskRules) -> int:
    """Service minutes to pay: served, capped at planned + tolerance, rounded down to PAY_STEP_MIN."""
    served = min(served_min(began, ended), duration_min + rules.pay_tolerance_min)
    return served - served % PAY_STEP_MIN


def credits_for(cost_min: int, duration_min: int, service_min: int) -> int:
    """The agreed price (weighted when posted) for `service_min` of the planned `duration_min`, half up."""
    return math.floor(Fraction(cost_min * service_min, duration_min) + Fraction(1, 2))


def held_cost(cost_min: int, duration_min: int, rules: TaskRules) -> int:
    """What acceptance reserves: enough to pay the planned duration plus the tolerance."""
    return credits_for(cost_min, duration_min, duration_min + rules.pay_tolerance_min)


def broke_windows(checked_in_at: datetime | None, checked_out_at: datetime | None,
                  check_in_distance_m: int | None, check_out_distance_m: int | None, rules: TaskRules) -> bool:
    """True when a person must look before paying: unmeasured, short, or far from the place."""
    if checked_in_at is None or checked_out_at is None:
        return True
    far = any(d is not None and d > rules.far_check_in_m for d in (check_in_distance_m, check_out_distance_m))
    return far or is_short(checked_in_at, checked_out_at, rules)


@dataclass(frozen=True)
class Pay:
    """What a confirmation now would pay: shown to the elder, posted by storage."""

    planned_min: int
    served_min: int
    paid_service_min: int
    credits_min: int  # the weighted amount the volunteer earns


def pay_for(task, rules: TaskRules, now: datetime) -> Pay:
    """`task`: a ServiceRequestRow or a Task (the same fields)."""
    began, ended = measured(task.starts_at, task.checked_in_at, task.checked_out_at, now)
    paid = payable_service_min(task.duration_min, began, ended, rules)
    return Pay(task.duration_min, served_min(began, ended), paid, credits_for(task.cost_min, task.duration_min, paid))
