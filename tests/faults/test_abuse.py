"""One member sends hundreds of messages a minute (a stuck phone, a script): past the limit they get a polite
"slow down", everyone else is answered as usual, and an SOS always gets through."""

import asyncio

from tests.faults.conftest import WeChatTo

LIMIT = 20
SLOW_DOWN = "发得太快"


async def test_a_flooding_member_is_slowed_down_politely_and_nobody_else_is(start_bot, http, bot_config,
                                                                            community):
    await community.elder("o_elder_li", "李桂兰")
    wechat = WeChatTo(http, await start_bot(environment={"TIMEBANK_SERVER_MEMBER_MESSAGES_PER_MINUTE": str(LIMIT)}),
                      bot_config)

    async def flood(count: int) -> list[str]:
        return [await wechat.says("o_flooder", f"第{n}条") for n in range(count)]

    async def neighbour() -> list[str]:
        return [await wechat.says("o_elder_li", "余额") for _ in range(5)]

    flooded, answered = await asyncio.gather(flood(200), neighbour())

    slowed = [reply for reply in flooded if SLOW_DOWN in reply]
    # A fixed one-minute window: a burst across a minute's turn may get up to twice the limit through.
    assert 200 - 2 * LIMIT <= len(slowed) <= 200 - LIMIT
    assert all(reply for reply in flooded)  # every message answered, none dropped with an error
    assert all("余额" in reply or "时间币" in reply for reply in answered), answered
    assert not any(SLOW_DOWN in reply for reply in answered)
    assert "120" in await wechat.says("o_flooder", "救命")  # never limited
