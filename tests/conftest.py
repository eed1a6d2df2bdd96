"""Shared fixtures: a real SQL database and a real Redis for every test.

By default: a SQLite file per test (copied from one migrated template) and an
embedded redis-server for the session. Set TIMEBANK_TEST_DATABASE_URL and
TIMEBANK_TEST_REDIS_URL to run the same tests against PostgreSQL and a Redis
server; .ci/run does both.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

import pytest
import redis.asyncio as aioredis
from sqlalchemy import text

from bot.embedded_redis import EmbeddedRedis
from storage.clock import CLOCK
from storage.db import create_engine, is_sqlite, session_factory
from storage.migrate import upgrade
from storage.models import metadata
from storage.privacy import KeyRing
from tests import hypothesis_profiles

hypothesis_profiles.load()  # `ci` unless HYPOTHESIS_PROFILE says otherwise (tests/hypothesis_profiles.py)

TEST_DATABASE_URL = os.environ.get("TIMEBANK_TEST_DATABASE_URL", "")
TEST_REDIS_URL = os.environ.get("TIMEBANK_TEST_REDIS_URL", "")
BEIJING = timezone(timedelta(hours=8))
STORY_STARTS = time(18, 0)  # early evening: "明天下午三点" is within a day, and hours pass before midnight


@pytest.fixture(autouse=True)
def business_clock():
    """Every story starts at 18:00 Beijing time today, whatever the hour the suite runs, and the clock runs on
    from there. A suite started at 23:59 once saw "明天下午三点" more than a day ahead and the day's report
    split across two days."""
    CLOCK.start_at(datetime.combine(datetime.now(BEIJING).date(), STORY_STARTS, BEIJING))
    yield CLOCK
    CLOCK.reset()


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory) -> str:
    if TEST_REDIS_URL:
        yield TEST_REDIS_URL
        return
    with EmbeddedRedis(tmp_path_factory.mktemp("redis"), persistent=False) as server:
        yield server.url


@pytest.fixture
async def redis(redis_url):
    client = aioredis.from_url(redis_url, decode_responses=True)
    await client.flushdb()
    yield client
    await client.aclose()


async def _reset_postgres(url: str) -> None:
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory) -> str:
    """Migrated once per session: a SQLite template file, or the PostgreSQL test database."""
    if TEST_DATABASE_URL:
        asyncio.run(_reset_postgres(TEST_DATABASE_URL))
        asyncio.run(upgrade(TEST_DATABASE_URL))
        return TEST_DATABASE_URL
    template = tmp_path_factory.mktemp("db") / "template.sqlite3"
    asyncio.run(upgrade(f"sqlite+aiosqlite:///{template}"))
    return str(template)


async def _truncate_all(url: str) -> None:
    engine = create_engine(url)
    tables = ", ".join(table.name for table in metadata.sorted_tables)
    async with engine.begin() as connection:
        await connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    await engine.dispose()


@pytest.fixture
async def database_url(migrated_database, tmp_path) -> str:
    if TEST_DATABASE_URL:
        await _truncate_all(TEST_DATABASE_URL)
        return TEST_DATABASE_URL
    copy = tmp_path / "timebank.sqlite3"
    shutil.copyfile(migrated_database, copy)
    return f"sqlite+aiosqlite:///{copy}"


# Enough connections that concurrency tests race real ones, on SQLite too.
RACING_CONNECTIONS = 20


@pytest.fixture
def keyring() -> KeyRing:
    """What the test's engine seals free text with; suites that seal personal data themselves use the same."""
    return KeyRing.generate("k1")


@pytest.fixture
async def engine(database_url, keyring):
    engine = create_engine(database_url, pool_size=RACING_CONNECTIONS, keyring=keyring)
    yield engine
    await engine.dispose()


@pytest.fixture
def sessions(engine):
    return session_factory(engine)


@pytest.fixture
def on_sqlite(database_url) -> bool:
    return is_sqlite(database_url)


# ---- the bot, wired to the sandbox, the test database and the test Redis ----

SAFE_MODE_KEY = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR"  # any 43-character key will do


def write_config(directory: Path, text_toml: str) -> Path:
    path = directory / "config.toml"
    path.write_text(text_toml, encoding="utf-8")
    return path


@pytest.fixture
def config_file(tmp_path):
    """Writes a config.toml into the test's directory and returns its path."""
    return lambda text_toml: write_config(tmp_path, text_toml)


@pytest.fixture
async def sandbox(aiohttp_server):
    from bot.sandbox import build_sandbox

    return await aiohttp_server(build_sandbox("wx_test_app", "test-secret"))


