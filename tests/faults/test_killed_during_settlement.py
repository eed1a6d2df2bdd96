"""The bot process is killed (SIGKILL) in the middle of paying a volunteer, and started again.

To stop the settlement at a known point, the test holds a lock the settling transaction needs: on PostgreSQL
the volunteer's ledger account row (the bot has already marked the task done in its open transaction, and
waits to credit the volunteer); on SQLite the database's write lock (the bot waits to begin). The bot's reply
misses WeChat's deadline, and the process is killed right there.
"""

import asyncio

from sqlalchemy import text

from storage import ledger, tasks
from storage.db import create_engine, is_sqlite
from tests.faults.conftest import WeChatTo, ledger_verify_cli
from tests.service_requests.conftest import NEXT_DOOR


async def hold_what_settlement_needs(database_url: str, account_id: int):
    engine = create_engine(database_url)
    connection = await engine.connect()
    await connection.begin()  # on SQLite: BEGIN IMMEDIATE, the one write lock
    if not is_sqlite(database_url):
        await connection.execute(text("SELECT id FROM ledger_accounts WHERE id = :id FOR UPDATE"), {"id": account_id})
    return engine, connection


async def until_blocked_on_the_row(connection) -> None:
    """PostgreSQL only: some other backend is waiting for a row lock, i.e. the bot is inside its settlement."""
    for _ in range(200):
        waiting = await connection.scalar(text(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()"))
        if waiting:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the bot never reached the locked account")


async def until_unlocked(redis, key: str) -> None:
    """The killed process cannot release the member's lock; its lease runs out by itself."""
    for _ in range(300):
        if not await redis.exists(key):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{key} was never released")


async def test_a_killed_settlement_pays_nothing_and_the_elder_can_confirm_again(
        start_bot, http, bot_config, community, runtime, redis, database_url, tmp_path):
    elder = await community.elder()
    volunteer = await community.volunteer("o_vol_zhang")
    task = await community.request(elder)
    bot = await start_bot()
    wechat = WeChatTo(http, bot, bot_config)
    assert "接单成功" in await wechat.says(volunteer.openid, f"接单 {task.id}")
    assert "签到成功" in (await wechat.wechat.post(wechat.wechat.location(
        volunteer.openid, *NEXT_DOOR, created=task.starts_at))).text
    assert "签退成功" in await wechat.says(volunteer.openid, "签退", at=task.ends_at)
    account = await ledger.open_member_account(runtime.sessions, volunteer.ledger_ref)

    engine, blocker = await hold_what_settlement_needs(database_url, account.id)
    try:
        # The settlement cannot finish: WeChat gets `success` at the deadline, the turn is still running.
        confirming = await wechat.wechat.post(wechat.wechat.text(elder.openid, "确认完成", created=task.ends_at))
        assert confirming.raw == "success"
        if not is_sqlite(database_url):
            await until_blocked_on_the_row(blocker)
        bot.kill()
    finally:
        await blocker.rollback()
        await blocker.close()
        await engine.dispose()

    assert (await community.task(task.id)).status == tasks.IN_SERVICE  # nothing of the settlement stayed
    assert await community.available(volunteer) == 0
    assert (await ledger.verify(runtime.sessions)).ok

    wechat = WeChatTo(http, await start_bot(), bot_config)
    await until_unlocked(redis, f"lock:member:{elder.openid}")
    assert "已确认完成" in await wechat.says(elder.openid, "确认完成", at=task.ends_at)  # the conversation goes on

    settled = await community.task(task.id)
    assert settled.status == tasks.DONE
    assert await community.available(volunteer) == settled.cost_min
    assert [event.event for event in await tasks.history(runtime.sessions, task.id)][-2:] == [
        "checked_out", "confirmed"]
    status, report = await ledger_verify_cli(tmp_path / "config.toml")
    assert status == 0 and "ledger verify: ok" in report, report
