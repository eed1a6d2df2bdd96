"""退订 and 订阅: a member leaves and rejoins the broadcasts, in chat; WeChat's tags follow."""

import asyncio

import pytest

from bot.handler_context import handler_context
from bot.tag_sync import sync_tags
from storage import audit, members, tags
from storage.base import utcnow

BROADCAST_TAGS = {"时间银行会员", "老人", "社区:青山湖社区"}


async def tags_on_wechat(runtime, openid: str) -> set[str]:
    names = {tag["id"]: tag["name"] for tag in await runtime.wechat.list_tags()}
    info = await runtime.wechat.call(runtime.wechat.client.user.get, openid)
    return {names[tag_id] for tag_id in info["tagid_list"]}


async def until_tags_are(runtime, openid: str, expected: set[str], timeout_s: float = 10.0) -> set[str]:
    """The job worker in the bot syncs tags after the turn: wait (a bounded time) for it."""
    return await _until(lambda: tags_on_wechat(runtime, openid), expected, timeout_s)


async def until_recorded_tags_are(runtime, member_id: int, expected: tuple[str, ...],
                                  timeout_s: float = 10.0) -> tuple[str, ...]:
    """The worker records a tag only after WeChat took it: the database may lag the sandbox by a moment."""
    return await _until(lambda: tags.tags_of(runtime.sessions, member_id), expected, timeout_s)


async def _until(read, expected, timeout_s: float):
    deadline = asyncio.get_running_loop().time() + timeout_s
    while (found := await read()) != expected:
        if asyncio.get_running_loop().time() > deadline:
            break
        await asyncio.sleep(0.1)
    return found


@pytest.fixture
async def grandma(runtime, member_chat, inbox):
    await members.register_member(runtime.sessions, runtime.keyring, role=members.ELDER, openid="o_grandma_wang",
                                  consent=members.Consent("v1", utcnow()), community="青山湖社区")
    await sync_tags({"runtime": runtime, "handlers": handler_context(runtime)})
    assert await tags_on_wechat(runtime, "o_grandma_wang") == BROADCAST_TAGS
    return member_chat("o_grandma_wang")


async def test_退订_takes_a_member_off_every_broadcast_tag_and_订阅_puts_them_back(grandma, runtime):
    answer = await grandma.says("退订")
    assert "已为您退订" in answer and "订单的消息照常" in answer and "订阅" in answer
    member = await members.member_by_openid(runtime.sessions, "o_grandma_wang")
    assert member.broadcasts_opted_out
    assert await until_tags_are(runtime, "o_grandma_wang", set()) == set()
    assert await until_recorded_tags_are(runtime, member.id, ()) == ()

    assert "已经退订" in await grandma.says("不要再发了")

    assert "恢复订阅" in await grandma.says("订阅")
    assert not (await members.member_by_openid(runtime.sessions, "o_grandma_wang")).broadcasts_opted_out
    assert await until_tags_are(runtime, "o_grandma_wang", BROADCAST_TAGS) == BROADCAST_TAGS
    assert "一直在接收" in await grandma.says("订阅")

    trail = [entry.action for entry in await audit.entries(runtime.sessions, subject=member.id)]
    assert trail.count("broadcasts_opt_out") == 1 and trail.count("broadcasts_opt_in") == 1


async def test_someone_not_registered_may_say_退订_and_is_told_kindly_there_is_nothing_to_stop(member_chat, runtime):
    passer_by = member_chat("o_passer_by")
    answer = await passer_by.says("退订")
    assert "还没有注册" in answer and "不用退订" in answer
    assert "注册后就能收到" in await passer_by.says("订阅")
    assert await members.member_by_openid(runtime.sessions, "o_passer_by") is None


async def test_a_suspended_member_can_still_opt_out(grandma, runtime):
    member = await members.member_by_openid(runtime.sessions, "o_grandma_wang")
    await members.suspend_member(runtime.sessions, member.id, members.SYSTEM, "核实中")
    assert "已为您退订" in await grandma.says("退订")
    assert (await members.member_by_openid(runtime.sessions, "o_grandma_wang")).broadcasts_opted_out


@pytest.fixture
def runs_jobs() -> bool:
    return True  # 退订 changes WeChat's tags through a job, in the background, as in the running bot
