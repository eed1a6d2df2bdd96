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


def window_key(openid: str) -> str:
    return f"contact_window:{openid}"


def window_left_ms(opened_at: datetime) -> int:
    """How long a window opened at `opened_at` has left; 0 or less once it has closed."""
    return int((opened_at + WINDOW - utcnow()).total_seconds() * 1000)


class ContactWindow:
    def __init__(self, redis: Redis, *, quota: int = DEFAULT_QUOTA):
        self._redis = redis
        self._quota = quota
        self._take = redis.register_script(_TAKE)  # by its hash: a broadcast runs it once per recipient
        self._give_back = redis.register_script(_GIVE_BACK)

    async def member_wrote(self, openid: str, at: datetime) -> None:
        """Opens a fresh window (and quota) from `at`; a time already 48 hours past opens nothing."""
        remaining_ms = window_left_ms(at)
        if remaining_ms <= 0:
            return
        await self._redis.set(window_key(openid), 0, px=remaining_ms)

    async def close(self, openid: str) -> None:
        """The member left, or WeChat told us the window is shut: nothing but templates until they write again."""
        await self._redis.delete(window_key(openid))

    async def take(self, openid: str) -> bool:
        """Claims one customer-service message: True while the window is open and the quota not used up."""
        return bool(await self._take(keys=[window_key(openid)], args=[self._quota]))

    async def give_back(self, openid: str) -> None:
        await self._give_back(keys=[window_key(openid)])
