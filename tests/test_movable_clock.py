"""The clock you can move, for dev and drills: a whole service, from asking to payment, in a few minutes.

`[dev] movable_clock` adds POST /dev/clock; moving the clock runs at once what fell due, the way the
worker's schedule would have. Without the setting the endpoint does not exist, and with WeChat itself
(not the sandbox on this machine) the bot refuses to start.
"""

from dataclasses import replace
from datetime import timedelta

import aiohttp
import pytest

from bot.config import ConfigError
from bot.runtime import open_runtime
from storage import ledger, tasks
from storage.clock import CLOCK
from tests.service_requests.conftest import NEXT_DOOR, Community


@pytest.fixture
def movable() -> bool:
    return True


@pytest.fixture
def bot_config(bot_config, movable):
    return replace(bot_config, movable_clock=movable)


@pytest.fixture
async def clock(bot_server):
    async with aiohttp.ClientSession() as http:
        async def move(**body):
            async with http.post(bot_server.make_url("/dev/clock"), json=body) as response:
                return response.status, await (response.json() if response.status == 200 else response.text())
        yield move


async def test_a_drill_plays_a_service_from_asking_to_automatic_payment(runtime, member_chat, wechat, inbox, clock):
    community = Community(runtime)
    elder = await community.elder()
    volunteer = await community.volunteer("o_vol_zhang", "张志强")
    wang, zhang = member_chat("o_elder_wang"), member_chat("o_vol_zhang")
    await zhang.says("你好")
    await wang.says("明天下午三点找人陪我聊聊天，两个小时")
    await wang.says("1")
    await wang.says("没有")
    task_id = int((await wang.says("是")).split("#")[1].split("。")[0])
    assert "接单成功" in await zhang.says(f"接单 {task_id}")
    task = await community.task(task_id)

    status, moved = await clock(set=(task.starts_at - timedelta(minutes=50)).isoformat())
    assert status == 200 and moved["done"]["reminded"] == 1
    assert any(text.startswith("提醒") for text in await inbox.wait_for("o_vol_zhang", "提醒"))

    await clock(advance_s=55 * 60)  # five minutes past the start: the volunteer is at the door
    arrived = await wechat.post(wechat.location("o_vol_zhang", *NEXT_DOOR, label="青山湖小区"))
    assert "签到成功" in arrived.text
    await clock(advance_s=2 * 3600)
    assert "签退成功" in await zhang.says("签退")
    assert (await community.task(task_id)).checked_out_at >= task.starts_at  # the check-out is on the moved clock

    status, moved = await clock(advance_s=12 * 3600)
    assert moved["done"]["auto_confirmed"] == 0  # nobody has confirmed, and it is not yet time
    status, moved = await clock(advance_s=12 * 3600 + 60)
    assert moved["done"]["auto_confirmed"] == 1
    assert (await community.task(task_id)).status == tasks.DONE
    assert await community.available(volunteer) == task.cost_min == 120
    assert any("自动" in text or "确认" in text for text in await inbox.wait_for("o_vol_zhang", "确认"))
    assert (await ledger.verify(runtime.sessions)).ok


async def test_the_clock_only_moves_forward_and_says_so(clock):
    before = CLOCK.now()
    status, problem = await clock(set=(before - timedelta(days=1)).isoformat())
    assert status == 400 and "forward" in problem
    assert (await clock(advance_s="soon"))[0] == 400
    assert (await clock(advance_s=60, set="2030-01-01T00:00+08:00"))[0] == 400
    status, moved = await clock(set="2030-01-01 09:00")  # without its offset: Beijing time
    assert moved["now"] == "2030-01-01T01:00:00+00:00"
    assert moved["done"]["reports"][-1] == "2029-12-31"  # the 08:00 report of the morning it passed


async def test_a_second_process_of_the_bot_sees_the_moved_clock(bot_config, runtime, clock):
    await clock(advance_s=3 * 86400)
    CLOCK.reset()  # as a separate worker process starts: real time, until it reads the shared offset
    async with open_runtime(bot_config):
        assert CLOCK.offset >= timedelta(days=3)


@pytest.mark.parametrize("movable", [False])
async def test_without_the_setting_there_is_no_clock_to_move(bot_server, movable):
    async with aiohttp.ClientSession() as http, http.post(bot_server.make_url("/dev/clock"),
                                                          json={"advance_s": 60}) as response:
        assert response.status in (404, 405)


def test_start_up_refuses_a_movable_clock_with_wechat_itself(tmp_path, monkeypatch):
    from bot.config import load_config

    monkeypatch.chdir(tmp_path)  # no config.toml: the embedded defaults, whose WeChat is the real one

    with pytest.raises(ConfigError, match="dev.movable_clock.*loopback"):
        load_config(None, environ={"TIMEBANK_DEV_MOVABLE_CLOCK": "true"})
    sandboxed = {"TIMEBANK_DEV_MOVABLE_CLOCK": "true", "TIMEBANK_WECHAT_API_BASE_URL": "http://127.0.0.1:8081"}
    assert load_config(None, environ=sandboxed).movable_clock
    assert not load_config(None, environ={}).movable_clock


async def test_a_runtime_given_a_movable_clock_with_wechat_itself_does_not_open(bot_config, redis):
    """Whatever overrode the file after it was read (as `timebank dev` overrides api_base_url)."""
    towards_wechat = bot_config.with_overrides(wechat={"api_base_url": "https://api.weixin.qq.com"})
    with pytest.raises(ConfigError, match="loopback"):
        async with open_runtime(towards_wechat):
            pass


async def test_a_broadcast_scheduled_for_tomorrow_goes_out_when_the_clock_reaches_it(runtime, clock):
    from bot.worker import build_worker
    from storage import broadcasts
    from storage.base import utcnow
    staff = await Community(runtime).staff()
    tomorrow = utcnow() + timedelta(days=1)
    broadcast = await broadcasts.create(runtime.sessions, author=staff.actor, content="周六社区义诊", audience="all",
                                        channel=broadcasts.FANOUT, request_key="drill", now=utcnow(),
                                        scheduled_at=tomorrow)
    # Its own job (as staff confirm it) would wait on the real clock, a day: the move starts it instead.

    assert (await clock(advance_s=3600))[1]["done"]["broadcasts_started"] == 0
    assert (await clock(advance_s=86400))[1]["done"]["broadcasts_started"] == 1
    worker = build_worker(runtime, burst=True)
    try:
        await worker.async_run()
    finally:
        await worker.close()
    assert (await broadcasts.get(runtime.sessions, broadcast.id)).status != broadcasts.SCHEDULED
