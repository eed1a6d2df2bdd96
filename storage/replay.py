"""Each signed request is accepted for one body only.

In plaintext mode WeChat's signature covers the token, the timestamp and the
nonce, not the body: whoever sees one request URL could post any message with
it while the timestamp is fresh. The first body posted under a (timestamp,
nonce) pair is remembered for the freshness window; the same body again is
WeChat resending (answered from the reply cache as before), any other body is
a forgery. One round trip: a script sets the pair if new, else compares.
"""

from __future__ import annotations

import hashlib

from redis.asyncio import Redis

FIRST, RESEND, FORGED = 1, 2, 0

_CLAIM = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2]) then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then return 2 end
return 0
"""


class ReplayGuard:
    def __init__(self, redis: Redis, *, window_s: int):
        # A timestamp is fresh up to window_s either side of now: remember the pair as long as it can be used.
        self._ttl_s = 2 * window_s
        self._claim = redis.register_script(_CLAIM)

    async def claim(self, timestamp: str, nonce: str, body: str) -> int:
        """FIRST, RESEND (same pair, same body) or FORGED (same pair, another body)."""
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
        key = f"replay:{hashlib.sha256(f'{timestamp}:{nonce}'.encode()).hexdigest()[:32]}"
        return int(await self._claim(keys=[key], args=[digest, self._ttl_s]))
