"""Everything a running bot holds open: Redis (embedded or not), the database, the WeChat client."""

from __future__ import annotations

import asyncio
import logging
import os
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import AsyncIterator

import redis
import redis.asyncio as aioredis
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Config, refuse_movable_clock_off_loopback
from bot.embedded_redis import EmbeddedRedis
from bot.keys import DEVELOPMENT_KEYS_FILE, development_keyring
from bot.wechat_api import TimebankWeChatClient, WeChatApi
from storage import db, migrate
from storage.clock import CLOCK
from storage.db import Sessions
from storage.job_queue import JobQueue
from storage.privacy import KeyRing
from storage.sos_spool import SOS_SPOOL_DIR

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


PRIVATE_UMASK = 0o077  # what the bot creates (database, AOF, keys, spool) is its own: 0600 files, 0700 directories


# What the bot keeps in the data directory: only these are tightened, so a data directory shared with other
# files (say `dir = "."`) never has them changed.
OWN_FILES = ("timebank.sqlite3*", DEVELOPMENT_KEYS_FILE)
OWN_DIRECTORIES = ("redis", SOS_SPOOL_DIR)


def secure_data_dir(data_dir: Path) -> None:
    """The data directory 0700 and what the bot keeps in it 0600 (0700 for directories), also for files an older
    version made 0644; new files are created so from the start (umask)."""
    os.umask(PRIVATE_UMASK)
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    data_dir.chmod(0o700)
    owned = [path for pattern in OWN_FILES for path in data_dir.glob(pattern)]
    for directory in (data_dir / name for name in OWN_DIRECTORIES):
        if directory.is_dir() and not directory.is_symlink():
            owned += [directory, *directory.rglob("*")]
    for path in owned:
        if path.is_symlink() or path.is_socket():
            continue
        path.chmod(0o700 if path.is_dir() else 0o600)


@asynccontextmanager
async def open_runtime(config: Config, *, migrate_default: bool = True,
                       keep_embedded_redis: bool = False) -> AsyncIterator[Runtime]:
    """Open the stores. The embedded SQLite database migrates itself; any other must be migrated first."""
    secure_data_dir(config.data_dir)
    async with _redis_url(config, keep_running=keep_embedded_redis) as redis_url:
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
            runtime = Runtime(config, engine, db.session_factory(engine), async_redis, wechat, keyring, jobs, redis_url)
            async with following_the_clock(runtime):
                yield runtime
        finally:
            await jobs.close()
            wechat.close()
            token_store.close()
            await async_redis.aclose()
            await engine.dispose()


@asynccontextmanager
async def _redis_url(config: Config, *, keep_running: bool) -> AsyncIterator[str]:
    if not config.uses_embedded_redis:
        yield config.redis_url
        return
    server = await asyncio.to_thread(EmbeddedRedis(config.data_dir / "redis").start)
    log.info("embedded redis-server on %s (%s)", server.socket, "owner" if server.owner else "borrowed")
    try:
        yield server.url
    finally:
        owned = server.owner
        await asyncio.to_thread(lambda: server.stop(keep_running=keep_running))
        if owned and not keep_running:
            log.info("embedded redis-server saved and stopped")


CLOCK_REFRESH_S = 1.0  # how soon another process of the bot follows a move of the dev clock


@asynccontextmanager
async def following_the_clock(runtime: Runtime) -> AsyncIterator[None]:
    """While a runtime is open with a movable clock: take the shared offset now and keep taking it."""
    if not runtime.config.movable_clock:
        yield
        return
    refuse_movable_clock_off_loopback(runtime.config.wechat.api_base_url)  # whatever overrode the file
    await CLOCK.load(runtime.redis)
    log.warning("movable clock is ON (dev and drills only): now is %s", CLOCK.now().isoformat(timespec="seconds"))
    follower = asyncio.create_task(_follow(runtime))
    try:
        yield
    finally:
        follower.cancel()
        with suppress(asyncio.CancelledError):
            await follower
        CLOCK.reset()


async def _follow(runtime: Runtime) -> None:
    while True:
        await asyncio.sleep(CLOCK_REFRESH_S)
        try:
            await CLOCK.load(runtime.redis)
        except Exception as error:  # noqa: BLE001 — Redis away for a moment: keep the offset we have
            log.warning("movable clock not refreshed: %s", type(error).__name__)
