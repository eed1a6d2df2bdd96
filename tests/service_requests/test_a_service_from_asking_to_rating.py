"""The whole life of one request, told through WeChat: an elder asks, a volunteer comes, credits move, both rate."""

import asyncio
from datetime import datetime, timedelta

from sqlalchemy import text

from storage import ledger, tasks
from storage.base import utcnow
from tests.service_requests.conftest import NEXT_DOOR, local_day


async def test_an_elder_gets_company_and_the_volunteer_earns_the_credits(community, member_chat, wechat, inbox,
                                                                        runtime):
    elder = await community.elder()
    daughter = await community.daughter_of(elder)
    zhang = await community.volunteer("o_vol_zhang", "张志强")
    liu = await community.volunteer("o_vol_liu", "刘芳")
    for volunteer in ("o_vol_zhang", "o_vol_liu"):  # both wrote to the account lately: pushes reach them
        await member_chat(volunteer).says("你好")
        await inbox.skip_to_now(volunteer)
    wang = member_chat("o_elder_wang")

    reply = await wang.says("明天下午三点找人陪我聊聊天，两个小时")
    assert "在哪里" in reply
    assert "还有什么要交代" in await wang.says("1")
    summary = await wang.says("没有")
    assert local_day(utcnow() + timedelta(days=1)) in summary and "下午3:00" in summary and "约2小时" in summary
    assert "费用：2小时" in summary and "老人不用花时间币" in summary
    posted = await wang.says("是")
    assert "单号 #" in posted
    task_id = int(posted.split("#")[1].split("。")[0])

    assert f"#{task_id}" in await member_chat("o_family_li").says("我的订单")  # the daughter keeps an eye on it
    for volunteer in ("o_vol_zhang", "o_vol_liu"):
        assert any(f"新需求 #{task_id}" in text for text in await inbox.wait_for(volunteer, "新需求"))

    first, second = await asyncio.gather(member_chat("o_vol_zhang").says(f"接单 {task_id}"),
                                         member_chat("o_vol_liu").says(f"接单 {task_id}"))
    winner, loser = (first, second) if "接单成功" in first else (second, first)
    assert "接单成功" in winner and "已经被别的志愿者接走" in loser
    assert "青山湖小区3栋2单元501" in winner  # the accepted volunteer sees where to go
    winner_openid = "o_vol_zhang" if winner is first else "o_vol_liu"
    winner_member = zhang if winner is first else liu

    told = await inbox.wait_for("o_family_li", "接单了")
    assert any("接单了" in text for text in told)
    assert not any("1380013" in text for text in told)  # the daughter sees the volunteer masked

    # The day itself: each message carries the time WeChat stamps on it.
    start = (await community.task(task_id)).starts_at

    def at(minutes: int) -> datetime:
        return start + timedelta(minutes=minutes)

    arrived = await wechat.post(wechat.location(winner_openid, *NEXT_DOOR, label="青山湖小区", created=at(-5)))
    assert "签到成功" in arrived.text
    assert (await community.task(task_id)).check_in_distance_m < 100
    assert "签退成功" in (await wechat.post(wechat.text(winner_openid, "签退", created=at(115)))).text
    assert any("确认完成" in text for text in await inbox.wait_for("o_elder_wang", "确认完成"))

    done = (await wechat.post(wechat.text("o_family_li", "确认完成", created=at(130)))).text
    assert "已确认完成" in done and "约定2小时，实际服务2小时" in done
    task = await community.task(task_id)
    assert task.status == tasks.DONE
    assert await community.available(winner_member) == task.cost_min == 120
    assert await community.available(elder) == 0  # an 86-year-old is sponsored

    assert "谢谢" in await member_chat("o_family_li").says("五星，很耐心")
    assert "谢谢" in await member_chat(winner_openid).says(f"评价 {task_id} 4星")
    assert "已经评价过" in await member_chat("o_elder_wang").says("5星")
    assert (await tasks.rating_of(runtime.sessions, task_id, tasks.REQUESTER)).stars == 5

    assert (await ledger.verify(runtime.sessions)).ok
    assert [event.event for event in await tasks.history(runtime.sessions, task_id)] == [
        "posted", "accepted", "checked_in", "checked_out", "confirmed"]


async def test_twenty_volunteers_race_for_one_request_and_exactly_one_wins(community, member_chat, runtime):
    elder = await community.elder()
    await community.grant(elder, 600)
    volunteers = [await community.volunteer(f"o_vol_{n:02d}", f"志愿者{n}") for n in range(20)]
    task = await community.request(elder)

    replies = await asyncio.gather(*(member_chat(v.openid).says(f"接单 {task.id}") for v in volunteers))

    assert sum("接单成功" in reply for reply in replies) == 1
    assert sum("已经被别的志愿者接走" in reply for reply in replies) == 19
    taken = await community.task(task.id)
    assert taken.status == tasks.ACCEPTED
    assert await community.available(elder) == 600 - taken.cost_min  # held once
    assert (await ledger.verify(runtime.sessions)).ok


async def test_nothing_personal_is_stored_in_the_clear(community, member_chat, runtime):
    elder = await community.elder()
    wang = member_chat("o_elder_wang")
    await wang.says("后天上午9点找人帮我打扫卫生，3个小时")
    await wang.says("2")
    await wang.says("幸福路88号女儿家")
    await wang.says("钥匙在门口鞋柜里")
    posted = await wang.says("是")
    assert "单号" in posted
    async with runtime.sessions() as session:
        rows = [str(tuple(row)) for row in (await session.execute(text("SELECT * FROM service_requests"))).all()]
    assert rows and not any("幸福路" in row or "鞋柜" in row for row in rows)
    assert (await community.task(int(posted.split("#")[1].split("。")[0]))).has_own_place
