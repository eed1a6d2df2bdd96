"""Redis restarts in the middle of a conversation, then is down for a while, then comes back.

The bot runs on a redis-server of the test's own (append-only file, fsync on every write): stopping and
starting it is a real restart, and while it is stopped every Redis call is refused.
"""

import asyncio

from storage import ledger
from storage.job_queue import QUEUE_NAME, JobQueue
from tests.faults.conftest import WeChatTo

BUSY = "系统繁忙"


async def test_a_conversation_survives_a_redis_restart_and_an_outage(start_bot, http, bot_config, community, runtime,
                                                                     own_redis):
    elder = await community.elder()
    bot = await start_bot(environment={"TIMEBANK_REDIS_URL": own_redis.url}, jobs=True)  # the job worker too
    wechat = WeChatTo(http, bot, bot_config)
    wang = elder.openid

    assert "在哪里" in await wechat.says(wang, "明天下午三点找人陪我聊聊天，两个小时")
    own_redis.stop()
    own_redis.start()  # restarted mid-conversation: the half-filled request comes back from the append-only file
    assert "交代" in await wechat.says(wang, "1")

    own_redis.stop()  # and now down for a while
    for message in ("没有", "余额", "我的订单"):
        assert BUSY in await wechat.says(wang, message)  # a polite reply, never a 5xx
    assert "120" in await wechat.says(wang, "救命")  # an SOS needs no Redis
    async with http.get(f"{bot.url}/healthz") as health:
        assert health.status == 503 and (await health.json())["redis"].startswith("down")
    assert bot.alive

    own_redis.start()
    assert "费用" in await wechat.says(wang, "没有")  # the turn refused while Redis was down is asked again
    assert "单号 #" in await wechat.says(wang, "是")
    async with http.get(f"{bot.url}/healthz") as health:
        assert health.status == 200
    assert (await ledger.verify(runtime.sessions)).ok
    assert await background_work_runs(own_redis.url)


async def background_work_runs(redis_url: str) -> bool:
    """The bot's job worker lost Redis with the restart; it must be back at work, not gone for good."""
    queue = JobQueue.from_url(redis_url)
    try:
        assert await queue.enqueue("expire_redemptions", job_id="after-the-outage")
        for _ in range(300):
            # arq takes a job off its queue when the job has finished.
            if await queue.redis.zscore(QUEUE_NAME, "after-the-outage") is None:
                return True
            await asyncio.sleep(0.05)
        return False
    finally:
        await queue.close()
