"""How many messages each member sent this minute: a counter in Redis, shared by every bot process."""

from __future__ import annotations

import time

from redis.asyncio import Redis

WINDOW_S = 60


class MessageRate:
    """A fixed one-minute window per member: one INCR per message, the key expires with its window.

    Fixed windows let a burst straddle two minutes (up to twice the limit in a moment); that is
    fine against a stuck phone or a script, and costs one round trip instead of a sorted set.
    """

    def __init__(self, redis: Redis, per_minute: int):
        self._redis = redis
        self._per_minute = per_minute

    async def allows(self, openid: str, now: float | None = None) -> bool:
        """Counts this message; False once the member is over the limit for the current minute."""
        if self._per_minute <= 0:
            return True
        window = int((time.time() if now is None else now) // WINDOW_S)
        key = f"rate:member:{openid}:{window}"
        async with self._redis.pipeline(transaction=False) as pipe:
            count, _ = await pipe.incr(key).expire(key, WINDOW_S * 2).execute()
        return count <= self._per_minute
