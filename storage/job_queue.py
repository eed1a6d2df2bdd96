"""Putting work on the Redis job queue (arq) for the worker processes: now, at a time, and only once.

A job id makes enqueueing idempotent: while a job with that id is queued,
running or its result kept, enqueueing it again does nothing. The worker
side is bot/worker.py.
"""

from __future__ import annotations

from datetime import datetime

from arq.connections import ArqRedis

from storage.clock import CLOCK

QUEUE_NAME = "timebank:jobs"


class JobQueue:
    def __init__(self, redis: ArqRedis):
        self.redis = redis  # its own connection: arq keeps bytes, the bot's other clients decode text

    @classmethod
    def from_url(cls, url: str) -> JobQueue:
        return cls(ArqRedis.from_url(url))

    async def enqueue(self, name: str, *args, job_id: str | None = None, at: datetime | None = None) -> bool:
        """False when a job with this id is already queued, running, or recently finished.

        `at` is on the bot's clock; arq waits on the real one (they differ only when a dev clock was moved).
        """
        real_at = at - CLOCK.offset if at is not None else None
        job = await self.redis.enqueue_job(name, *args, _job_id=job_id, _defer_until=real_at, _queue_name=QUEUE_NAME)
        return job is not None

    async def close(self) -> None:
        await self.redis.aclose()
