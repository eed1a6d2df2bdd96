"""Broadcasts: publicity staff send to members, by WeChat's mass send or customer-service fan-out.

Storage only: the rows, their state changes and counts, the quota, and the
shared rate limit. Composing is handlers/broadcast.py; sending is
bot/broadcasting.py. See docs/broadcasts.md.
"""

from storage.broadcasts.audience import TO_ALL, Reached, among, audience_of, communities, mass_target
from storage.broadcasts.lifecycle import (cancel, create, due, fail, get, history, mass_accepted, note_retry,
                                          record_mass_result, record_preview, sending, start)
from storage.broadcasts.quota import mass_quota_left
from storage.broadcasts.recipients import claim, finish_fanout, mark, next_claimable_at, retry_later, tally
from storage.broadcasts.throttle import TokenBucket
from storage.broadcasts.values import *  # noqa: F403 — the names of audiences, channels and states
from storage.broadcasts.values import __all__ as _values

__all__ = [
    "TO_ALL", "Reached", "among", "audience_of", "communities", "mass_target",
    "create", "due", "record_preview", "get", "history", "cancel", "start", "mass_accepted", "fail", "note_retry",
    "record_mass_result", "sending", "mass_quota_left",
    "claim", "mark", "retry_later", "tally", "next_claimable_at", "finish_fanout", "TokenBucket",
    *_values,
]