@pytest.fixture(params=["plaintext"])
def wechat_mode(request) -> str:
    return request.param


@pytest.fixture
def reply_deadline() -> float:
    """WeChat's most generous passive-reply window: a busy CI machine must not turn a story's reply into a push.
    Tests of the deadline itself set their own, with a handler held back until the deadline has passed."""
    return 4.5


@pytest.fixture
def member_messages_per_minute() -> int:
    """The shipped limit, so stories meet the bot as members do. Walks that send hundreds of messages from one
    member set 0: behind the limit they would only ever read "slow down" and test nothing else."""
    return 60


@pytest.fixture
def bot_config(tmp_path, sandbox, database_url, redis_url, wechat_mode, reply_deadline, member_messages_per_minute):
    from bot.config import load_config

    from storage.privacy import KeyRing

    aes_key = SAFE_MODE_KEY if wechat_mode == "safe" else ""
    keys = KeyRing.generate().to_config()
    path = write_config(tmp_path, f"""
[server]
reply_deadline = {reply_deadline}
member_messages_per_minute = {member_messages_per_minute}
[wechat]
app_id = "wx_test_app"
app_secret = "test-secret"
token = "testtoken"
encoding_aes_key = "{aes_key}"
api_base_url = "{sandbox.make_url('')}"
api_timeout = 2.0
[data]
dir = "{tmp_path / 'var'}"
[database]
url = "{database_url}"
[redis]
url = "{redis_url}"
[staff]
openids = ["o_staff_zhao"]
[privacy]
current_key_id = "k1"
keys = {{ k1 = "{keys['keys']['k1']}" }}
lookup_key = "{keys['lookup_key']}"
""")
    return load_config(path, environ={})


@pytest.fixture
async def runtime(bot_config, redis):
    from bot.runtime import open_runtime

    async with open_runtime(bot_config) as runtime:
        yield runtime


@pytest.fixture
def responder():
    """The handler chain under test; a test may swap in a slow or failing one."""
    from handlers.router import respond

    return respond


@pytest.fixture
def runs_jobs() -> bool:
    """Whether the bot under test runs a job worker in its process; suites whose stories need one override
    this. Others work the queue themselves (bot.worker.build_worker(burst=True)) or call the jobs directly."""
    return False


@pytest.fixture
async def bot_server(aiohttp_server, runtime, responder, runs_jobs):
    from bot.app import build_app

    server = await aiohttp_server(build_app(runtime, respond=responder, run_jobs=runs_jobs))
    yield server
    # Stopped before the runtime closes (aiohttp_server itself outlives it): a push still in flight then
    # finishes on an open WeChat client rather than on one whose threads were cancelled under it.
    await server.close()


@pytest.fixture
async def wechat(bot_server, bot_config, sandbox):
    import aiohttp

    from bot.simulator import SimulatedWeChat

    async with aiohttp.ClientSession() as http:
        yield SimulatedWeChat(http, str(bot_server.make_url(bot_config.server.path)), bot_config.wechat,
                              str(sandbox.make_url("")))


@pytest.fixture
async def inbox(sandbox):
    import aiohttp

    from bot.simulator import SandboxInbox

    async with aiohttp.ClientSession() as http:
        yield SandboxInbox(http, str(sandbox.make_url("")))


@pytest.fixture
def member_chat(wechat, inbox):
    """member_chat("o_openid") → a Speaker for that member (bot.simulator.Speaker: the passive reply, or the
    push a reply that missed the deadline became)."""
    from bot.simulator import Speaker

    return lambda openid: Speaker(wechat, inbox, openid)


@pytest.fixture
def outbox_drained(runtime):
    """await outbox_drained() → once no push is due or being sent: whatever the bot was to push by now is in the
    sandbox. A story that shows nothing arrives waits for this, then reads the inbox, instead of sleeping."""
    from sqlalchemy import and_, func, or_, select

    from storage.base import utcnow
    from storage.outbox import PENDING, SENDING, OutboundMessage

    async def drained(timeout_s: float = 30.0) -> None:
        deadline = asyncio.get_running_loop().time() + timeout_s
        while True:
            unsettled = or_(OutboundMessage.status == SENDING,
                            and_(OutboundMessage.status == PENDING, OutboundMessage.next_attempt_at <= utcnow()))
            async with runtime.sessions() as session:
                left = (await session.execute(
                    select(func.count()).select_from(OutboundMessage).where(unsettled))).scalar_one()
            if not left:
                return
            assert asyncio.get_running_loop().time() < deadline, f"{left} pushes still unsent after {timeout_s} s"
            await asyncio.sleep(0.05)

    return drained
