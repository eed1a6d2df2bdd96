"""WeChat's 48-hour window: when a member last wrote to us, and how many customer-service messages we sent since.

WeChat lets an account push customer-service messages to a member only within
48 hours of the member's last message, menu click, follow or scan, and only a
limited number of them per window; outside it, only template messages reach
them. One Redis key per member holds the count sent since they last wrote; it
expires when the window closes, so its existence is the window itself.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from redis.asyncio import Redis

from storage.base import utcnow

WINDOW = timedelta(hours=48)
DEFAULT_QUOTA = 20

# Counts one message against the quota, only while the window is open; INCR keeps the key's expiry.
_TAKE = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if tonumber(redis.call('GET', KEYS[1])) >= tonumber(ARGV[1]) then return 0 end
redis.call('INCR', KEYS[1])
return 1
"""
# Gives back a slot WeChat did not use; never recreates a window that has closed meanwhile.
_GIVE_BACK = """
if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('GET', KEYS[1])) > 0 then
  redis.call('DECR', KEYS[1])
end
return 0
"""


class ContactWindow:
    def __init__(self, redis: Redis, *, quota: int = DEFAULT_QUOTA):
        self._redis = redis
        self._quota = quota

    @staticmethod
    def _key(openid: str) -> str:
        return f"contact_window:{openid}"

    async def member_wrote(self, openid: str, at: datetime) -> None:
        """Opens a fresh window (and quota) from `at`; a time already 48 hours past opens nothing."""
        remaining_ms = int((at + WINDOW - utcnow()).total_seconds() * 1000)
        if remaining_ms <= 0:
            return
        await self._redis.set(self._key(openid), 0, px=remaining_ms)

    async def close(self, openid: str) -> None:
        """The member left, or WeChat told us the window is shut: nothing but templates until they write again."""
        await self._redis.delete(self._key(openid))

    async def take(self, openid: str) -> bool:
        """Claims one customer-service message: True while the window is open and the quota not used up."""
        return bool(await self._redis.eval(_TAKE, 1, self._key(openid), self._quota))

    async def give_back(self, openid: str) -> None:
        await self._redis.eval(_GIVE_BACK, 1, self._key(openid))
