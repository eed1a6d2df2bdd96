"""An SOS answered just before the process dies still reaches staff: it was spooled before the reply.

To kill the process at a known point, the test holds what raising the alert needs (SQLite's write lock, or
PostgreSQL's alerts table), the elder gets the numbers to call at once, and the process is killed right there.
A second story takes the later gap: the alert row is in the database, but its pushes were never queued.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import text

from bot.handler_context import handler_context
from bot.observability import Metrics
from bot.outbox_worker import outbox_worker
from handlers import emergency
from storage import alerts
from storage.base import utcnow
from storage.contact_window import ContactWindow
from storage.db import create_engine, is_sqlite
from storage.sos_spool import SOS_SPOOL_DIR, SosSpool
from tests.faults.conftest import WeChatTo

STAFF = "o_staff_zhao"  # [staff] openids in the test config


async def hold_the_alerts(database_url: str):
    engine = create_engine(database_url)
    connection = await engine.connect()
    await connection.begin()  # on SQLite: BEGIN IMMEDIATE, the one write lock
    if not is_sqlite(database_url):
        await connection.execute(text("LOCK TABLE alerts IN EXCLUSIVE MODE"))
    return engine, connection


async def test_an_sos_answered_right_before_a_kill_alerts_staff_after_the_restart(
        start_bot, http, bot_config, database_url, inbox, runtime):
    await inbox.skip_to_now(STAFF)
    bot = await start_bot()
    await WeChatTo(http, bot, bot_config).says(STAFF, "你好")  # staff wrote today: pushes reach them as text
    engine, blocker = await hold_the_alerts(database_url)
    try:
        assert "120" in await WeChatTo(http, bot, bot_config).says("o_stranger_fell", "救命")
        bot.kill()  # the alert was waiting for the database: nothing of it is in there
    finally:
        await blocker.rollback()
        await blocker.close()
        await engine.dispose()
    assert await alerts.open_alerts(runtime.sessions) == []
    assert list((bot_config.data_dir / SOS_SPOOL_DIR).glob("*.sos"))

    await start_bot()
    told = await inbox.wait_for(STAFF, "紧急求助", timeout_s=30)
    assert any("未注册的微信用户" in message for message in told), told
    assert len(await alerts.open_alerts(runtime.sessions)) == 1
    assert not list((bot_config.data_dir / SOS_SPOOL_DIR).glob("*.sos"))


async def test_an_alert_recorded_before_the_crash_but_never_pushed_is_pushed_on_replay(
        bot_config, runtime, inbox):
    await ContactWindow(runtime.redis).member_wrote(STAFF, utcnow())
    await inbox.skip_to_now(STAFF)
    spool = SosSpool(bot_config.data_dir / SOS_SPOOL_DIR)
    received = utcnow()
    entry = spool.record("o_stranger_dizzy", received)
    alert_id, _ = await alerts.raise_or_repeat(runtime.sessions, alerts.SOS, within=timedelta(minutes=5),
                                               now=received, openid="o_stranger_dizzy")
    entry.raised(alert_id)
    entry.release()  # the process died here: the row committed, no push queued

    assert await emergency.replay_spooled(handler_context(runtime)) == 1
    await outbox_worker(runtime, Metrics()).deliver_due()  # what the running bot's outbox worker does
    told = await inbox.wait_for(STAFF, f"#{alert_id}", timeout_s=10)
    assert any(f"#{alert_id}" in message for message in told), told
    [alert] = await alerts.open_alerts(runtime.sessions)
    assert alert.id == alert_id and (alert.detail or {}).get("repeats", 0) == 0
    assert not list(spool.directory.glob("*.sos"))


async def test_a_kill_between_the_alert_and_noting_its_id_still_pushes_on_replay(bot_config, runtime, inbox):
    await ContactWindow(runtime.redis).member_wrote(STAFF, utcnow())
    await inbox.skip_to_now(STAFF)
    spool = SosSpool(bot_config.data_dir / SOS_SPOOL_DIR)
    received = utcnow()
    entry = spool.record("o_stranger_faint", received)
    alert_id, _ = await alerts.raise_or_repeat(runtime.sessions, alerts.SOS, within=timedelta(minutes=5),
                                               now=received, openid="o_stranger_faint")
    entry.release()  # killed before the id reached the file

    assert await emergency.replay_spooled(handler_context(runtime)) == 1
    await outbox_worker(runtime, Metrics()).deliver_due()
    told = await inbox.wait_for(STAFF, f"#{alert_id}", timeout_s=10)
    assert any(f"#{alert_id}" in message for message in told), told
    assert not list(spool.directory.glob("*.sos"))
