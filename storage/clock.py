"""The bot's one "now": real UTC time plus an offset that only dev and drills move.

Every business time (reminders, windows, no-shows, automatic confirmation,
expiry, reports, ledger times) is read from CLOCK. In production the offset is
zero and nothing can change it: the offset is only read from Redis, and only
written, when `[dev] movable_clock` is on (bot/dev_clock.py). Protocol times
(WeChat's signatures and timestamps, rate limits, retry budgets) stay on the
real clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

OFFSET_KEY = "timebank:clock:offset_s"  # seconds ahead of real time, shared by the bot's processes


class ClockError(ValueError):
    pass


class Clock:
    def __init__(self) -> None:
        self._offset_s = 0.0

    def now(self) -> datetime:
        return datetime.now(timezone.utc) + self.offset

    @property
    def offset(self) -> timedelta:
        return timedelta(seconds=self._offset_s)

    async def load(self, redis) -> None:
        """Take the offset another process set (the worker, a second server)."""
        self._offset_s = float(await redis.get(OFFSET_KEY) or 0.0)

    async def advance(self, redis, seconds: float) -> datetime:
        """Forward only: time that went back would let tasks finish before they started."""
        if seconds <= 0:
            raise ClockError("the clock only moves forward")
        self._offset_s = float(await redis.incrbyfloat(OFFSET_KEY, seconds))
        return self.now()

    async def set(self, redis, when: datetime) -> datetime:
        if when.tzinfo is None:
            raise ClockError("a time needs its UTC offset, e.g. 2026-12-05T08:50+08:00")
        return await self.advance(redis, (when - self.now()).total_seconds())

    def start_at(self, when: datetime) -> None:
        """This process only: read `when` now and run on from there, backwards too. For tests, whose stories
        must not depend on the hour the suite runs; a running bot moves its clock only through Redis."""
        self._offset_s = (when - datetime.now(timezone.utc)).total_seconds()

    def reset(self) -> None:
        """Back to real time in this process (tests, and a process whose clock is not movable)."""
        self._offset_s = 0.0


CLOCK = Clock()


def utcnow() -> datetime:
    return CLOCK.now()
