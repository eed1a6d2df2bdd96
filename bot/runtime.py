"""Everything a running bot holds open: Redis (embedded or not), the database, the WeChat client."""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import AsyncIterator

import redis
import redis.asyncio as aioredis
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Config
from bot.embedded_redis import EmbeddedRedis
from bot.keys import development_keyring
from bot.wechat_api import TimebankWeChatClient, WeChatApi
from storage import db, migrate
from storage.db import Sessions
from storage.job_queue import JobQueue
from storage.privacy import KeyRing

log = logging.getLogger("timebank.runtime")


class NotMigrated(Exception):
    pass


@dataclass
class Runtime:
    config: Config
    engine: AsyncEngine
    sessions: Sessions
    redis: aioredis.Redis
    wechat: WeChatApi
    keyring: KeyRing
    jobs: JobQueue
    redis_url: str = ""  # for clients that need their own connections, e.g. a job worker


@asynccontextmanager
async def open_runtime(config: Config, *, migrate_default: bool = True) -> AsyncIterator[Runtime]:
    """Open the stores. The embedded SQLite database migrates itself; any other must be migrated first."""
    async with _redis_url(config) as redis_url:
        keyring = config.privacy or development_keyring(config.data_dir)
        if config.uses_default_database and migrate_default:
            await migrate.upgrade(config.database_url, keyring=keyring)
        elif not await migrate.is_up_to_date(config.database_url):
            raise NotMigrated("the database schema is not up to date: run `timebank migrate` first")
        engine = db.create_engine(config.database_url, keyring=keyring)
        async_redis = aioredis.from_url(redis_url, decode_responses=True)
        token_store = redis.Redis.from_url(redis_url, decode_responses=True)  # used from the API's threads
        wechat = WeChatApi(TimebankWeChatClient(config.wechat, token_store), timeout_s=config.wechat.api_timeout)
        jobs = JobQueue.from_url(redis_url)
        try:
            yield Runtime(config, engine, db.session_factory(engine), async_redis, wechat, keyring, jobs, redis_url)
        finally:
            await jobs.close()
            wechat.close()
            token_store.close()
            await async_redis.aclose()
            await engine.dispose()


@asynccontextmanager
async def _redis_url(config: Config) -> AsyncIterator[str]:
    if not config.uses_embedded_redis:
        yield config.redis_url
        return
    server = await asyncio.to_thread(EmbeddedRedis(config.data_dir / "redis").start)
    log.info("embedded redis-server started on %s", server.socket)
    try:
        yield server.url
    finally:
        await asyncio.to_thread(server.stop)
        log.info("embedded redis-server saved and stopped")
