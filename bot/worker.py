"""The job worker: background work from the Redis queue (arq), in `timebank worker` or inside serve and dev.

Jobs are listed by name in JOBS; what runs on the clock is in SCHEDULE. Every
job is idempotent: arq runs a job again after a worker dies mid-way, and
several workers can run side by side (a scheduled run is taken by one of
them, by its unique job id).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timezone

from arq import cron
from arq.connections import ArqRedis
from arq.worker import Worker, func

from bot.handler_context import handler_context
from bot.runtime import Runtime
from handlers.sweeps import run_sweeps
from storage import redemptions
from storage.base import utcnow
from storage.job_queue import QUEUE_NAME

log = logging.getLogger("timebank.worker")

Job = Callable[..., Awaitable]


async def sweep_tasks(job: dict) -> dict[str, int]:
    """Reminders, no-shows, automatic confirmation and expiry of requests: see handlers/sweeps.py."""
    return await run_sweeps(job["handlers"], utcnow())


async def expire_redemptions(job: dict) -> int:
    return await redemptions.expire_due(job["runtime"].sessions)


# name → the coroutine arq calls with (job context, *arguments); handlers enqueue by these names.
JOBS: dict[str, Job] = {
    "sweep_tasks": sweep_tasks,
    "expire_redemptions": expire_redemptions,
}

# What time brings, every minute.
SCHEDULE = (
    cron(sweep_tasks, name="sweep_tasks", second=0),
    cron(expire_redemptions, name="expire_redemptions", second=30),
)


def build_worker(runtime: Runtime, *, burst: bool = False) -> Worker:
    return Worker(
        functions=[func(job, name=name) for name, job in JOBS.items()],
        cron_jobs=list(SCHEDULE),
        # Its own connections: closing the worker closes them, and the bot's queue stays usable.
        redis_pool=ArqRedis.from_url(runtime.redis_url),
        queue_name=QUEUE_NAME,
        ctx={"runtime": runtime, "handlers": handler_context(runtime)},
        handle_signals=False,
        burst=burst,
        poll_delay=0.2,
        job_timeout=600,
        keep_result=3600,
        timezone=timezone.utc,
    )


class JobWorker:
    """A worker inside another process's event loop (serve, dev, tests): run() until stop()."""

    def __init__(self, runtime: Runtime):
        self._worker = build_worker(runtime)

    async def run(self) -> None:
        try:
            await self._worker.async_run()
        except asyncio.CancelledError:
            pass  # stop() cancels the worker's main loop; the jobs it held go back to the queue
        finally:
            await self._worker.close()

    def stop(self) -> None:
        self._worker.handle_sig(15)  # SIGTERM: cancel the main loop and the jobs in hand
