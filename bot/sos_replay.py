"""Raises the SOS alerts left in the spool: at start-up, then every few seconds.

Start-up covers a killed process; the repeat covers an alert whose database
was down when it was heard and is back while the same process still runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from handlers import emergency
from handlers.context import Context

log = logging.getLogger("timebank.sos")

EVERY_S = 10.0


class SpoolReplayer:
    def __init__(self, context: Context, every_s: float = EVERY_S):
        self._context = context
        self._every_s = every_s
        self._stopped = asyncio.Event()

    async def run(self) -> None:
        while not self._stopped.is_set():
            try:
                await emergency.replay_spooled(self._context)
            except Exception:  # noqa: BLE001 — the files stay; the next round tries again
                log.exception("could not replay the SOS spool")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopped.wait(), self._every_s)

    def stop(self) -> None:
        self._stopped.set()
