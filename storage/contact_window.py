"""WeChat's windows for customer-service messages, and how many we sent in each.

Since June 2023 WeChat is reported to allow an account to push customer-service messages to a member only:
- within 48 hours of the member's last message (text, voice, location, media): at most 5 of them;
- within one minute of a menu tap, a follow or a scan: at most 3 of them;
and then answers errcode 45015. Outside both, only template (or subscription) messages reach them. One
Redis key per member and window holds the count sent since it opened; it expires when the window closes,
so its existence is the window itself. 45015 from WeChat deletes both keys at once (`close`).

The quota is spent by priority (PRIORITIES): a message may take a slot only while enough slots stay free
for the ones above it, so a stream of offers never uses up the slots a reminder or an SOS alert needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from redis.asyncio import Redis

from storage.base import utcnow

WINDOW = timedelta(hours=48)
DEFAULT_QUOTA = 5
TAP_WINDOW = timedelta(seconds=60)
DEFAULT_TAP_QUOTA = 3

# What a push is, most urgent first; each level leaves RESERVED[level] slots of a window for those above it
# (never the whole window: the least urgent still gets the first slot of a fresh one).
SAFETY, OWN_SERVICE, LATE_REPLY, OTHER = 0, 1, 2, 3
RESERVED = {SAFETY: 0, OWN_SERVICE: 1, LATE_REPLY: 1, OTHER: 2}
TAP, MESSAGE = 1, 2  # which window a slot was taken from: the index of its key

# Takes a slot from the tap window (it closes soonest), else from the 48-hour one; returns which, or 0.
# ARGV: tap quota, message quota, slots to leave free. INCR keeps a key's expiry.
_TAKE = """
for i = 1, 2 do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    local quota = tonumber(ARGV[i])
    local keep = math.min(tonumber(ARGV[3]), quota - 1)
    if tonumber(redis.call('GET', KEYS[i])) + keep < quota then
      redis.call('INCR', KEYS[i])
      return i
    end
  end
end
return 0
"""
# Gives back a slot WeChat did not use; never recreates a window that has closed meanwhile.
_GIVE_BACK = """
if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('GET', KEYS[1])) > 0 then
  redis.call('DECR', KEYS[1])
end
return 0
"""


@dataclass(frozen=True)
class WindowRules:
    """From config [notifications]: the current rule by default."""

    quota: int = DEFAULT_QUOTA  # after a member's message, for WINDOW
    tap_quota: int = DEFAULT_TAP_QUOTA  # after a menu tap, follow or scan, for tap_window
    tap_window: timedelta = TAP_WINDOW


def window_key(openid: str) -> str:
    return f"contact_window:{openid}"


def tap_window_key(openid: str) -> str:
    return f"contact_window:tap:{openid}"


def held_key(openid: str) -> str:
    """Set while notices wait for the member's next message (storage.outbox HELD): the arrival takes it."""
    return f"held_notices:{openid}"


def window_left_ms(opened_at: datetime, length: timedelta = WINDOW) -> int:
    """How long a window opened at `opened_at` has left; 0 or less once it has closed.

    Never more than the whole window: a message stamped in the future (a CreateTime nobody checked) must not
    keep a member's window open past its length from now."""
    return int((min(opened_at + length - utcnow(), length)).total_seconds() * 1000)


class ContactWindow:
    def __init__(self, redis: Redis, *, quota: int = DEFAULT_QUOTA, rules: WindowRules | None = None):
        self._redis = redis
        self._rules = rules or WindowRules(quota=quota)
        self._take = redis.register_script(_TAKE)  # by its hash: a broadcast runs it once per recipient
        self._give_back = redis.register_script(_GIVE_BACK)

    async def member_wrote(self, openid: str, at: datetime) -> None:
        """Opens a fresh window (and quota) from `at`; a time already 48 hours past opens nothing."""
        remaining_ms = window_left_ms(at)
        if remaining_ms > 0:
            await self._redis.set(window_key(openid), 0, px=remaining_ms)

    async def member_tapped(self, openid: str, at: datetime) -> None:
        """A menu tap, follow or scan: a fresh short window of its own."""
        remaining_ms = window_left_ms(at, self._rules.tap_window)
        if remaining_ms > 0:
            await self._redis.set(tap_window_key(openid), 0, px=remaining_ms)

    async def note_held(self, openid: str) -> None:
        await self._redis.set(held_key(openid), 1)

    async def close(self, openid: str) -> None:
        """The member left, or WeChat told us the window is shut: nothing but templates until they write again."""
        await self._redis.delete(window_key(openid), tap_window_key(openid))

    async def take(self, openid: str, priority: int = OTHER) -> int:
        """Claims one customer-service message: TAP or MESSAGE (truthy) for the window it came from, 0: none."""
        return int(await self._take(keys=[tap_window_key(openid), window_key(openid)],
                                    args=[self._rules.tap_quota, self._rules.quota, RESERVED[priority]]))

    async def give_back(self, openid: str, which: int = MESSAGE) -> None:
        key = tap_window_key(openid) if which == TAP else window_key(openid)
        await self._give_back(keys=[key])
