"""Background work that time makes necessary: closing expired holds and redemption codes."""

from __future__ import annotations

import asyncio
import logging

from storage import redemptions
from storage.db import Sessions

log = logging.getLogger("timebank.jobs")


class ExpirySweeper:
    """Every minute, void holds past their deadline and return the stock of unused codes.

    Safe to run in every process at once: each expiry is idempotent.
    """

    def __init__(self, sessions: Sessions, *, interval_s: float = 60.0):
        self._sessions = sessions
        self._interval_s = interval_s
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        self._stopping.set()

    async def run(self) -> None:
        while not self._stopping.is_set():
            try:
                if closed := await redemptions.expire_due(self._sessions):
                    log.info("expired %d redemption code(s)", closed)
            except Exception:  # noqa: BLE001 — an outage must not end the sweeper
                log.exception("expiry sweep failed")
            try:
                await asyncio.wait_for(self._stopping.wait(), self._interval_s)
            except TimeoutError:
                pass
