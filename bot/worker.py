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
from redis.exceptions import RedisError

from bot.daily_report import daily_report
from bot.event_qrcode import event_qrcode
from bot.broadcasting import preview_broadcast, resume_broadcasts, send_broadcast
from bot.handler_context import handler_context
from bot.runtime import Runtime
from bot.tag_sync import sync_tags
from handlers import emergency
from handlers.sweeps import run_sweeps
from storage import ledger, redemptions
from storage.base import utcnow
from storage.job_queue import QUEUE_NAME

log = logging.getLogger("timebank.worker")

Job = Callable[..., Awaitable]


async def sweep_tasks(job: dict) -> dict[str, int]:
    """Reminders (of tasks and events), no-shows, automatic confirmation and expiry of requests: see handlers/sweeps.py."""
    return await run_sweeps(job["handlers"], utcnow())


async def expire_redemptions(job: dict) -> int:
    return await redemptions.expire_due(job["runtime"].sessions)


async def expire_holds(job: dict) -> int:
    """Record every hold past its deadline as expired (balances stopped counting it at the deadline)."""
    return len(await ledger.expire_holds(job["runtime"].sessions))


async def sos_silence(job: dict, openid: str, asked_at: str) -> bool:
    """"您现在有危险吗？" unanswered: the alert is raised (handlers/emergency.py)."""
    return await emergency.on_silence(job["handlers"], openid, asked_at, utcnow())


# name → the coroutine arq calls with (job context, *arguments); handlers enqueue by these names.
JOBS: dict[str, Job] = {
    "sweep_tasks": sweep_tasks,
    "expire_redemptions": expire_redemptions,
    "expire_holds": expire_holds,
    "preview_broadcast": preview_broadcast,
    "send_broadcast": send_broadcast,
    "resume_broadcasts": resume_broadcasts,
    "sync_tags": sync_tags,
    "daily_report": daily_report,
    "sos_silence": sos_silence,
    "event_qrcode": event_qrcode,
}

# A fan-out to a city takes hours at WeChat's pace, and arq's ten-minute job timeout cut it off each time (a pause of
# a lease until resume_broadcasts took it up again). Its heartbeat, not a timeout, tells a stuck one.
JOB_TIMEOUTS_S = {"send_broadcast": 24 * 3600}

# What time brings, on the clock (UTC).
SCHEDULE = (
    cron(sweep_tasks, name="sweep_tasks", second=0),
    cron(expire_redemptions, name="expire_redemptions", second=30),
    cron(expire_holds, name="expire_holds", second=40),
    # Broadcasts whose worker died are taken up again, every ten seconds.
    cron(resume_broadcasts, name="resume_broadcasts", second=set(range(5, 60, 10))),
    # Tags catch up every ten minutes with whatever changed without a sync of its own.
    cron(sync_tags, name="sync_tags", minute=set(range(5, 60, 10)), second=15),
    # 08:00 in Beijing: yesterday's numbers to every staff member.
    cron(daily_report, name="daily_report", hour=0, minute=0, second=0),
)


def build_worker(runtime: Runtime, *, burst: bool = False) -> Worker:
    return Worker(
        functions=[func(job, name=name, timeout=JOB_TIMEOUTS_S.get(name)) for name, job in JOBS.items()],
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
    """A worker inside another process's event loop (serve, dev, tests): run() until stop().

    arq's worker ends when its Redis connection breaks (a Redis restart); this one starts a fresh worker
    after a pause, so reminders and broadcasts resume when Redis is back instead of stopping for good.
    """

    def __init__(self, runtime: Runtime):
        self._runtime = runtime
        self._worker = build_worker(runtime)
        self._stopping = asyncio.Event()

    async def run(self) -> None:
        while True:
            try:
                await self._worker.async_run()
                return
            except asyncio.CancelledError:
                return  # stop() cancels the worker's main loop; the jobs it held go back to the queue
            except (RedisError, OSError) as error:
                log.warning("job worker lost Redis (%s); starting again in %.0f s", type(error).__name__,
                            RESTART_PAUSE_S)
            finally:
                await _close_quietly(self._worker)
            try:
                await asyncio.wait_for(self._stopping.wait(), RESTART_PAUSE_S)
                return
            except TimeoutError:
                self._worker = build_worker(self._runtime)

    def stop(self) -> None:
        self._stopping.set()
        self._worker.handle_sig(15)  # SIGTERM: cancel the main loop and the jobs in hand


RESTART_PAUSE_S = 2.0


async def _close_quietly(worker: Worker) -> None:
    try:
        await worker.close()
    except (RedisError, OSError):
        pass  # its connections are already gone
    except asyncio.CancelledError:
        # arq's close gathers the jobs it cancelled itself, and re-raises their CancelledError: theirs, not ours.
        if asyncio.current_task().cancelling():
            raise
