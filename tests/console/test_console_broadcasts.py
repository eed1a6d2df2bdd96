"""Staff compose a broadcast on the console: preview in their own WeChat, confirm, then watch it go out."""

import asyncio

from storage import audit, broadcasts


async def wait_until_finished(runtime, broadcast_id: int) -> broadcasts.Broadcast:
    for _ in range(200):  # the in-process job worker sends it; bounded wait, no timing asserted
        broadcast = await broadcasts.get(runtime.sessions, broadcast_id)
        if broadcast.status not in (broadcasts.SCHEDULED, broadcasts.SENDING) or broadcast.wechat_msg_id:
            return broadcast
        await asyncio.sleep(0.05)
    return broadcast


async def test_a_broadcast_is_previewed_confirmed_once_and_sent_to_the_sandbox(staff, volunteer, console, runtime,
                                                                              inbox, member_chat):
    await member_chat("o_staff_zhao").says("你好")
    zhao = await console("o_staff_zhao")
    await zhao.get("/console/broadcasts")
    status, page = await zhao.post("/console/broadcasts/preview", {"content": "", "audience": "all"})
    assert status == 400 and "请写群发的内容" in page
    status, page = await zhao.post("/console/broadcasts/preview",
                                   {"content": "周六上午社区义诊，欢迎参加。", "audience": "all", "send_at": ""})
    assert status == 200 and "确认发送" in page and "全体成员" in page
    assert await inbox.wait_for("o_staff_zhao", "周六上午社区义诊")  # the preview, in the author's own WeChat
    assert not await broadcasts.history(runtime.sessions)  # nothing goes out without the confirmation

    nonce = page.split('name="nonce" value="', 1)[1].split('"', 1)[0]
    form = {"content": "周六上午社区义诊，欢迎参加。", "audience": "all", "send_at": "", "nonce": nonce}
    status, page = await zhao.post("/console/broadcasts/send", form)
    assert status == 200 and "群发已确认" in page
    await zhao.post("/console/broadcasts/send", form)  # confirmed twice: one broadcast
    (sent,) = await broadcasts.history(runtime.sessions)
    sent = await wait_until_finished(runtime, sent.id)
    assert sent.channel == broadcasts.MASS and sent.wechat_msg_id
    _, page = await zhao.get("/console/broadcasts")
    assert "周六上午社区义诊" in page
    actions = {entry.action for entry in await audit.entries(runtime.sessions, limit=30)}
    assert {"broadcast_preview", "broadcast_confirmed"} <= actions


async def test_a_scheduled_broadcast_can_be_cancelled_before_it_goes(staff, volunteer, console, runtime):
    zhao = await console("o_staff_zhao")
    await zhao.get("/console/broadcasts")
    _, page = await zhao.post("/console/broadcasts/preview", {"content": "下周一停水通知", "audience": "volunteer",
                                                               "send_at": "2099-01-01T09:00"})
    assert "最多只能提前" in page
    from datetime import timedelta
    from bot.console.render import LOCAL_TIME
    from storage.base import utcnow
    tomorrow = (utcnow() + timedelta(days=1)).astimezone(LOCAL_TIME).strftime("%Y-%m-%dT09:00")
    _, page = await zhao.post("/console/broadcasts/preview", {"content": "下周一停水通知", "audience": "volunteer",
                                                               "send_at": tomorrow})
    nonce = page.split('name="nonce" value="', 1)[1].split('"', 1)[0]
    _, page = await zhao.post("/console/broadcasts/send", {"content": "下周一停水通知", "audience": "volunteer",
                                                            "send_at": tomorrow, "nonce": nonce})
    assert "待发送" in page and "取消这条群发" in page
    (scheduled,) = await broadcasts.history(runtime.sessions)
    _, page = await zhao.post(f"/console/broadcasts/{scheduled.id}/cancel", {})
    assert "群发已取消" in page
    assert (await broadcasts.get(runtime.sessions, scheduled.id)).status == broadcasts.CANCELLED
