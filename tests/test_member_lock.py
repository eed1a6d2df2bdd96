"""One member's messages are handled one at a time; different members' in parallel."""

import asyncio

import pytest

from handlers.types import Outcome, Reply


@pytest.fixture
def activity():
    return {"running": {}, "most_at_once": {}, "overall_peak": 0}


@pytest.fixture
def responder(activity):
    async def watching(incoming, ctx):
        running = activity["running"]
        running[incoming.openid] = running.get(incoming.openid, 0) + 1
        peak = activity["most_at_once"]
        peak[incoming.openid] = max(peak.get(incoming.openid, 0), running[incoming.openid])
        activity["overall_peak"] = max(activity["overall_peak"], sum(running.values()))
        await asyncio.sleep(0.1)
        running[incoming.openid] -= 1
        return Outcome(Reply("好"), "test")

    return watching


async def test_a_member_typing_fast_is_answered_in_turn(wechat, activity):
    answers = await asyncio.gather(*(wechat.post(wechat.text("o_fast_typist", f"第{n}句")) for n in range(5)))
    assert all(answer.text == "好" for answer in answers)
    assert activity["most_at_once"]["o_fast_typist"] == 1


async def test_different_members_do_not_wait_for_each_other(wechat, activity):
    await asyncio.gather(*(wechat.post(wechat.text(f"o_member_{n}", "你好")) for n in range(5)))
    assert activity["overall_peak"] > 1
