"""A fixed one-minute window per caller, in Redis: the shape of the per-member message rate (storage/arrival.py),
for callers who are not members (an address checking proof codes).

A burst may straddle two minutes (up to twice the limit in a moment): enough against guessing, no sorted set.
"""

from __future__ import annotations

import time

from redis.asyncio import Redis

RATE_WINDOW_S = 60


async def within_rate(redis: Redis, scope: str, caller: str, per_minute: int, *, now: float | None = None) -> bool:
    """Counts this call; whether the caller is still within `per_minute` calls in the current minute."""
    minute = int((time.time() if now is None else now) // RATE_WINDOW_S)
    key = f"rate:{scope}:{caller}:{minute}"
    async with redis.pipeline(transaction=True) as pipe:
        count, _ = await pipe.incr(key).expire(key, RATE_WINDOW_S * 2).execute()
    return count <= per_minute
