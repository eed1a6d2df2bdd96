"""Background work that time makes necessary: expired redemption codes, and the sweeps of tasks."""

from __future__ import annotations

import asyncio
import logging

from handlers.context import Context
from handlers.sweeps import run_sweeps
from storage import redemptions
from storage.base import utcnow

log = logging.getLogger("timebank.jobs")


class ExpirySweeper:
    """Every minute: return the stock of unused codes, then remind, catch no-shows, auto-confirm, expire.

    Safe to run in every process at once: each step is idempotent.
    """

    def __init__(self, ctx: Context, *, interval_s: float = 60.0):
        self._ctx = ctx
        self._interval_s = interval_s
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        self._stopping.set()

    async def sweep_once(self) -> None:
        if closed := await redemptions.expire_due(self._ctx.bank.sessions):
            log.info("expired %d redemption code(s)", closed)
        if touched := {name: count for name, count in (await run_sweeps(self._ctx, utcnow())).items() if count}:
            log.info("task sweeps: %s", touched)

    async def run(self) -> None:
        while not self._stopping.is_set():
            try:
                await self.sweep_once()
            except Exception:  # noqa: BLE001 — an outage must not end the sweeper
                log.exception("expiry sweep failed")
            try:
                await asyncio.wait_for(self._stopping.wait(), self._interval_s)
            except TimeoutError:
                pass
