"""What each delivery from WeChat asks of Redis before its turn: one round trip.

It claims the message (a resend of one already claimed waits for the first
delivery's reply instead, see Deduplicator), counts a first delivery against
the member's messages this minute, opens the member's 48-hour window for
customer-service messages (or shuts it, when they unfollow), and takes the
member's lock for the turn when nobody holds it (member_lock). Four commands
sent one by one cost four round trips and their syscalls on every message.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import datetime

from redis.asyncio import Redis

from storage.contact_window import TAP_WINDOW, held_key, tap_window_key, window_key, window_left_ms
from storage.redis_state import IN_PROGRESS, MEMBER_LOCK_HOLD_S, dedupe_key, member_lock_key

RATE_WINDOW_S = 60
OPEN, TAP, SHUT = "open", "tap", "shut"

# KEYS: the message's claim, the member's counter for this minute, the member's window, the member's lock,
#       the member's tap window, the mark of notices held for the member.
# ARGV: claim marker, claim TTL (s), messages a minute (0: no limit), counter TTL (s), window action,
#       window left (ms), lock token, lock lease (ms), tap window left (ms).
# Returns {count this minute (-1: a resend), 1 if the lock was taken, 1 if held notices are to be released}.
# A window opening takes the held mark: the notices held go out once. Only a first delivery counts:
# WeChat's own resends never count against the member.
_ARRIVE = """
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2]) then return {-1, 0, 0} end
local held = 0
if ARGV[5] == 'open' and tonumber(ARGV[6]) > 0 then
  redis.call('SET', KEYS[3], 0, 'PX', ARGV[6])
  held = redis.call('DEL', KEYS[6])
elseif ARGV[5] == 'tap' and tonumber(ARGV[9]) > 0 then
  redis.call('SET', KEYS[5], 0, 'PX', ARGV[9])
  held = redis.call('DEL', KEYS[6])
elseif ARGV[5] == 'shut' then redis.call('DEL', KEYS[3], KEYS[5]) end
local count = 0
if ARGV[3] ~= '0' then
  count = redis.call('INCR', KEYS[2])
  redis.call('EXPIRE', KEYS[2], ARGV[4])
  if count > tonumber(ARGV[3]) then return {count, 0, held} end
end
if redis.call('SET', KEYS[4], ARGV[7], 'NX', 'PX', ARGV[8]) then return {count, 1, held} end
return {count, 0, held}
"""


@dataclass(frozen=True)
class Arrival:
    first: bool  # False: WeChat resent a message whose turn is under way or done
    within_rate: bool
    lock_token: str | None  # the member's lock, taken for this turn; None: another turn holds it (wait for it)
    has_held: bool = False  # notices were held for this member (no window, no template): release them now


class Arrivals:
    """The per-member rate is a fixed one-minute window: a burst may straddle two minutes (up to twice the
    limit in a moment), which is fine against a stuck phone or a script and needs no sorted set."""

    def __init__(self, redis: Redis, *, per_minute: int = 0, claim_ttl_s: int = 30, tap_window=TAP_WINDOW):
        self._arrive = redis.register_script(_ARRIVE)
        self._tap_window = tap_window
        self._per_minute = max(per_minute, 0)  # 0: no limit
        # A claim outlives WeChat's whole retry window, but not by much: if the
        # process died mid-message, a much later delivery is worth handling.
        self._claim_ttl_s = claim_ttl_s

    async def arrive(self, message_key: str, openid: str, *, window: str | None, sent_at: datetime,
                     now: float | None = None) -> Arrival:
        """`window`: OPEN for a message that opens the member's window, TAP for a menu tap, follow or scan (the
        short window), SHUT for an unfollow, else None."""
        minute = int((time.time() if now is None else now) // RATE_WINDOW_S)
        token = uuid.uuid4().hex
        count, locked, held = await self._arrive(
            keys=[dedupe_key(message_key), f"rate:member:{openid}:{minute}", window_key(openid),
                  member_lock_key(openid), tap_window_key(openid), held_key(openid)],
            args=[IN_PROGRESS, self._claim_ttl_s, self._per_minute, RATE_WINDOW_S * 2, window or "",
                  window_left_ms(sent_at), token, MEMBER_LOCK_HOLD_S * 1000,
                  window_left_ms(sent_at, self._tap_window)])
        return Arrival(first=count >= 0, within_rate=self._per_minute <= 0 or count <= self._per_minute,
                       lock_token=token if locked else None, has_held=bool(held))
