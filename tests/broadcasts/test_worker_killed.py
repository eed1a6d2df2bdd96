"""A worker killed or stopped mid-fan-out, and another started: nobody gets the message twice, nobody misses it."""

import asyncio
import os
import signal
import subprocess
import sys

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine

from bot.broadcasting import send_broadcast
from bot.handler_context import handler_context
from bot.sandbox import Fault
from storage import broadcasts
from storage.base import utcnow
from storage.db import session_factory
from storage.broadcasts import FANOUT
from storage.members import Actor
from storage.publicity_tables import SENT, BroadcastRecipientRow
from tests.broadcasts.conftest import BROADCAST_SECTION, until

TIMEBANK = [sys.executable, "-m", "bot.cli"]
MEMBERS = 40


@pytest.fixture
def broadcast_section() -> str:
    # Five messages a second: slow enough to kill the worker half-way.
    return BROADCAST_SECTION.replace("fanout_per_second = 200", "fanout_per_second = 5")


@pytest.fixture
async def onlooker(database_url):
    """Reads what is committed without the write lock the bot's sessions take on SQLite (BEGIN IMMEDIATE):
    a frozen worker may be holding it."""
    engine = create_async_engine(database_url)
    yield session_factory(engine)
    await engine.dispose()


async def a_fan_out_to_the_community(runtime, town, author, request_key: str):
    """MEMBERS members of 八一社区 who wrote to us lately, and a fan-out to them confirmed by staff."""
    openids = [f"o_member_{n:02d}" for n in range(MEMBERS)]
    for openid in openids:
        await town.member(openid, "林", community="八一社区")
    await town.wrote_to_us(*openids)
    broadcast = await broadcasts.create(runtime.sessions, author=Actor(author.id), content="周六社区义诊",
                                        audience="community:八一社区", channel=FANOUT, request_key=request_key,
                                        now=utcnow())
    return openids, broadcast


def start_worker(config_path, cwd) -> subprocess.Popen:
    return subprocess.Popen([*TIMEBANK, "worker", "--config", str(config_path)], cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})


async def marked_sent(sessions, broadcast_id: int) -> int:
    async with sessions() as session:
        return (await session.execute(select(func.count()).where(
            BroadcastRecipientRow.broadcast_id == broadcast_id, BroadcastRecipientRow.status == SENT))).scalar()


async def kill_between_messages(worker: subprocess.Popen, onlooker, state, broadcast_id: int) -> None:
    """SIGKILL at a moment when every message WeChat took is marked sent.

    Frozen first (SIGSTOP) so that it cannot move while we look; a message in
    flight is let finish first. A kill right after WeChat takes a message and
    before it is marked is the one case that repeats a message
    (docs/broadcasts.md), and not what this test is about.
    """
    while True:
        worker.send_signal(signal.SIGSTOP)
        await asyncio.sleep(0.3)  # a request already sent finishes in the sandbox meanwhile
        if sum(sent.channel == "custom" for sent in state.sent) == await marked_sent(onlooker, broadcast_id):
            worker.kill()
            worker.wait(timeout=30)
            return
        worker.send_signal(signal.SIGCONT)
        await asyncio.sleep(0.05)


async def test_a_worker_killed_mid_fan_out_leaves_the_rest_to_the_next_one(runtime, town, zhao_member, wechat_state,
                                                                           bot_config, tmp_path, onlooker):
    openids, broadcast = await a_fan_out_to_the_community(runtime, town, zhao_member, "test:kill")
    await runtime.jobs.enqueue("send_broadcast", broadcast.id, job_id=f"broadcast:{broadcast.id}")
    config_path = tmp_path / "config.toml"

    first = start_worker(config_path, tmp_path)
    try:
        assert await until(lambda: _at_least(onlooker, broadcast.id, 5), timeout_s=60)
        await kill_between_messages(first, onlooker, wechat_state, broadcast.id)
    finally:
        if first.poll() is None:
            first.kill()
    assert await marked_sent(onlooker, broadcast.id) < MEMBERS  # killed half-way

    second = start_worker(config_path, tmp_path)
    try:
        assert await until(lambda: _done(runtime, broadcast.id), timeout_s=90)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)

    for openid in openids:
        assert [sent.text for sent in wechat_state.sent if sent.openid == openid] == ["周六社区义诊"]
    done = await broadcasts.get(runtime.sessions, broadcast.id)
    assert (done.sent, done.failed, done.skipped) == (MEMBERS, 0, 0)


async def _at_least(sessions, broadcast_id: int, count: int) -> bool:
    return await marked_sent(sessions, broadcast_id) >= count


async def _done(runtime, broadcast_id: int) -> bool:
    return (await broadcasts.get(runtime.sessions, broadcast_id)).status == broadcasts.DONE


async def test_a_fan_out_stopped_half_way_marks_what_wechat_took_before_it_stops(runtime, town, zhao_member,
                                                                                 wechat_state, onlooker):
    _, broadcast = await a_fan_out_to_the_community(runtime, town, zhao_member, "test:stop")
    wechat_state.faults.append(Fault("message/custom/send", 0, MEMBERS, delay_s=0.3))  # a slow WeChat
    job = {"runtime": runtime, "handlers": handler_context(runtime)}
    sending = asyncio.create_task(send_broadcast(job, broadcast.id))
    assert await until(lambda: _taken(wechat_state), timeout_s=30)
    sending.cancel()  # shutdown, or arq's job timeout, while a batch is with WeChat
    with pytest.raises(asyncio.CancelledError):
        await sending
    # WeChat finishes with whatever it was given: every call it took is answered (and recorded) in the sandbox.
    assert await until(lambda: _all_answered(wechat_state), timeout_s=30)

    taken = sum(sent.channel == "custom" for sent in wechat_state.sent)
    assert 0 < taken < MEMBERS
    assert await marked_sent(onlooker, broadcast.id) == taken  # nothing WeChat took is left to send again


async def _all_answered(state) -> bool:
    return state.calls.get("message/custom/send", 0) == sum(sent.channel == "custom" for sent in state.sent)


async def _taken(state) -> bool:
    return any(sent.channel == "custom" for sent in state.sent)
