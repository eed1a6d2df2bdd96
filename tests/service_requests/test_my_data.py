"""Trust you can see: a member asks what the bank holds about them, who has read it, and for a copy of it."""

import asyncio
import json
import re
from datetime import timedelta

import aiohttp
import pytest

from storage import audit, data_export, members
from storage.base import utcnow

ELDER_PHONE, VOLUNTEER_PHONE = "13800130001", "13800130002"
EXPORT_LINK = re.compile(r"/export/([A-Za-z0-9_-]+)")


@pytest.fixture
async def visited(community, member_chat):
    """An elder whose volunteer has her phone for tomorrow's visit, and whose daughter acts for her."""
    elder = await community.elder()
    await community.grant(elder, 300)
    await community.volunteer("o_vol_zhang")
    await community.daughter_of(elder)
    task = await community.request(elder, hours_ahead=20)  # inside the contact window
    assert "接单成功" in await member_chat("o_vol_zhang").says(f"接单 {task.id}")
    return elder, task


async def test_an_elder_asks_who_has_seen_her_data_and_sees_the_volunteer_s_read_and_staff_s_reason(
        visited, community, member_chat, runtime):
    elder, task = visited
    staff = await community.staff()
    await members.reveal(runtime.sessions, runtime.keyring, staff.actor, elder.id, ("phone",),
                         members.Purpose("女儿来电说联系不上，核对电话"))

    seen = await member_chat("o_elder_wang").says("谁看过我的信息")
    assert "张**（志愿者）" in seen and f"#{task.id}" in seen and "为了上门服务联系" in seen
    assert "赵**（工作人员）" in seen and "核对电话" in seen
    assert VOLUNTEER_PHONE not in seen and "member:" not in seen and "staff:" not in seen
    assert "王**" not in seen  # her own reads are not news to her

    said_otherwise = await member_chat("o_elder_wang").says("我的电话谁看过？")
    assert "张**（志愿者）" in said_otherwise


async def test_a_daughter_acting_for_her_mother_sees_the_same_for_her(visited, member_chat):
    elder, task = visited
    seen = await member_chat("o_family_li").says("谁看过我的信息")
    assert "王**（您代理的老人）" in seen and "张**（志愿者）" in seen and f"#{task.id}" in seen


async def test_my_data_is_shown_masked_with_how_to_correct_it(visited, member_chat):
    held = await member_chat("o_elder_wang").says("我的信息")
    assert "138****0001" in held and "王**" in held and "青山湖社区" in held and "老人" in held
    assert ELDER_PHONE not in held and "3栋2单元501" not in held
    assert "要改正" in held and "导出我的信息" in held


async def test_an_export_link_works_once_and_then_expires(visited, member_chat, bot_server, runtime):
    elder, task = visited
    reply = await member_chat("o_elder_wang").says("导出我的信息")
    assert "只能打开一次" in reply and ELDER_PHONE not in reply
    url = str(bot_server.make_url(f"/export/{EXPORT_LINK.search(reply).group(1)}"))
    async with aiohttp.ClientSession() as http:
        async with http.get(url) as first:
            assert first.status == 200 and "attachment" in first.headers["Content-Disposition"]
            copy = json.loads(await first.text())
        async with http.get(url) as second:
            assert second.status == 410 and "失效" in await second.text()
    assert copy["profile"]["phone"] == ELDER_PHONE and copy["profile"]["address"] == "青山湖小区3栋2单元501"
    assert [request["id"] for request in copy["requests_and_tasks"]] == [task.id]
    assert any(line["kind"] == "grant" for line in copy["transfers"])
    (logged,) = [e for e in await audit.entries(runtime.sessions, subject=elder.id, action="reveal")
                 if e.reason == data_export.EXPORT_REASON]
    assert logged.actor == f"member:{elder.id}"


async def test_an_unused_export_link_expires_within_a_day(runtime, redis):
    token = await data_export.create_link(runtime.redis, 7, now=utcnow())
    assert await data_export.consume_link(runtime.redis, token, now=utcnow() + timedelta(hours=24)) is None
    assert await data_export.consume_link(runtime.redis, "not-a-token", now=utcnow()) is None
    assert data_export.DEFAULT_TTL <= timedelta(days=1)


async def test_two_clicks_at_once_on_an_export_link_give_one_copy(visited, member_chat, bot_server):
    reply = await member_chat("o_elder_wang").says("导出我的信息")
    url = str(bot_server.make_url(f"/export/{EXPORT_LINK.search(reply).group(1)}"))
    async with aiohttp.ClientSession() as http:
        async def click() -> int:
            async with http.get(url) as response:
                await response.read()
                return response.status
        assert sorted(await asyncio.gather(*(click() for _ in range(5)))) == [200, 410, 410, 410, 410]
