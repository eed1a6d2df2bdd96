"""WeChat's API fails while volunteers are told of a new request: busy (-1), rate limited (45009), too slow.

Replies to members go back in the HTTP response and never wait on the API; the notifications are retried
(within a call, then by the outbox with backoff), every failed try is recorded, and each volunteer hears
of the request exactly once.
"""

from sqlalchemy import select

from storage.outbox import DeliveryAttemptRow, OutboundMessage
from tests.faults.conftest import WeChatTo

CUSTOM_SEND = "message/custom/send"
FAULTS = (
    {"api": CUSTOM_SEND, "errcode": -1, "count": 3},
    {"api": CUSTOM_SEND, "errcode": 45009, "count": 3},
    {"api": CUSTOM_SEND, "delay_s": 3.0, "count": 2},  # longer than the bot's api_timeout (2 s)
)


async def test_notifications_get_through_a_failing_api_once_each(start_bot, http, bot_config, community, runtime,
                                                                sandbox, inbox):
    elder = await community.elder()
    volunteers = [await community.volunteer(f"o_vol_{n}", f"志愿者{n}") for n in range(3)]
    wechat = WeChatTo(http, await start_bot(), bot_config)
    for volunteer in volunteers:  # they wrote lately: customer-service messages may reach them
        await wechat.says(volunteer.openid, "你好")
        await inbox.skip_to_now(volunteer.openid)
    for fault in FAULTS:
        async with http.post(str(sandbox.make_url("/sandbox/faults")), json=fault) as response:
            assert response.status == 200

    assert "在哪里" in await wechat.says(elder.openid, "明天下午三点找人陪我聊聊天，两个小时")
    await wechat.says(elder.openid, "1")
    await wechat.says(elder.openid, "没有")
    posted = await wechat.says(elder.openid, "是")  # the passive reply: the API's trouble is not the elder's
    assert "单号 #" in posted
    task_id = posted.split("#")[1].split("。")[0]
    assert f"#{task_id}" in await wechat.says(volunteers[0].openid, "有什么任务")  # nothing waits on the API

    for volunteer in volunteers:
        told = await inbox.wait_for(volunteer.openid, "新需求", timeout_s=20)
        assert sum(f"新需求 #{task_id}" in text for text in told) == 1, told

    async with runtime.sessions() as session:
        statuses = (await session.scalars(select(OutboundMessage.status))).all()
        failures = (await session.execute(
            select(DeliveryAttemptRow.errcode, DeliveryAttemptRow.error)
            .where(DeliveryAttemptRow.result == "failed"))).all()
    assert statuses and set(statuses) == {"sent"}
    assert failures  # the tries that failed are on record, with what WeChat said
    assert {errcode for errcode, _ in failures} <= {-1, 45009, None}
