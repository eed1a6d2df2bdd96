"""The database goes away while an elder confirms a service, and comes back.

PostgreSQL: the bot reaches the server through a relay the test cuts (every connection dropped, new ones
refused), as when the server restarts or the network fails. SQLite: another process holds the write lock for
longer than the bot's busy timeout, as a stuck backup or a long manual query would.
"""

import asyncio

import pytest
from sqlalchemy.engine import make_url

from storage import ledger, tasks
from storage.db import create_engine
from tests.faults.conftest import CuttableProxy, WeChatTo
from tests.service_requests.conftest import NEXT_DOOR

APOLOGY = "出了点问题"


async def a_service_waiting_for_confirmation(community, wechat):
    elder = await community.elder()
    volunteer = await community.volunteer("o_vol_zhang")
    task = await community.request(elder)
    assert "接单成功" in await wechat.says(volunteer.openid, f"接单 {task.id}")
    assert "签到成功" in (await wechat.wechat.post(wechat.wechat.location(
        volunteer.openid, *NEXT_DOOR, created=task.starts_at))).text
    assert "签退成功" in await wechat.says(volunteer.openid, "签退", at=task.ends_at)
    return elder, volunteer, task


async def nothing_was_paid(community, runtime, volunteer, task) -> None:
    assert (await community.task(task.id)).status == tasks.IN_SERVICE
    assert await community.available(volunteer) == 0
    assert (await ledger.verify(runtime.sessions)).ok


async def test_with_postgresql_gone_nothing_is_reported_done_and_confirming_later_pays_once(
        start_bot, http, bot_config, community, runtime, database_url, on_sqlite):
    if on_sqlite:
        pytest.skip("PostgreSQL's outage; SQLite's is the next test")
    url = make_url(database_url)
    proxy = await CuttableProxy(url.host, url.port or 5432).start()
    relayed = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    bot = await start_bot(environment={"TIMEBANK_DATABASE_URL": relayed})
    wechat = WeChatTo(http, bot, bot_config)
    elder, volunteer, task = await a_service_waiting_for_confirmation(community, wechat)

    await proxy.cut()
    confirmed = await wechat.says(elder.openid, "确认完成", at=task.ends_at)
    assert APOLOGY in confirmed and "已确认" not in confirmed  # never "done" when it was not
    assert APOLOGY in await wechat.says(elder.openid, "余额")
    assert "120" in await wechat.says(elder.openid, "救命")  # an SOS needs no database
    async with http.get(f"{bot.url}/healthz") as health:
        assert health.status == 503 and (await health.json())["database"].startswith("down")
    await nothing_was_paid(community, runtime, volunteer, task)

    await proxy.mend()
    assert "已确认完成" in await wechat.says(elder.openid, "确认完成", at=task.ends_at)
    settled = await community.task(task.id)
    assert await community.available(volunteer) == settled.cost_min
    assert (await ledger.verify(runtime.sessions)).ok
    await proxy.cut()


async def test_after_postgresql_restarts_while_all_is_quiet_the_next_elder_is_answered_as_usual(
        start_bot, http, bot_config, community, database_url, on_sqlite):
    if on_sqlite:
        pytest.skip("PostgreSQL's connections")
    url = make_url(database_url)
    proxy = await CuttableProxy(url.host, url.port or 5432).start()
    relayed = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    wechat = WeChatTo(http, await start_bot(environment={"TIMEBANK_DATABASE_URL": relayed}), bot_config)
    elder = await community.elder()
    assert "时间币" in await wechat.says(elder.openid, "余额")  # the bot now holds pooled connections

    await proxy.cut()  # the server restarts: every connection the bot holds is dead
    await proxy.mend()
    await asyncio.sleep(3)  # a quiet spell, as when nobody writes at night
    # The outbox worker, looking for messages due every second, met a dead connection first and emptied the pool.
    assert "时间币" in await wechat.says(elder.openid, "余额")
    await proxy.cut()


async def test_with_sqlite_locked_nothing_is_reported_done_and_confirming_later_pays_once(
        start_bot, http, bot_config, community, runtime, database_url, on_sqlite):
    if not on_sqlite:
        pytest.skip("SQLite's outage; PostgreSQL's is the test before")
    bot = await start_bot()
    wechat = WeChatTo(http, bot, bot_config)
    elder, volunteer, task = await a_service_waiting_for_confirmation(community, wechat)

    engine = create_engine(database_url)
    blocker = await engine.connect()
    await blocker.begin()  # BEGIN IMMEDIATE: the one write lock, held past the bot's 10 s busy timeout
    try:
        confirming = await wechat.wechat.post(wechat.wechat.text(elder.openid, "确认完成", created=task.ends_at))
        assert confirming.raw == "success"  # `success` at the deadline: still waiting
        await until_logged(bot, "handler failed")  # the bot gave up on the database
        assert "120" in await wechat.says(elder.openid, "救命")
    finally:
        await blocker.rollback()
        await blocker.close()
        await engine.dispose()
    await nothing_was_paid(community, runtime, volunteer, task)

    assert "已确认完成" in await wechat.says(elder.openid, "确认完成", at=task.ends_at)
    settled = await community.task(task.id)
    assert await community.available(volunteer) == settled.cost_min
    assert (await ledger.verify(runtime.sessions)).ok


async def until_logged(bot, words: str, timeout_s: float = 15) -> None:
    for _ in range(int(timeout_s / 0.05)):
        if words in bot.log():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"never logged {words!r}:\n{bot.log()[-2000:]}")
