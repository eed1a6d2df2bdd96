"""WeChat delivers every message three times, at once and a moment later, to two bot processes: each turn
that moves credits or changes a request still takes effect once."""

import asyncio

from sqlalchemy import func, select

from storage import ledger, tasks
from storage.tasks.tables import ServiceRequestRow
from tests.faults.conftest import WeChatTo
from tests.service_requests.conftest import NEXT_DOOR

STAGGER_S = 0.4


async def delivered_three_times(wechat: WeChatTo, xml: str) -> list[str]:
    """Two deliveries at once and one more a moment later, each with its own signature and nonce."""
    async def late() -> str:
        await asyncio.sleep(STAGGER_S)
        return (await wechat.wechat.post(xml)).text

    answers = await asyncio.gather(wechat.wechat.post(xml), wechat.wechat.post(xml), late())
    texts = [answer if isinstance(answer, str) else answer.text for answer in answers]
    assert all(answer.status == 200 for answer in answers[:2])
    return texts


async def test_a_whole_service_delivered_three_times_settles_once(start_bot, http, bot_config, community, runtime):
    elder = await community.elder()
    volunteer = await community.volunteer("o_vol_zhang")
    wechat = WeChatTo(http, await start_bot(workers=2), bot_config)
    say = wechat.wechat

    async def storm(openid: str, text: str, expected: str, at=None) -> str:
        texts = await delivered_three_times(wechat, say.text(openid, text, created=at))
        assert all(expected in text for text in texts), texts  # every delivery gets the one reply
        assert len(set(texts)) == 1
        return texts[0]

    await storm(elder.openid, "明天下午三点找人陪我聊聊天，两个小时", "在哪里")
    await storm(elder.openid, "1", "交代")
    await storm(elder.openid, "没有", "费用")
    posted = await storm(elder.openid, "是", "单号 #")
    task_id = int(posted.split("#")[1].split("。")[0])
    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(ServiceRequestRow)) == 1

    await storm(volunteer.openid, f"接单 {task_id}", "接单成功")
    planned = await community.task(task_id)
    arrived = await delivered_three_times(wechat, say.location(volunteer.openid, *NEXT_DOOR, label="青山湖小区",
                                                               created=planned.starts_at))
    assert all("签到成功" in text for text in arrived), arrived
    await storm(volunteer.openid, "签退", "签退成功", at=planned.ends_at)
    await storm(elder.openid, "确认完成", "已确认完成", at=planned.ends_at)

    task = await community.task(task_id)
    assert task.status == tasks.DONE
    assert await community.available(volunteer) == task.cost_min  # paid once, not three times
    assert [event.event for event in await tasks.history(runtime.sessions, task_id)] == [
        "posted", "accepted", "checked_in", "checked_out", "confirmed"]
    assert (await ledger.verify(runtime.sessions)).ok
