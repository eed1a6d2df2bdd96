"""A token bucket in Redis, shared by every worker process: how fast we may call WeChat."""

from __future__ import annotations

import asyncio
import time

from redis.asyncio import Redis

# Refills by elapsed time, then takes one token or says how many ms until one is there.
_TAKE = """
local rate, burst, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens, at = tonumber(state[1]) or burst, tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - at) * rate / 1000)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) * 1000 / rate) end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return wait
"""


class TokenBucket:
    def __init__(self, redis: Redis, name: str, *, per_second: float, burst: float | None = None):
        self._take, self._key = redis.register_script(_TAKE), f"throttle:{name}"  # by its hash: once a message
        self._rate, self._burst = per_second, burst if burst is not None else max(per_second, 1.0)

    async def take(self) -> None:
        """Waits until a token is free, then uses it."""
        while wait_ms := await self._take(keys=[self._key], args=[self._rate, self._burst, int(time.time() * 1000)]):
            await asyncio.sleep(wait_ms / 1000)
