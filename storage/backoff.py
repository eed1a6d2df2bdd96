"""How long to wait before trying again: a base doubled at each retry, spread by a random factor where many retry at once.

Every retry loop of the bot waits this way (the ledger's busy transactions, WeChat's busy API, broadcast
recipients); they differ only in base and spread.
"""

from __future__ import annotations

import random

# Anywhere up to the doubled wait: the losers of one race do not collide again in lockstep.
FULL_JITTER = (0.0, 1.0)
# Around the doubled wait: callers far apart in time stay roughly on schedule.
HALF_JITTER = (0.5, 1.5)


def backoff_s(base_s: float, attempt: int, jitter: tuple[float, float] | None = None) -> float:
    """Seconds before retry `attempt` (1 for the first retry; 0 counts as 1): base_s * 2**(attempt - 1)."""
    wait = base_s * 2 ** max(attempt - 1, 0)
    return wait * random.uniform(*jitter) if jitter else wait
